import { useMutation } from '@urql/preact';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { ConflictIcon, SpinnerIcon, WarningIcon } from '../../ui/icons.js';
import { useNotify } from '../../ui/notifications.js';

export const ScimActivationCardFragment = graphql(`
  fragment ScimActivationCard_ScimConfig on ScimConfig {
    availability
    status
    viewerCanManage
  }
`);

const ActivateMutation = graphql(`
  mutation ActivateScim {
    activateScim {
      ...ScimActivationCard_ScimConfig
    }
  }
`);

const DeactivateMutation = graphql(`
  mutation DeactivateScimFromSamlOauth {
    deactivateScim {
      ...ScimActivationCard_ScimConfig
    }
  }
`);

const BLOCKED_REASON = {
  PLATFORM_DISABLED: 'SCIM cannot be activated: it is disabled for this whole Roster deployment. Ask whoever runs the deployment, or Roster support.',
  ENTRA_ID_CONFLICT: 'SCIM cannot be activated while the native Microsoft Entra ID integration is active. Turn off Entra ID first; SCIM and Entra ID cannot run at the same time.',
} as const;

/** Turns SCIM provisioning on and off for the company (O19); activation lives only here (O11). */
export function ScimActivationCard(props: { config: FragmentType<typeof ScimActivationCardFragment> }) {
  const config = useFragment(ScimActivationCardFragment, props.config);
  const [activation, activate] = useMutation(ActivateMutation);
  const [deactivation, deactivate] = useMutation(DeactivateMutation);
  const notify = useNotify();
  const active = config.status === 'ACTIVE';
  const blocked = config.availability === 'AVAILABLE' ? undefined : BLOCKED_REASON[config.availability];
  const busy = activation.fetching || deactivation.fetching;

  const toggle = async () => {
    const result = active ? await deactivate({}) : await activate({});
    if (!result.data) {
      notify('error', errorMessage(result.error, 'The SCIM status could not be changed. Please try again.'));
      return;
    }
    notify('success', active ? 'SCIM deactivated. Inbound SCIM requests are now refused.' : 'SCIM activated. Identity providers can provision users again.');
  };

  return (
    <section class="card" aria-labelledby="scim-activation-title" data-testid="scim-activation">
      <div class="card__header">
        <h2 id="scim-activation-title">SCIM provisioning</h2>
        {config.viewerCanManage && (
          <div class="card__actions">
            <button
              type="button"
              class={`button ${active ? '' : 'button--primary'}`}
              onClick={toggle}
              disabled={busy || (!active && Boolean(blocked))}
              aria-describedby={blocked ? 'scim-activation-blocked' : undefined}
              aria-busy={busy}
            >
              {busy && <SpinnerIcon />}
              {active ? 'Deactivate SCIM' : 'Activate SCIM'}
            </button>
          </div>
        )}
        <p class="card__subtitle">
          While SCIM is inactive, identity providers get a SCIM error and no data changes. Deactivating deletes nothing.
        </p>
      </div>
      <p>
        Status:{' '}
        <span class={`badge ${active ? 'badge--success' : 'badge--neutral'}`} data-testid="activation-status">
          {active ? 'Active' : 'Inactive'}
        </span>
      </p>
      {blocked && (
        <p class={`notice ${config.availability === 'ENTRA_ID_CONFLICT' ? 'notice--conflict' : 'notice--platform'}`} id="scim-activation-blocked">
          {config.availability === 'ENTRA_ID_CONFLICT' ? <ConflictIcon /> : <WarningIcon />}
          <span>{blocked}</span>
        </p>
      )}
      {!config.viewerCanManage && <p class="muted">Activating and deactivating SCIM needs the iam:manage permission.</p>}
    </section>
  );
}
