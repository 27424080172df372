import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { keepDeleted } from '../deprovisioning/soft-delete.sql.js';
import { toJobView, type BulkDeleteJobView } from './bulk-delete-job.view.js';
import { JOB_EVENT_SOURCE, publishing, type ClaimedJob } from './bulk-delete-job.store.js';
import { MANAGER_PATH, MANAGER_VALUE_PATH } from '../directory/directory-sql.js';

/** Where the last batch stopped, in the (company_id, created_at, id) index's order. */
export interface BatchCursor {
  createdAt: string;
  id: string;
}

export const CURSOR_START: BatchCursor = { createdAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

export type BatchOutcome =
  | { kind: 'lost' }
  | { kind: 'done'; deleted: number; cursor: BatchCursor; job: BulkDeleteJobView | null };

/**
 * One batch, as one transaction of two statements: the deletion, then its count.
 *
 * - `owned` proves this runner still holds the lease (else nothing happens) and names the job's
 *   requester as the source of the `user.deleted` events the outbox triggers write for the batch.
 *   Its KEY SHARE lock lets the runner's batches run side by side, yet keeps the lease theirs
 *   while they run: a claim locks the row FOR UPDATE, SKIP LOCKED. A batch lost to a database
 *   crash is lost with its count, and redone on resume, so its commit need not wait for the WAL
 *   flush (synchronous_commit off, this transaction only).
 * - `victims`: what "Delete All Users" deletes: the company's users with source SCIM created up
 *   to the job's cutoff. Manual users are never touched. The walk follows the
 *   (company_id, created_at, id) index from a cursor (and up to `until` when the runner gave a
 *   range, see `rangeEnd`), so each batch reads only its own rows (re-scanning from the start
 *   would step over every row already deleted: quadratic). SKIP LOCKED steps over rows an IdP
 *   request is writing right now; the final sweep walks again from the start and waits for such
 *   rows instead (briefly: lock_timeout), so none is left behind.
 * - `gone`: memberships go with each user through the foreign key's ON DELETE CASCADE. Under
 *   SOFT_DELETE (`restorable`, fixed when the job was queued) `kept` moves the rows and their
 *   memberships to the deleted_* tables, tagged with the job, in the same statement.
 *   (`= any (array(…))` here and below keeps the planner on the indexes: a join against a CTE
 *   made it scan the whole table per batch.)
 * - `cleared`: "anything that references a deleted user loses the reference": the enterprise
 *   `manager` of surviving users (manual ones included) pointing at a deleted user is removed,
 *   and their version moves on so that SCIM ETags change with the resource (as a single SCIM
 *   DELETE does). Rows deleted by this same statement are left to `gone`.
 *
 * COUNTED then adds the count, in the same transaction as the deletions, so `deleted` stays
 * exact across a crash and resume; the new state is NOTIFYed on the job's channel as it commits.
 * It is a statement of its own, after the deletion's triggers (events, cascades) have run: the
 * job row's lock, which batches side by side queue on, is then held only for the commit.
 */
const WITHOUT_MANAGER = sql.raw(`u.attributes #- '${MANAGER_PATH}'`);
const MANAGER_VALUE = sql.raw(`(u.attributes #>> '${MANAGER_VALUE_PATH}')`);

export interface BatchRequest {
  size: number;
  sweep: boolean;
  cursor: BatchCursor;
  /** The range's last row, inclusive; none: as far as `size` rows go. */
  until?: BatchCursor;
}

interface BatchStep extends BatchRequest {
  job: ClaimedJob;
  runnerId: string;
}

/** The job's users (`u`) still to delete after `cursor`, on the (company_id, created_at, id) index. */
const leftAfter = (job: ClaimedJob, cursor: BatchCursor): SqlFragment => sql`u.company_id = ${job.companyId} and u.created_at <= ${job.cutoff}
      and (u.created_at, u.id) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid) and u.source = 'SCIM'`;

const BATCH = ({ job, runnerId, size, sweep, cursor, until }: BatchStep): SqlFragment => sql`
  with owned as (
    select j.id, set_config('synchronous_commit', 'off', true),
      set_config('roster.event_source', ${JOB_EVENT_SOURCE}, true)${sweep ? sql.raw(`, set_config('lock_timeout', '5s', true)`) : sql.empty}
    from bulk_delete_job j where j.company_id = ${job.companyId} and j.id = ${job.id} and j.claimed_by = ${runnerId} and j.status = 'RUNNING' for key share
  ), victims as (
    select u.id, u.created_at from directory_user u
    where exists (select 1 from owned) and ${leftAfter(job, cursor)}${until ? sql`
      and (u.created_at, u.id) <= (${until.createdAt}::timestamptz, ${until.id}::uuid)` : sql.empty}
    order by u.created_at, u.id
    limit ${size} for update${sweep ? sql.empty : sql.raw(' skip locked')}
  ), gone as (
    delete from directory_user u where u.company_id = ${job.companyId} and u.id = any (array(select id from victims)) returning u.*
  ), ${keepDeleted('gone', sql.raw(job.restorable ? 'true' : 'false'), job.id, job.companyId)},
  cleared as (
    update directory_user u set attributes = ${WITHOUT_MANAGER}, version = u.version + 1, updated_at = now()
    where u.company_id = ${job.companyId} and ${MANAGER_VALUE} = any (array(select id::text from gone))
      and u.id <> all (array(select id from gone))
    returning u.id
  )
  select exists (select 1 from owned) as owned,
    (select count(*)::int from gone) as deleted,
    (select json_build_object('createdAt', created_at::text, 'id', id) from victims
      order by created_at desc, id desc limit 1) as cursor,
    (select count(*)::int from cleared) as cleared`;

const COUNTED = (job: ClaimedJob, deleted: number): SqlFragment => publishing(sql`
  update bulk_delete_job set deleted = deleted + ${deleted}, total = greatest(total, deleted + ${deleted}), heartbeat_at = now()
  where company_id = ${job.companyId} and id = ${job.id}`);

interface BatchRow {
  owned: boolean;
  deleted: number;
  cursor: BatchCursor | null;
}

/**
 * Where a range of `size` rows after `cursor` ends, for a batch to take while the one before it
 * runs; null when fewer rows are left (the last range is open-ended). Rows the range's batch
 * finds locked by an IdP request are left to the final sweep.
 */
export async function rangeEnd(db: Sql, job: ClaimedJob, cursor: BatchCursor, size: number): Promise<BatchCursor | null> {
  const [row] = await db.query<BatchCursor>(sql`
    select u.created_at::text as "createdAt", u.id from directory_user u
    where ${leftAfter(job, cursor)}
    order by u.created_at, u.id offset ${size - 1} limit 1`);
  return row ?? null;
}

export async function deleteBatch(db: Sql, job: ClaimedJob, runnerId: string, request: BatchRequest): Promise<BatchOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<BatchRow>(BATCH({ job, runnerId, ...request }));
    if (!row?.owned) return { kind: 'lost' };
    const [counted] = row.deleted > 0 ? await tx.query<{ view: unknown }>(COUNTED(job, row.deleted)) : [];
    return {
      kind: 'done',
      deleted: row.deleted,
      cursor: row.cursor ?? request.cursor,
      job: counted ? toJobView(counted.view) : null,
    };
  });
}
