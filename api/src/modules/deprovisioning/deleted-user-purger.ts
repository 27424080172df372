import { createPeriodicTask } from '../../db/periodic-task.js';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import type { Logger } from '../../logger.js';

const INTERVAL_MS = 10 * 60_000;
const BATCH = 5_000;
/** Any constant; pg_try_advisory_xact_lock's key for "a purge is running somewhere". */
const PURGE_LOCK = 0x726f_7374;

/**
 * One batch: the soft-deleted users past their company's retention, gone with their kept
 * memberships (cascade), and one audit entry per company. The transaction-scoped advisory lock
 * lets only one replica purge at a time (works through PgBouncer's transaction mode); the others'
 * statements find the lock taken and do nothing. Each company's walk uses its (company_id,
 * deleted_at, id) index.
 */
const purgeBatch = (limit: number) => sql`
  with claim as (select pg_try_advisory_xact_lock(${PURGE_LOCK}::bigint) as ours),
  doomed as (
    select e.id, e.company_id from company c
    cross join lateral (
      select d.id, d.company_id from deleted_directory_user d
      where d.company_id = c.id and d.deleted_at < now() - make_interval(days => c.deleted_user_retention_days)
      order by d.deleted_at, d.id limit ${limit}
    ) e
    where (select ours from claim)
    limit ${limit}
  ), gone as (
    delete from deleted_directory_user d where (d.company_id, d.id) in (select company_id, id from doomed) returning d.id, d.company_id
  ), audited as (
    insert into audit_entry (company_id, actor, action, detail)
    select company_id, 'system', 'users.purged', json_build_object('purged', count(*))::jsonb from gone group by company_id
  )
  select (select ours from claim) as ours, (select count(*)::int from gone) as purged`;

/** Purges soft-deleted users whose retention has run out; every replica runs one. */
export function createDeletedUserPurger(db: Sql, logger: Logger, intervalMs = INTERVAL_MS) {
  async function purge(): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = await db.query<{ ours: boolean; purged: number }>(purgeBatch(BATCH));
      total += row?.purged ?? 0;
      if (!row?.ours || (row.purged ?? 0) < BATCH) break;
    }
    if (total > 0) logger.info({ purged: total }, 'purged soft-deleted users past their retention');
    return total;
  }

  const task = createPeriodicTask(intervalMs, async () => void (await purge()),
    (error) => logger.warn({ err: error }, 'purging soft-deleted users failed; retrying'));
  return { purge, start: task.start, stop: task.stop };
}
