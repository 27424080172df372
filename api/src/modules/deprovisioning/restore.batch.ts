import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { channelSql, notifyInSql } from '../../events/channels.js';
import { JOB_EVENT_SOURCE, type ClaimedJob } from '../bulk-delete/bulk-delete-job.store.js';
import { VIEW_JSON, toJobView } from '../bulk-delete/bulk-delete-job.view.js';
import type { BatchOutcome, BatchRequest } from '../bulk-delete/bulk-delete.batch.js';
import { moveBack } from './soft-delete.sql.js';

/**
 * One batch of a RESTORE job, as one statement (like a delete batch): walks the users the DELETE
 * run soft-deleted in id order from the cursor (the (bulk_delete_job_id, id) index) and moves them
 * back (see moveBack). `walked` counts the rows looked at, restored or not: a user whose userName
 * is taken stays deleted and the walk goes past it. The runner's final sweep walks again from the
 * start, which picks up rows a concurrent restore had locked. `restored` moves the job's count.
 */
const VIEW = sql.raw(VIEW_JSON);
const NOTIFY_PROGRESS = sql.raw(notifyInSql(channelSql.bulkDeleteProgress('j.id'), VIEW_JSON));

function restoreStatement(job: ClaimedJob, runnerId: string, { size, cursor }: BatchRequest): SqlFragment {
  return sql`
  with owned as (
    select j.id, set_config('synchronous_commit', 'off', true), set_config('roster.event_source', ${JOB_EVENT_SOURCE}, true)
    from bulk_delete_job j where j.company_id = ${job.companyId}::uuid and j.id = ${job.id}::uuid and j.claimed_by = ${runnerId} and j.status = 'RUNNING' for update
  ), picked as (
    select d.id from deleted_directory_user d
    where exists (select 1 from owned) and d.bulk_delete_job_id = ${job.restoresJobId}::uuid and d.company_id = ${job.companyId}::uuid
      and d.id > ${cursor.id}::uuid
    order by d.id limit ${size} for update skip locked
  ), ${moveBack('picked', job.companyId)},
  j as (
    update bulk_delete_job j set deleted = j.deleted + n.count, heartbeat_at = now()
    from (select count(*)::int as count from back) n
    where j.company_id = ${job.companyId}::uuid and j.id = (select id from owned) and n.count > 0
    returning j.*
  )
  select exists (select 1 from owned) as owned,
    (select count(*)::int from picked) as walked,
    (select id from picked order by id desc limit 1) as "lastId",
    (select ${VIEW} from j) as view,
    (select ${NOTIFY_PROGRESS} from j) as notified`;
}

interface RestoreRow {
  owned: boolean;
  walked: number;
  lastId: string | null;
  view: unknown;
}

/** The delete batch's contract: `deleted` is the rows walked, so the runner's loop ends as it does for a delete. */
export async function restoreBatch(db: Sql, job: ClaimedJob, runnerId: string, request: BatchRequest): Promise<BatchOutcome> {
  const [row] = await db.query<RestoreRow>(restoreStatement(job, runnerId, request));
  if (!row?.owned) return { kind: 'lost' };
  return {
    kind: 'done',
    deleted: row.walked,
    cursor: row.lastId ? { createdAt: request.cursor.createdAt, id: row.lastId } : request.cursor,
    job: row.view ? toJobView(row.view) : null,
  };
}
