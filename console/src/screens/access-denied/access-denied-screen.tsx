import { useEffect } from 'preact/hooks';
import { LockIcon } from '../../ui/icons.js';

/** The whole page for a screen the operator may not open (O2): no partial content, no data query. */
export function AccessDeniedScreen({ area }: { area: string }) {
  useEffect(() => {
    document.title = 'Access denied · Roster';
  }, []);
  return (
    <section class="status-page" data-testid="access-denied">
      <LockIcon class="status-page__icon" />
      <h1>Access denied</h1>
      <p>
        You do not have permission to open <strong>{area}</strong>. This area needs the IT Settings IAM
        permission (<code>iam:read</code>).
      </p>
      <p class="muted">Ask an administrator of your organisation to add it to your role.</p>
    </section>
  );
}
