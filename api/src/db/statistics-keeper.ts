import type { Logger } from '../logger.js';
import { createPeriodicTask } from './periodic-task.js';
import type { Sql } from './sql.js';
import { sql } from './sql-tag.js';

const INTERVAL_MS = 2_000;
/** Below this many changed rows a stale plan costs less than noticing it. */
const MIN_CHANGED_ROWS = 500;
/** PostgreSQL samples 300 rows per unit of target; the default (100) reads 30,000. */
const STATISTICS_TARGET = 10;

/**
 * Keeps planner statistics in step with young tables that change faster than autovacuum looks.
 * A prepared statement settles on a generic plan made from the statistics of its first runs; on a
 * fresh install those say "empty", the plan is a sequential scan, and it stays until the table is
 * next analysed. An IdP's first sync grows the directory a hundredfold within autovacuum's
 * one-minute nap, so lookups crawl through it; one tenant's directory replacing another's fools
 * per-call plans the same way. Once a table has changed by as many rows as it holds, this
 * analyses it with a small sample: enough for sizes and skew, at a tenth of a full ANALYZE's CPU
 * (which stalls a two-core machine for a third of a second). On a large table autovacuum's 10 %
 * threshold comes first, with its full sample, and this never fires.
 */
export function createStatisticsKeeper(db: Sql, tables: readonly string[], logger: Logger) {
  for (const table of tables) if (!/^[a-z_]+$/.test(table)) throw new Error(`not a plain table name: ${table}`);

  /** Analyses the tables that changed as much as they hold since their last analysis; returns their names. */
  async function refresh(): Promise<string[]> {
    const stale = await db.query<{ table: string }>(
      sql`select s.relname as table from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = current_schema() and s.relname = any(${tables}::text[])
          and s.n_mod_since_analyze >= greatest(${MIN_CHANGED_ROWS}, c.reltuples)`,
    );
    for (const { table } of stale) {
      await db.transaction(async (tx) => {
        await tx.query(sql.raw(`set local default_statistics_target = ${STATISTICS_TARGET}`));
        // skip_locked: autovacuum or another replica is analysing it already (a name checked above).
        await tx.query(sql.raw(`analyze (skip_locked) ${table}`));
      });
    }
    return stale.map(({ table }) => table);
  }

  async function refreshAndReport(): Promise<void> {
    const analysed = await refresh();
    if (analysed.length) logger.info({ tables: analysed }, 'planner statistics refreshed');
  }

  const task = createPeriodicTask(INTERVAL_MS, refreshAndReport, (error) =>
    logger.warn({ err: error }, 'refreshing planner statistics failed; retrying'));
  return { refresh, start: task.start, stop: task.stop };
}
