import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmOptions } from './mikro-orm.config.js';
import { pgClient } from './pg-options.js';

export type Orm = MikroORM;

const MIGRATION_LOCK = 7_432_001;

export async function openOrm(clientUrl: string, poolMax?: number): Promise<Orm> {
  return MikroORM.init(createOrmOptions(clientUrl, poolMax));
}

/**
 * Applies committed migrations. Replicas starting together serialise on an advisory lock held
 * by one dedicated connection (a pooled one could release it on another session).
 */
export async function migrate(orm: Orm, clientUrl: string): Promise<void> {
  const lock = pgClient(clientUrl);
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await orm.getMigrator().up();
  } finally {
    await lock.end();
  }
}

export async function pendingMigrationCount(orm: Orm): Promise<number> {
  return (await orm.getMigrator().getPendingMigrations()).length;
}
