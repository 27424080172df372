import { useMutation } from '@urql/preact';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { SpinnerIcon } from '../../ui/icons.js';
import { useNotify } from '../../ui/notifications.js';
import { ScimBlockedState } from './scim-blocked-state.js';

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

/**
 * Turns SCIM provisioning on and off for the company (O19); activation lives only here (O11).
 * While SCIM is unavailable (deployment switch, Entra ID) the stored status means nothing to an
 * IdP — every request is refused — so the card shows the blocking state instead of a toggle.
 */
export function ScimActivationCard(props: { config: FragmentType<typeof ScimActivationCardFragment> }) {
  const config = useFragment(ScimActivationCardFragment, props.config);
  return (
    <section class="card" aria-labelledby="scim-activation-title" data-testid="scim-activation">
      {config.availability === 'AVAILABLE' ? (
        <AvailableState active={config.status === 'ACTIVE'} canManage={config.viewerCanManage} />
      ) : (
        <ScimBlockedState availability={config.availability} canManage={config.viewerCanManage} />
      )}
      {!config.viewerCanManage && <p class="muted">Activating and deactivating SCIM needs the iam:manage permission.</p>}
    </section>
  );
}

function AvailableState({ active, canManage }: { active: boolean; canManage: boolean }) {
  const [activation, activate] = useMutation(ActivateMutation);
  const [deactivation, deactivate] = useMutation(DeactivateMutation);
  const notify = useNotify();
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
    <>
      <div class="card__header">
        <h2 id="scim-activation-title">SCIM provisioning</h2>
        {canManage && (
          <div class="card__actions">
            <button type="button" class={`button ${active ? '' : 'button--primary'}`} onClick={toggle} disabled={busy} aria-busy={busy}>
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
    </>
  );
}
