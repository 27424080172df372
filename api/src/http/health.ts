import type { Handler } from './router.js';
import type { Orm } from '../db/orm.js';
import type { Sql } from '../db/sql.js';
import { sql as statement } from '../db/sql-tag.js';

function json(res: Parameters<Handler>[1], status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export const healthz: Handler = (_req, res) => json(res, 200, { status: 'ok' });

/** A check younger than this answers probes on its own. */
const CHECK_FRESH_MS = 1000;
/** How long a probe waits for a new check before it answers from the last one. */
const PROBE_WAIT_MS = 20;
/** A check this old that has not answered means the database is not answering in time. */
const CHECK_STALE_MS = 5000;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface DatabaseCheck {
  startedAt: number;
  done: Promise<void>;
}

/** Both pools answer: the ORM's (GraphQL, the console) and the SQL layer's (SCIM, directory reads). */
const databaseAnswers = ({ orm, sql }: { orm: Orm; sql: Sql }) =>
  Promise.all([orm.em.getConnection().execute('select 1'), sql.query(statement`select 1`)]);

/**
 * Ready once migrations have run and the database answers. Probes share one check at a time and
 * wait only briefly for a new one: under load a check queues behind SCIM queries for a pool
 * connection, and a probe waiting with it would miss a 1 s probe timeout on a healthy server.
 * A quick failure (PostgreSQL gone) is still seen by the probe that started the check.
 */
export function createReadyz(database: { orm: Orm; sql: Sql }, isMigrated: () => boolean): Handler {
  let reachable: boolean | undefined;
  let checkedAt = 0;
  let pending: DatabaseCheck | undefined;

  function check(): DatabaseCheck {
    const done = databaseAnswers(database).then(
      () => void (reachable = true),
      () => void (reachable = false),
    ).finally(() => {
      checkedAt = Date.now();
      pending = undefined;
    });
    pending = { startedAt: Date.now(), done };
    return pending;
  }

  return async (_req, res) => {
    if (!isMigrated()) return json(res, 503, { status: 'starting', database: 'migrating' });
    if (!pending && Date.now() - checkedAt >= CHECK_FRESH_MS) {
      const { done } = check();
      // With nothing known yet (the first probe) there is no last answer to fall back on.
      await (reachable === undefined ? done : Promise.race([done, delay(PROBE_WAIT_MS)]));
    }
    const slow = pending !== undefined && Date.now() - pending.startedAt > CHECK_STALE_MS;
    if (reachable && !slow) return json(res, 200, { status: 'ready' });
    json(res, 503, { status: 'unavailable', database: slow ? 'slow' : 'unreachable' });
  };
}
