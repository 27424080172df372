import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { ScimAvailability } from '../../gql/graphql.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { Dialog } from '../../ui/dialog.js';
import { ConflictIcon, SpinnerIcon, WarningIcon } from '../../ui/icons.js';
import { useNotify } from '../../ui/notifications.js';

const DisableEntraIdMutation = graphql(`
  mutation DisableEntraId {
    disableEntraId {
      ...ScimActivationCard_ScimConfig
    }
  }
`);

const BLOCKED = {
  PLATFORM_DISABLED: {
    status: 'Unavailable in this deployment',
    reason: 'SCIM is disabled for this whole Roster deployment, so identity providers are refused whatever is set here.',
    todo: 'Ask whoever runs the deployment to enable SCIM (setting SCIM_ENABLED), or contact Roster support.',
  },
  ENTRA_ID_CONFLICT: {
    status: 'Blocked by the Entra ID integration',
    reason: 'The native Microsoft Entra ID integration is active. SCIM and Entra ID cannot run at the same time, so identity providers are refused.',
    todo: 'Turn off the Entra ID integration first; then activate SCIM here.',
  },
} as const;

/** What stops SCIM, what to do about it and — for the Entra ID conflict — the switch to do it. */
export function ScimBlockedState({ availability, canManage }: { availability: Exclude<ScimAvailability, 'AVAILABLE'>; canManage: boolean }) {
  const text = BLOCKED[availability];
  const entra = availability === 'ENTRA_ID_CONFLICT';
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div class="card__header">
        <h2 id="scim-activation-title">SCIM provisioning</h2>
        {entra && canManage && (
          <div class="card__actions">
            <button type="button" class="button button--primary" onClick={() => setConfirming(true)}>
              Turn off Entra ID integration
            </button>
          </div>
        )}
      </div>
      <p>
        Status:{' '}
        <span class={`badge ${entra ? 'badge--conflict' : 'badge--platform'}`} data-testid="activation-status">
          {text.status}
        </span>
      </p>
      <div class={`notice ${entra ? 'notice--conflict' : 'notice--platform'}`} id="scim-activation-blocked" data-testid="activation-blocked">
        {entra ? <ConflictIcon /> : <WarningIcon />}
        <div>
          <p>{text.reason}</p>
          <p>
            <strong>What to do:</strong> {text.todo}
          </p>
        </div>
      </div>
      {confirming && <DisableEntraIdDialog onClose={() => setConfirming(false)} />}
    </>
  );
}

function DisableEntraIdDialog({ onClose }: { onClose: () => void }) {
  const [{ fetching }, disable] = useMutation(DisableEntraIdMutation);
  const notify = useNotify();
  const onConfirm = async () => {
    const result = await disable({});
    if (!result.data) {
      notify('error', errorMessage(result.error, 'The Entra ID integration could not be turned off. Please try again.'));
      return;
    }
    notify('success', 'Entra ID integration turned off. SCIM can be activated now.');
    onClose();
  };
  return (
    <Dialog title="Turn off the Entra ID integration?" onClose={onClose} busy={fetching} describedBy="entra-off-consequence" testId="entra-off-dialog">
      <p id="entra-off-consequence">
        The native Microsoft Entra ID integration stops for your organisation; nothing in the directory is deleted.
        Afterwards, activate SCIM here and connect your identity provider over SCIM. The change is recorded in the
        audit trail.
      </p>
      <div class="dialog__footer">
        <button type="button" class="button" data-autofocus onClick={onClose} disabled={fetching}>
          Cancel
        </button>
        <button type="button" class="button button--primary" onClick={onConfirm} disabled={fetching} aria-busy={fetching}>
          {fetching && <SpinnerIcon />}
          Turn off Entra ID
        </button>
      </div>
    </Dialog>
  );
}
