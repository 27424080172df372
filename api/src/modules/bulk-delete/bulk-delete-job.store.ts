import type { Sql } from '../../db/sql.js';
import type { BulkJobKind } from './bulk-delete-job.entity.js';
import { channelSql, notifyInSql } from '../../events/channels.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { VIEW_JSON, toJobView, type BulkDeleteJobView } from './bulk-delete-job.view.js';

/** The claimed job as the runner needs it. */
export interface ClaimedJob {
  id: string;
  companyId: string;
  cutoff: Date;
  kind: BulkJobKind;
  /** A DELETE under SOFT_DELETE: keep what it deletes for a restore. */
  restorable: boolean;
  /** A RESTORE: the DELETE run whose users it puts back. */
  restoresJobId: string | null;
}

/**
 * The source a job's writes name in their events (the `j` row of bulk_delete_job): who queued it,
 * else `operator:<requested_by>` for jobs queued before the column existed.
 */
export const JOB_EVENT_SOURCE = sql.raw(`coalesce(j.event_source, 'operator:' || coalesce(j.requested_by, 'unknown'))`);

const VIEW = sql.raw(VIEW_JSON);
const NOTIFY_PROGRESS = sql.raw(notifyInSql(channelSql.bulkDeleteProgress('j.id'), VIEW_JSON));
/** Returns the view and NOTIFYs it on the job's channel in the same statement (and transaction). */
export const publishing = (update: SqlFragment) => sql`
  with j as (${update} returning *)
  select ${VIEW} as view, j.company_id as "companyId", j.cutoff, j.requested_by as "requestedBy",
    j.kind, j.restorable, j.restores_job_id as "restoresJobId",
    ${NOTIFY_PROGRESS}
  from j`;

/** The ended job and the audit entry that records it, for the admin-action log line. */
export interface EndedJob {
  job: BulkDeleteJobView;
  companyId: string;
  requestedBy: string | null;
  auditId: string;
  kind: BulkJobKind;
}

/** A job's primary key. */
type JobKey = Pick<ClaimedJob, 'id' | 'companyId'>;

type PublishedRow = {
  view: unknown; companyId: string; cutoff: Date; requestedBy: string | null;
  kind: BulkJobKind; restorable: boolean; restoresJobId: string | null;
};

/**
 * Job-row SQL for the runner. Ownership is a lease: `claimed_by` + `heartbeat_at`. A job whose
 * heartbeat is older than the lease (its process died, even by kill -9) is claimable again, and
 * every write checks `claimed_by` so that a runner that lost its lease stops at its next step.
 */
export function createJobStore(db: Sql, runnerId: string, leaseMs: number) {
  /** Takes the oldest claimable job; FOR UPDATE SKIP LOCKED lets replicas claim side by side. */
  async function claim(): Promise<ClaimedJob | null> {
    const rows = await db.query<PublishedRow>(
      publishing(sql`update bulk_delete_job set status = 'RUNNING', claimed_by = ${runnerId}, heartbeat_at = now(),
          started_at = coalesce(started_at, now())
        where (company_id, id) = (select company_id, id from bulk_delete_job
          where status = 'QUEUED'
             or (status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${leaseMs / 1000})))
          order by created_at limit 1 for update skip locked)`),
    );
    const row = rows[0];
    if (!row) return null;
    const { companyId, kind, restorable, restoresJobId } = row;
    return { id: toJobView(row.view).id, companyId, cutoff: new Date(row.cutoff), kind, restorable, restoresJobId };
  }

  async function heartbeat({ id: jobId, companyId }: JobKey): Promise<boolean> {
    const rows = await db.query(
      sql`update bulk_delete_job set heartbeat_at = now() where company_id = ${companyId} and id = ${jobId} and claimed_by = ${runnerId} and status = 'RUNNING' returning id`,
    );
    return rows.length > 0;
  }

  /** Hands the job back at once (graceful stop), instead of making others wait out the lease. */
  async function release({ id: jobId, companyId }: JobKey): Promise<void> {
    await db.query(
      sql`update bulk_delete_job set claimed_by = null, heartbeat_at = null where company_id = ${companyId} and id = ${jobId} and claimed_by = ${runnerId} and status = 'RUNNING'`,
    );
  }

  /** Ends the job and writes the audit entry in one transaction: who deleted how many, when. */
  async function end({ id: jobId, companyId }: JobKey, status: 'SUCCEEDED' | 'FAILED', error: string | null): Promise<EndedJob | null> {
    return db.transaction(async (trx) => {
      const rows = await trx.query<PublishedRow>(
        publishing(sql`update bulk_delete_job set status = ${status}, error = ${error}, finished_at = now()
          where company_id = ${companyId} and id = ${jobId} and claimed_by = ${runnerId} and status = 'RUNNING'`),
      );
      const row = rows[0];
      if (!row) return null;
      const job = toJobView(row.view);
      const restore = row.kind === 'RESTORE';
      const detail = {
        ...(restore ? { restored: job.deleted, total: job.total, restoresJobId: row.restoresJobId } : { deleted: job.deleted, restorable: row.restorable }),
        jobId, ...(status === 'FAILED' ? { failed: true } : {}),
      };
      const [audit] = await trx.query<{ id: string }>(
        sql`insert into audit_entry (company_id, actor, action, detail)
          values (${row.companyId}, ${row.requestedBy ?? 'unknown'}, ${restore ? 'users.restored-run' : 'users.deleted-all'}, ${JSON.stringify(detail)}::jsonb)
          returning id`,
      );
      return { job, companyId: row.companyId, requestedBy: row.requestedBy, auditId: String(audit?.id), kind: row.kind };
    });
  }

  return { claim, heartbeat, release, end };
}

export type JobStore = ReturnType<typeof createJobStore>;
