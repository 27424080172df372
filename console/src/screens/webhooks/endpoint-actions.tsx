import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { useNotify } from '../../ui/notifications.js';
import { DeleteEndpointDialog, DisableEndpointDialog } from './endpoint-dialogs.js';
import { RotateSecretDialog } from './rotate-secret-dialog.js';

export const EndpointActionsFragment = graphql(`
  fragment EndpointActions_WebhookEndpoint on WebhookEndpoint {
    id
    url
    enabled
  }
`);

const SendTestMutation = graphql(`
  mutation SendTestWebhookEvent($endpointId: ID!) {
    sendTestWebhookEvent(endpointId: $endpointId) {
      id
      status
    }
  }
`);

const EnableEndpointMutation = graphql(`
  mutation EnableWebhookEndpoint($id: ID!) {
    updateWebhookEndpoint(id: $id, enabled: true) {
      id
      enabled
      disabledReason
      disabledAfterFailures
      failedDeliveries
    }
  }
`);

type Open = 'rotate' | 'disable' | 'delete' | null;

/** Send a test event, rotate the secret, disable or enable, delete. */
export function EndpointActions(props: { endpoint: FragmentType<typeof EndpointActionsFragment> }) {
  const endpoint = useFragment(EndpointActionsFragment, props.endpoint);
  const [open, setOpen] = useState<Open>(null);
  const [test, sendTest] = useMutation(SendTestMutation);
  const [enabling, enable] = useMutation(EnableEndpointMutation);
  const notify = useNotify();

  const onSendTest = async () => {
    const result = await sendTest({ endpointId: endpoint.id }, { additionalTypenames: ['WebhookDelivery'] });
    if (!result.data) notify('error', errorMessage(result.error, 'The test event could not be sent. Please try again.'));
    else notify('success', 'Test event queued; its delivery appears below.');
  };
  const onEnable = async () => {
    const result = await enable({ id: endpoint.id });
    if (!result.data) notify('error', errorMessage(result.error, 'The endpoint could not be enabled. Please try again.'));
    else notify('success', 'Endpoint enabled; waiting events go out now.');
  };
  const close = () => setOpen(null);

  return (
    <div class="toolbar" role="group" aria-label="Endpoint actions">
      <button
        type="button"
        class="button button--primary"
        onClick={onSendTest}
        disabled={test.fetching || !endpoint.enabled}
        aria-describedby={endpoint.enabled ? undefined : 'send-test-disabled'}
      >
        Send test event
      </button>
      <button type="button" class="button" onClick={() => setOpen('rotate')}>
        Rotate secret
      </button>
      {endpoint.enabled ? (
        <button type="button" class="button" onClick={() => setOpen('disable')}>
          Disable
        </button>
      ) : (
        <button type="button" class="button" onClick={onEnable} disabled={enabling.fetching}>
          Enable
        </button>
      )}
      <button type="button" class="button button--danger-outline" onClick={() => setOpen('delete')}>
        Delete
      </button>
      {!endpoint.enabled && (
        <span id="send-test-disabled" class="muted">
          Enable the endpoint to send events to it.
        </span>
      )}
      {open === 'rotate' && <RotateSecretDialog endpointId={endpoint.id} onClose={close} />}
      {open === 'disable' && <DisableEndpointDialog endpointId={endpoint.id} onClose={close} />}
      {open === 'delete' && <DeleteEndpointDialog endpoint={endpoint} onClose={close} />}
    </div>
  );
}
