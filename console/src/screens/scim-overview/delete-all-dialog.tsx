import { Dialog } from '../../ui/dialog.js';
import { TrashIcon } from '../../ui/icons.js';
import { formatCount } from '../../lib/format-number.js';

/** The company's deprovisioning policy; undefined while it loads, null when it could not be read. */
export interface DeletePolicy {
  policy: 'HARD_DELETE' | 'SOFT_DELETE';
  retentionDays: number;
}

interface DeleteAllDialogProps {
  count: number;
  policy?: DeletePolicy | null;
  onCancel: () => void;
  onConfirm: () => void;
  /** Focus target on close instead of the opener (which is disabled once the job runs). */
  returnFocus?: { current: HTMLElement | null };
}

/** Whether the deleted users can come back, per the company's deprovisioning policy. */
function Finality({ policy }: { policy: DeletePolicy | null | undefined }) {
  if (policy?.policy === 'SOFT_DELETE') {
    return (
      <p data-testid="delete-all-policy">
        <strong>The users stay restorable for {policy.retentionDays} days</strong> under “Recently deleted users”,
        with their groups; after that they are deleted for good.
      </p>
    );
  }
  if (policy === undefined) return <p class="muted" data-testid="delete-all-policy">Checking whether the users can be restored…</p>;
  return (
    <p data-testid="delete-all-policy">
      <strong>This cannot be undone in Roster.</strong> The only way back is a fresh sync from your identity
      provider, or re-creating the users by hand.
    </p>
  );
}

/** The confirmation for "Delete All Users" (O13): the count, what is lost, and whether it can be undone (the policy). */
export function DeleteAllDialog({ count, policy, onCancel, onConfirm, returnFocus }: DeleteAllDialogProps) {
  const users = `${formatCount(count)} ${count === 1 ? 'user' : 'users'}`;
  return (
    <Dialog title="Delete all SCIM users?" onClose={onCancel} describedBy="delete-all-consequence" returnFocus={returnFocus} testId="delete-all-dialog">
      <div id="delete-all-consequence" class="stack">
        {count === 0 ? (
          <p>There are no SCIM-provisioned users to delete.</p>
        ) : (
          <>
            <p>
              This deletes <strong>{users}</strong> provisioned through SCIM and removes them from their
              groups. Users created manually are not affected.
            </p>
            <p>
              Anything assigned to a deleted user — tasks, records of processing activities, risk models — loses its
              assignee and is not reassigned automatically.
            </p>
            <Finality policy={policy} />
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
