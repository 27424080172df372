import { useMutation } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { navigate } from '../../routing/router.js';
import { Dialog } from '../../ui/dialog.js';
import { useNotify } from '../../ui/notifications.js';
import { SCIM2_TABS } from '../scim2/scim2-routes.js';

const DisableEndpointMutation = graphql(`
  mutation DisableWebhookEndpoint($id: ID!) {
    updateWebhookEndpoint(id: $id, enabled: false) {
      id
      enabled
      disabledReason
      disabledAfterFailures
    }
  }
`);

const DeleteEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const WEBHOOKS_PATH = SCIM2_TABS.find((tab) => tab.tab === 'webhooks')!.path;

/** Disabling holds events (nothing is lost): they go out from where it stopped once enabled. */
export function DisableEndpointDialog({ endpointId, onClose }: { endpointId: string; onClose: () => void }) {
  const [{ fetching }, disable] = useMutation(DisableEndpointMutation);
  const notify = useNotify();
  const onConfirm = async () => {
    const result = await disable({ id: endpointId });
    if (!result.data) {
      notify('error', errorMessage(result.error, 'The endpoint could not be disabled. Please try again.'));
      return;
    }
    notify('success', 'Endpoint disabled.');
    onClose();
  };
  return (
    <Dialog title="Disable this endpoint?" onClose={onClose} busy={fetching} describedBy="disable-consequence" testId="disable-webhook-dialog">
      <p id="disable-consequence">
        Nothing is sent to it while it is disabled. Events keep being recorded and go out, in order, from where it stopped
        once you enable it again (within the event retention period).
      </p>
      <div class="dialog__footer">
        <button type="button" class="button" data-autofocus onClick={onClose} disabled={fetching}>
          Cancel
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm} disabled={fetching}>
          Disable endpoint
        </button>
      </div>
    </Dialog>
  );
}

/** Deleting is final: the endpoint, its secret and its delivery history go. */
export function DeleteEndpointDialog({ endpoint, onClose }: { endpoint: { id: string; url: string }; onClose: () => void }) {
  const [{ fetching }, remove] = useMutation(DeleteEndpointMutation);
  const notify = useNotify();
  const onConfirm = async () => {
    const result = await remove({ id: endpoint.id }, { additionalTypenames: ['WebhookEndpoint', 'WebhookDelivery'] });
    if (!result.data) {
      notify('error', errorMessage(result.error, 'The endpoint could not be deleted. Please try again.'));
      return;
    }
    notify('success', 'Endpoint deleted.');
    onClose();
    navigate(WEBHOOKS_PATH);
  };
  return (
    <Dialog title="Delete this endpoint?" onClose={onClose} busy={fetching} describedBy="delete-consequence" testId="delete-webhook-dialog">
      <p id="delete-consequence" class="break-anywhere">
        <code>{endpoint.url}</code> receives no more events, and its delivery history is deleted with it. This cannot be
        undone; add the endpoint again to receive new events (with a new secret).
      </p>
      <div class="dialog__footer">
        <button type="button" class="button" data-autofocus onClick={onClose} disabled={fetching}>
          Cancel
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm} disabled={fetching}>
          Delete endpoint
        </button>
      </div>
    </Dialog>
  );
}
