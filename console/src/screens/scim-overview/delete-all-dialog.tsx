import { Dialog } from '../../ui/dialog.js';
import { TrashIcon } from '../../ui/icons.js';
import { formatCount } from '../../lib/format-number.js';

interface DeleteAllDialogProps {
  count: number;
  onCancel: () => void;
  onConfirm: () => void;
  /** Focus target on close instead of the opener (which is disabled once the job runs). */
  returnFocus?: { current: HTMLElement | null };
}

/** The confirmation for "Delete All Users" (O13): the count, what is lost, and that it is final. */
export function DeleteAllDialog({ count, onCancel, onConfirm, returnFocus }: DeleteAllDialogProps) {
  const users = `${formatCount(count)} ${count === 1 ? 'user' : 'users'}`;
  return (
    <Dialog title="Delete all SCIM users?" onClose={onCancel} describedBy="delete-all-consequence" returnFocus={returnFocus} testId="delete-all-dialog">
      <div id="delete-all-consequence" class="stack">
        {count === 0 ? (
          <p>There are no SCIM-provisioned users to delete.</p>
        ) : (
          <>
            <p>
              This permanently deletes <strong>{users}</strong> provisioned through SCIM and removes them from their
              groups. Users created manually are not affected.
            </p>
            <p>
              Anything assigned to a deleted user — tasks, records of processing activities, risk models — loses its
              assignee and is not reassigned automatically.
            </p>
            <p>
              <strong>This cannot be undone in Roster.</strong> The only way back is a fresh sync from your identity
              provider, or re-creating the users by hand.
            </p>
          </>
        )}
      </div>
      <div class="dialog__footer">
        <button type="button" class="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button button--danger" disabled={count === 0} onClick={onConfirm}>
          <TrashIcon />
          Delete {users}
        </button>
      </div>
    </Dialog>
  );
}
