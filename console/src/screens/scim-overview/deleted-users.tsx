import { useMutation, useQuery, useSubscription } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { DeletedUsersPageQuery } from '../../gql/graphql.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { useNotify } from '../../ui/notifications.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { formatCount } from '../../lib/format-number.js';

const DeletedUsersPage = graphql(`
  query DeletedUsersPage($first: Int!, $after: String, $search: String) {
    deletedUsers(first: $first, after: $after, search: $search) {
      nodes {
        id
        userName
        displayName
        deletedAt
        restorableUntil
        bulkDeleteJobId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const LastRunQuery = graphql(`
  query DeletedUsersLastRun {
    lastBulkDeleteRun {
      id
      status
      deleted
      restorable
      finishedAt
    }
  }
`);

const RestoreUsersMutation = graphql(`
  mutation RestoreUsers($ids: [ID!]!) {
    restoreUsers(ids: $ids) {
      restoredIds
      userNameTakenIds
    }
  }
`);

const RestoreRunMutation = graphql(`
  mutation RestoreBulkDelete($jobId: ID!) {
    restoreBulkDelete(jobId: $jobId) {
      id
      status
      total
      deleted
    }
  }
`);

const RestoreProgress = graphql(`
  subscription RestoreProgress($jobId: ID!) {
    bulkDeleteProgress(jobId: $jobId) {
      id
      status
      total
      deleted
    }
  }
`);

const PAGE = 50;
type Row = DeletedUsersPageQuery['deletedUsers']['nodes'][number];
interface RestoreJob { id: string; status: string; total: number; deleted: number }

const running = (job: RestoreJob | null) => job?.status === 'QUEUED' || job?.status === 'RUNNING';

/**
 * "Recently deleted users" (soft delete): search, keyset pages, and Restore of users or of the
 * last run; `onRestored` lets the screen re-read its counts.
 */
export function DeletedUsers({ onRestored }: { onRestored: () => void }) {
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [generation, setGeneration] = useState(0);
  const [job, setJob] = useState<RestoreJob | null>(null);
  const [lastRun, refetchLastRun] = useQuery({ query: LastRunQuery, requestPolicy: 'cache-and-network' });
  const [, restoreUsers] = useMutation(RestoreUsersMutation);
  const [, restoreRun] = useMutation(RestoreRunMutation);
  const [progress] = useSubscription({ query: RestoreProgress, variables: { jobId: job?.id ?? '' }, pause: !running(job) });

  const reload = () => {
    setCursors([null]);
    setSelected(new Set());
    setGeneration((g) => g + 1);
    refetchLastRun({ requestPolicy: 'network-only' });
    onRestored();
  };

  const latest = progress.data?.bulkDeleteProgress;
  useEffect(() => {
    if (!latest || latest.id !== job?.id || (latest.status === job.status && latest.deleted === job.deleted)) return;
    setJob(latest);
    if (!running(latest)) {
      notify(latest.status === 'SUCCEEDED' ? 'success' : 'error', `${formatCount(latest.deleted)} of ${formatCount(latest.total)} users restored.`);
      reload();
    }
  }, [latest, job]);

  const onRestoreSelected = async () => {
    const result = await restoreUsers({ ids: [...selected] });
    if (!result.data) return notify('error', errorMessage(result.error, 'The users could not be restored.'));
    const { restoredIds, userNameTakenIds } = result.data.restoreUsers;
    const taken = userNameTakenIds.length ? ` ${userNameTakenIds.length} kept deleted: their userName is taken.` : '';
    notify(userNameTakenIds.length ? 'error' : 'success', `${formatCount(restoredIds.length)} users restored.${taken}`);
    reload();
  };

  const onRestoreRun = async (jobId: string) => {
    const result = await restoreRun({ jobId });
    if (!result.data) return notify('error', errorMessage(result.error, 'The run could not be restored.'));
    setJob(result.data.restoreBulkDelete);
  };

  const run = lastRun.data?.lastBulkDeleteRun;
  return (
    <section class="card" aria-labelledby="deleted-users-title" data-testid="deleted-users">
      <div class="card__header">
        <h2 id="deleted-users-title">Recently deleted users</h2>
        <div class="card__actions">
          <button type="button" class="button" disabled={selected.size === 0} onClick={() => void onRestoreSelected()}>
            Restore selected ({selected.size})
          </button>
        </div>
      </div>
      {run?.restorable && run.status !== 'QUEUED' && run.status !== 'RUNNING' && (
        <p data-testid="last-run">
          Last Delete All Users: {formatCount(run.deleted)} users{run.finishedAt ? ` on ${new Date(run.finishedAt).toLocaleString()}` : ''}.{' '}
          <button type="button" class="button" disabled={running(job)} onClick={() => void onRestoreRun(run.id)}>
            Restore run
          </button>
        </p>
      )}
      {job && running(job) && <ProgressBar done={job.deleted} total={job.total} label="Restoring users" verb="restored" />}
      <label class="field">
        <span>Search deleted users</span>
        <input
          type="search"
          value={search}
          onInput={(event) => {
            setSearch(event.currentTarget.value);
            setCursors([null]);
          }}
        />
      </label>
      <div class="table-wrap">
      <table class="table" data-testid="deleted-users-table">
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">Select</span></th>
            <th scope="col">userName</th>
            <th scope="col">Display name</th>
            <th scope="col">Deleted</th>
            <th scope="col">Restorable until</th>
          </tr>
        </thead>
        {cursors.map((after, index) => (
          <DeletedUsersRows
            key={`${generation}:${search}:${after ?? ''}`}
            after={after}
            search={search.trim() || null}
            selected={selected}
            onToggle={(id) => setSelected((current) => toggled(current, id))}
            onMore={index === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined}
          />
        ))}
      </table>
      </div>
    </section>
  );
}

function toggled(set: Set<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

interface RowsProps {
  after: string | null;
  search: string | null;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onMore?: (cursor: string) => void;
}

/** One keyset page; the last page offers "Show more" with its endCursor. */
function DeletedUsersRows({ after, search, selected, onToggle, onMore }: RowsProps) {
  const [{ data, error }] = useQuery({ query: DeletedUsersPage, variables: { first: PAGE, after, search }, requestPolicy: 'network-only' });
  const page = data?.deletedUsers;
  return (
    <tbody>
      {error && <tr><td colSpan={5}>{errorMessage(error, 'The deleted users could not be loaded.')}</td></tr>}
      {page?.nodes.length === 0 && after === null && <tr><td colSpan={5} class="muted">No deleted users.</td></tr>}
      {page?.nodes.map((row: Row) => (
        <tr key={row.id} data-testid="deleted-user-row">
          <td>
            <input type="checkbox" aria-label={`Select ${row.userName}`} checked={selected.has(row.id)} onChange={() => onToggle(row.id)} />
          </td>
          <td>{row.userName}</td>
          <td>{row.displayName ?? ''}</td>
          <td>{new Date(row.deletedAt).toLocaleString()}</td>
          <td>{new Date(row.restorableUntil).toLocaleDateString()}</td>
        </tr>
      ))}
      {onMore && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <tr>
          <td colSpan={5}>
            <button type="button" class="button" onClick={() => onMore(page.pageInfo.endCursor!)}>Show more</button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
