import { createPeriodicTask } from '../../db/periodic-task.js';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import type { Logger } from '../../logger.js';

const INTERVAL_MS = 2_000;

/**
 * Folds the count deltas the triggers append into one row per company, in a single statement, so
 * reads sum a handful of rows. Every replica runs one; concurrent folds serialise on row locks and
 * never count a delta twice (a delta deleted by one is invisible to the other's delete).
 */
export function createCountCompactor(db: Sql, logger: Logger) {
  async function compact(): Promise<void> {
    await db.query(sql`
      with moved as (delete from directory_count_delta returning company_id, user_delta, group_delta),
      summed as (
        select company_id, sum(user_delta) as user_delta, sum(group_delta) as group_delta from moved group by company_id
      )
      insert into directory_count (company_id, user_count, group_count)
      select s.company_id, s.user_delta, s.group_delta from summed s join company c on c.id = s.company_id
      on conflict (company_id) do update set
        user_count = directory_count.user_count + excluded.user_count,
        group_count = directory_count.group_count + excluded.group_count`);
  }

  const task = createPeriodicTask(INTERVAL_MS, compact, (error) => logger.warn({ err: error }, 'folding directory count deltas failed; retrying'));
  return { compact, start: task.start, stop: task.stop };
}
