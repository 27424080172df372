import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import type { Principal } from '../access/principal.js';
import { principalSource } from '../events/event-source.js';
import { channelSql, notifyInSql } from '../../events/channels.js';
import { VIEW_JSON, toJobView, type BulkDeleteJobView } from './bulk-delete-job.view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Queues the job unless one is already QUEUED/RUNNING for the company. The partial unique index
 * `bulk_delete_job_one_running` is what guarantees one running job per company, across tabs,
 * operators and replicas: a concurrent insert waits for the first and then does nothing.
 *
 * `cutoff` = `started_at` = the statement's now(): the job deletes the SCIM users created up to
 * that instant. Users an IdP creates while the job runs survive it (they are new provisioning,
 * not the directory the operator asked to clear). `total` is counted in the same statement, so
 * it is the number of users the job set out to delete. `restorable` fixes the company's policy as
 * the job is queued: a policy change during the run does not split it.
 */
const VIEW = sql.raw(VIEW_JSON);

const insertJob = (companyId: string, principal: Principal) => sql`
  with j as (
    insert into bulk_delete_job (id, company_id, requested_by, event_source, status, total, deleted, cutoff, started_at, created_at, restorable)
    select gen_random_uuid(), ${companyId}, ${principal.name}, ${principalSource(principal)}, 'QUEUED', count(*), 0, now(), now(), now(),
      coalesce((select c.deprovisioning_policy = 'SOFT_DELETE' from company c where c.id = ${companyId}), false)
      from directory_user where company_id = ${companyId} and source = 'SCIM' and created_at <= now()
    on conflict (company_id) where status in ('QUEUED', 'RUNNING') do nothing
    returning *
  )
  select ${VIEW} as view, ${sql.raw(notifyInSql(channelSql.bulkDeleteQueued, "json_build_object('jobId', j.id)"))},
    ${sql.raw(notifyInSql(channelSql.bulkDeleteCompanyJobs('j.company_id'), VIEW_JSON))} from j`;

const selectJob = (companyId: string) => sql`select ${VIEW} as view from bulk_delete_job j where j.company_id = ${companyId}`;

/** The latest Delete All Users run (not a restore), for the console's "last run" panel. */
const selectLastRun = (companyId: string) => sql`${selectJob(companyId)} and j.kind = 'DELETE' order by j.created_at desc limit 1`;

export interface BulkDeleteServiceDeps {
  sql: Sql;
}

export function createBulkDeleteService({ sql: db }: BulkDeleteServiceDeps) {
  async function one(statement: SqlFragment): Promise<BulkDeleteJobView | null> {
    const rows = await db.query<{ view: unknown }>(statement);
    return rows[0] ? toJobView(rows[0].view) : null;
  }

  /** The company's QUEUED or RUNNING job, if any. */
  function findActive(companyId: string): Promise<BulkDeleteJobView | null> {
    return one(sql`${selectJob(companyId)} and j.status in ('QUEUED', 'RUNNING')`);
  }

  /** Another company's job is answered exactly like a missing one. */
  function findJob(companyId: string, jobId: string): Promise<BulkDeleteJobView | null> {
    if (!UUID.test(jobId)) return Promise.resolve(null);
    return one(sql`${selectJob(companyId)} and j.id = ${jobId}`);
  }

  /** Starts "Delete All Users", or returns the job already running for the company. */
  async function start(companyId: string, principal: Principal): Promise<BulkDeleteJobView> {
    // A few rounds: the job we collided with may finish between our insert and our read.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const created = await one(insertJob(companyId, principal));
      if (created) return created;
      const running = await findActive(companyId);
      if (running) return running;
    }
    throw new Error('Could not start or find the bulk-delete job');
  }

  function findLastRun(companyId: string): Promise<BulkDeleteJobView | null> {
    return one(selectLastRun(companyId));
  }

  return { start, findJob, findActive, findLastRun, one };
}

export type BulkDeleteService = ReturnType<typeof createBulkDeleteService>;
