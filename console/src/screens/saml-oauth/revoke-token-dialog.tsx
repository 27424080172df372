import { useMutation } from '@urql/preact';
import { useRef } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { Dialog } from '../../ui/dialog.js';
import { useNotify } from '../../ui/notifications.js';

const RevokeTokenMutation = graphql(`
  mutation RevokeScimToken($id: ID!) {
    revokeScimToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** Revoking is final, so it asks first and says what breaks. */
interface RevokeTokenDialogProps {
  token: { id: string; label: string };
  onClose: () => void;
  /** Focus target once revoked: the row's own button is about to disappear. */
  afterRevoke: { current: HTMLElement | null };
}

export function RevokeTokenDialog({ token, onClose, afterRevoke }: RevokeTokenDialogProps) {
  const returnFocus = useRef<HTMLElement | null>(null);
  const [{ fetching }, revoke] = useMutation(RevokeTokenMutation);
  const notify = useNotify();
  const onConfirm = async () => {
    const result = await revoke({ id: token.id });
    if (!result.data) {
      notify('error', errorMessage(result.error, 'The token could not be revoked. Please try again.'));
      return;
    }
    notify('success', `Token “${token.label}” revoked.`);
    returnFocus.current = afterRevoke.current;
    onClose();
  };
  return (
    <Dialog title={`Revoke token “${token.label}”?`} onClose={onClose} busy={fetching} returnFocus={returnFocus} describedBy="revoke-consequence" testId="revoke-token-dialog">
      <p id="revoke-consequence">
        Identity providers using this token are refused from their next request. This cannot be undone; create a new
        token to replace it.
      </p>
      <div class="dialog__footer">
        <button type="button" class="button" data-autofocus onClick={onClose} disabled={fetching}>
          Cancel
        </button>
        <button type="button" class="button button--danger" onClick={onConfirm} disabled={fetching}>
          Revoke token
        </button>
      </div>
    </Dialog>
  );
}
