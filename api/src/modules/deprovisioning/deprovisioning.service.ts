import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError } from '../../domain/domain-error.js';
import { channelSql, notifyInSql } from '../../events/channels.js';
import type { Principal } from '../access/principal.js';
import { principalSource, type EventSource } from '../events/event-source.js';
import { writeEventsSql } from '../events/event-writer.js';
import { VIEW_JSON, toJobView, type BulkDeleteJobView } from '../bulk-delete/bulk-delete-job.view.js';
import { DEPROVISIONING_POLICIES, type DeprovisioningPolicy } from '../companies/company.entity.js';
import { UUID } from '../directory/directory-preconditions.js';
import { listDeletedUsers, restoreDeletedUsers, type DeletedUserPosition, type DeletedUserRow, type RestoredUsers } from './deleted-users.store.js';

export interface DeprovisioningPolicyView {
  policy: DeprovisioningPolicy;
  retentionDays: number;
}

export const MAX_RETENTION_DAYS = 365;
/** Users one restoreUsers call may name; a whole run is restored with restoreBulkDelete. */
export const MAX_RESTORE_IDS = 100;

function assertPolicy({ policy, retentionDays }: DeprovisioningPolicyView): void {
  if (!DEPROVISIONING_POLICIES.includes(policy)) throw new DomainError('INVALID_INPUT', 'Unknown deprovisioning policy');
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
    throw new DomainError('INVALID_INPUT', `The retention must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}`);
  }
}

const audit = (companyId: string, actor: string, action: string, detail: Record<string, unknown>) =>
  sql`insert into audit_entry (company_id, actor, action, detail) values (${companyId}::uuid, ${actor}, ${action}, ${JSON.stringify(detail)}::jsonb)`;

/**
 * The RESTORE job for a restorable DELETE run of the company, queued like a Delete All Users
 * (one unfinished job per company: the partial unique index). `total`: the run's users still
 * deleted, counted in the same statement. Published like a queued Delete All Users: the runners
 * wake, and the company's open consoles follow the job.
 */
const queueRestore = (companyId: string, jobId: string, principal: Principal) => sql`
  with j as (
    insert into bulk_delete_job (id, company_id, requested_by, event_source, status, total, deleted, cutoff, started_at, created_at, kind, restores_job_id)
    select gen_random_uuid(), ${companyId}::uuid, ${principal.name}, ${principalSource(principal)}, 'QUEUED',
      (select count(*) from deleted_directory_user d where d.bulk_delete_job_id = r.id and d.company_id = r.company_id), 0, now(), now(), now(), 'RESTORE', r.id
    from bulk_delete_job r where r.id = ${jobId}::uuid and r.company_id = ${companyId}::uuid and r.kind = 'DELETE' and r.restorable
      and r.status in ('SUCCEEDED', 'FAILED')
    on conflict (company_id) where status in ('QUEUED', 'RUNNING') do nothing
    returning *
  )
  select ${sql.raw(VIEW_JSON)} as view, ${sql.raw(notifyInSql(channelSql.bulkDeleteQueued, "json_build_object('jobId', j.id)"))},
    ${sql.raw(notifyInSql(channelSql.bulkDeleteCompanyJobs('j.company_id'), VIEW_JSON))} from j`;

export function createDeprovisioningService({ sql: db }: { sql: Sql }) {

  async function policy(companyId: string): Promise<DeprovisioningPolicyView> {
    const [row] = await db.query<DeprovisioningPolicyView>(sql`
      select deprovisioning_policy as policy, deleted_user_retention_days as "retentionDays" from company where id = ${companyId}::uuid`);
    if (!row) throw new DomainError('COMPANY_NOT_FOUND', 'Company not found');
    return row;
  }

  /**
   * Changes the policy or the retention (audited, and a `deprovisioning_policy.updated` event, when
   * either changes); already-deleted users keep their deletion time.
   */
  async function updatePolicy(
    companyId: string, next: DeprovisioningPolicyView, actor: string, source: EventSource | null = null,
  ): Promise<DeprovisioningPolicyView> {
    assertPolicy(next);
    return db.transaction(async (tx) => {
      const [before] = await tx.query<DeprovisioningPolicyView>(sql`
        select deprovisioning_policy as policy, deleted_user_retention_days as "retentionDays" from company
        where id = ${companyId}::uuid for update`);
      if (!before) throw new DomainError('COMPANY_NOT_FOUND', 'Company not found');
      if (before.policy === next.policy && before.retentionDays === next.retentionDays) return before;
      await tx.query(sql`update company set deprovisioning_policy = ${next.policy}, deleted_user_retention_days = ${next.retentionDays},
        updated_at = now() where id = ${companyId}::uuid`);
      await tx.query(audit(companyId, actor, 'deprovisioning.policy-changed', { from: before, to: next }));
      await tx.query(writeEventsSql([{
        companyId, type: 'deprovisioning_policy.updated', resourceType: 'DeprovisioningPolicy', resourceId: companyId, source,
        data: { policy: next.policy, retentionDays: next.retentionDays, from: before },
      }]));
      return next;
    });
  }

  function deletedUsers(companyId: string, request: { limit: number; after: DeletedUserPosition | null; search: string | null }): Promise<DeletedUserRow[]> {
    return listDeletedUsers(db, companyId, request);
  }

  /** Ids that are not this company's deleted users (another company's, purged, malformed) are simply not restored. */
  async function restoreUsers(companyId: string, ids: readonly string[], actor: string): Promise<RestoredUsers> {
    if (ids.length > MAX_RESTORE_IDS) throw new DomainError('INVALID_INPUT', `At most ${MAX_RESTORE_IDS} users per call; restore a whole run with restoreBulkDelete`);
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return { restored: [], userNameTaken: [] };
    return db.transaction(async (tx) => {
      const result = await restoreDeletedUsers(tx, companyId, wanted);
      if (result.restored.length > 0 || result.userNameTaken.length > 0) {
        await tx.query(audit(companyId, actor, 'users.restored', { restored: result.restored, userNameTaken: result.userNameTaken }));
      }
      return result;
    });
  }

  /** Queues the restore of a Delete All Users run; the runner puts its users back in batches. */
  async function restoreRun(companyId: string, jobId: string, principal: Principal): Promise<BulkDeleteJobView> {
    if (!UUID.test(jobId)) throw new DomainError('JOB_NOT_FOUND', 'No bulk-delete job with this id');
    const [row] = await db.query<{ view: unknown }>(queueRestore(companyId, jobId, principal));
    if (row) return toJobView(row.view);
    const [source] = await db.query<{ kind: string; restorable: boolean; status: string }>(sql`
      select kind, restorable, status from bulk_delete_job where id = ${jobId}::uuid and company_id = ${companyId}::uuid`);
    if (!source) throw new DomainError('JOB_NOT_FOUND', 'No bulk-delete job with this id');
    if (source.kind !== 'DELETE' || !source.restorable) {
      throw new DomainError('NOT_RESTORABLE', 'This run deleted its users for good (the company\'s policy was HARD_DELETE)');
    }
    if (source.status === 'QUEUED' || source.status === 'RUNNING') throw new DomainError('JOB_RUNNING', 'The run is still deleting; restore it once it has ended');
    throw new DomainError('JOB_RUNNING', 'Another Delete All Users or restore is running for the company; wait for it to end');
  }

  return { policy, updatePolicy, deletedUsers, restoreUsers, restoreRun };
}

export type DeprovisioningService = ReturnType<typeof createDeprovisioningService>;
