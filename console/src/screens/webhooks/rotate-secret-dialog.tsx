import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { absoluteTime } from '../../lib/format-time.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { Dialog } from '../../ui/dialog.js';
import { SecretOnce } from './secret-once.js';

const RotateSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      endpoint {
        id
        previousSecretExpiresAt
      }
      secret
    }
  }
`);

/** Asks first, then shows the new secret once; the old one keeps signing beside it for 24 hours. */
export function RotateSecretDialog({ endpointId, onClose }: { endpointId: string; onClose: () => void }) {
  const [{ fetching }, rotate] = useMutation(RotateSecretMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [rotated, setRotated] = useState<{ secret: string; oldUntil: string | null } | null>(null);

  const onConfirm = async () => {
    const result = await rotate({ id: endpointId });
    if (!result.data) {
      setProblem(errorMessage(result.error, 'The secret could not be rotated. Please try again.'));
      return;
    }
    const { secret, endpoint } = result.data.rotateWebhookSecret;
    setRotated({ secret, oldUntil: endpoint.previousSecretExpiresAt ?? null });
  };

  if (rotated) {
    return (
      <Dialog key="rotated" title="New signing secret" onClose={onClose} describedBy="webhook-secret-warning" testId="webhook-rotated-dialog">
        <SecretOnce secret={rotated.secret} id="webhook-secret-warning" />
        <p data-testid="rotation-overlap">
          The previous secret keeps signing beside the new one for 24 hours
          {rotated.oldUntil && <> (until <time dateTime={rotated.oldUntil}>{absoluteTime(rotated.oldUntil)}</time>)</>}: every
          delivery carries both signatures, so your receiver verifies with either while you switch it over.
        </p>
        <div class="dialog__footer">
          <button type="button" class="button button--primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog key="confirm" title="Rotate the signing secret?" onClose={onClose} busy={fetching} describedBy="rotate-consequence" testId="rotate-webhook-dialog">
      <p id="rotate-consequence">
        Roster creates a new secret and shows it once. The current secret keeps signing beside the new one for 24 hours, then
        only the new one signs.
      </p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="dialog__footer">
        <button type="button" class="button" data-autofocus onClick={onClose} disabled={fetching}>
          Cancel
        </button>
        <button type="button" class="button button--primary" onClick={onConfirm} disabled={fetching}>
          Rotate secret
        </button>
      </div>
    </Dialog>
  );
}
