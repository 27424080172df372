import { useEffect } from 'preact/hooks';
import { Link } from '../../routing/router.js';
import { InfoIcon } from '../../ui/icons.js';

export function NotFoundScreen({ home }: { home: string }) {
  useEffect(() => {
    document.title = 'Page not found · Roster';
  }, []);
  return (
    <section class="status-page" data-testid="not-found">
      <InfoIcon class="status-page__icon status-page__icon--info" />
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <Link class="button" href={home}>
        Go to the console start page
      </Link>
    </section>
  );
}
