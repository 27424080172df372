import type { Handler } from './router.js';
import type { Orm } from '../db/orm.js';

function json(res: Parameters<Handler>[1], status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export const healthz: Handler = (_req, res) => json(res, 200, { status: 'ok' });

/** Ready once migrations have run and the database answers right now. */
export function createReadyz(orm: Orm, isMigrated: () => boolean): Handler {
  return async (_req, res) => {
    if (!isMigrated()) return json(res, 503, { status: 'starting', database: 'migrating' });
    try {
      await orm.em.getConnection().execute('select 1');
      json(res, 200, { status: 'ready' });
    } catch {
      json(res, 503, { status: 'unavailable', database: 'unreachable' });
    }
  };
}
