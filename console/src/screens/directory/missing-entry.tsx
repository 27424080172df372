import { Link } from '../../routing/router.js';

/** An id the company has no entry for (deleted meanwhile, mistyped, or another company's). */
export function MissingEntry({ what, back }: { what: string; back: string }) {
  return (
    <section class="status-page" data-testid="missing-entry">
      <h1>No such {what}</h1>
      <p>This {what} does not exist in your directory. It may have been deleted by your identity provider.</p>
      <Link class="button" href={back}>
        Back to all {what}s
      </Link>
    </section>
  );
}
