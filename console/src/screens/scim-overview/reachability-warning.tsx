import { unreachableFromCloud, type Unreachable } from '../../lib/reachability.js';
import { WarningIcon } from '../../ui/icons.js';

const WHY: Record<Unreachable, string> = {
  loopback: 'points at this machine (a loopback address)',
  'private-network': 'is an address inside a private network',
  'not-https': 'is plain http://; cloud identity providers require https://',
};

/** Entra ID or Okta in the cloud cannot call localhost: say so before the operator pastes it. */
export function ReachabilityWarning({ baseUrl }: { baseUrl: string }) {
  const reason = unreachableFromCloud(baseUrl);
  if (!reason) return null;
  return (
    <div class="notice notice--platform" data-testid="reachability-warning">
      <WarningIcon />
      <div>
        <p>
          <strong>Cloud identity providers cannot reach this Base URL:</strong> it {WHY[reason]}.
        </p>
        <p>
          Set <code>PUBLIC_URL</code> to the public https address this Roster is reached at (e.g.{' '}
          <code>https://roster.example.com</code>) and restart it. A test from an IdP on your own network works as is.
        </p>
      </div>
    </div>
  );
}
