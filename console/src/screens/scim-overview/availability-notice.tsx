import type { ScimAvailability } from '../../gql/graphql.js';
import { ConflictIcon, WarningIcon } from '../../ui/icons.js';

/**
 * The two warning states (O4, O5). They differ in colour, icon, title and — most important — in
 * what to do next, because the remedies are completely different.
 */
export function AvailabilityNotice({ availability }: { availability: Exclude<ScimAvailability, 'AVAILABLE'> }) {
  if (availability === 'PLATFORM_DISABLED') {
    return (
      <section class="notice notice--platform" data-testid="notice-platform-disabled" aria-labelledby="notice-title">
        <WarningIcon />
        <div>
          <h2 id="notice-title">SCIM is disabled at the platform level</h2>
          <p>SCIM provisioning is not available in this Roster deployment, so there are no endpoints to configure.</p>
          <p>
            <strong>What to do:</strong> ask whoever runs your Roster deployment to enable SCIM (setting{' '}
            <code>SCIM_ENABLED</code>), or contact Roster support.
          </p>
        </div>
      </section>
    );
  }
  return (
    <section class="notice notice--conflict" data-testid="notice-entra-conflict" aria-labelledby="notice-title">
      <ConflictIcon />
      <div>
        <h2 id="notice-title">Microsoft Entra ID integration is active</h2>
        <p>
          Your organisation uses the native Entra ID integration. SCIM and Entra ID cannot run at the same time, so
          SCIM provisioning is unavailable.
        </p>
        <p>
          <strong>What to do:</strong> to use SCIM instead, turn off the Entra ID integration first. This is a
          configuration choice in your organisation, not a fault.
        </p>
      </div>
    </section>
  );
}
