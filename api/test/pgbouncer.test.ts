import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSqlPool, type Sql, type SqlPool } from '../src/db/sql.js';
import { sql } from '../src/db/sql-tag.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { startPgBouncer, type PgBouncer } from './pgbouncer.js';

// PgBouncer 1.18 in transaction mode, as deployments put it in front of PostgreSQL. One server
// connection shared by every client connection makes a statement prepared on one client's turn
// missing on the next one's, every time.
let database: TestDatabase;
let bouncer: PgBouncer;
let url: string;

beforeAll(async () => {
  const server = inject('pg');
  database = await createTestDatabase();
  bouncer = await startPgBouncer(server.port, server.user, server.password, { poolSize: 1 });
  url = `postgres://${server.user}:${encodeURIComponent(server.password)}@127.0.0.1:${bouncer.port}/${database.name}`;
});

afterAll(async () => {
  await bouncer?.stop();
  await database?.drop();
});

/** The same statements again and again, from several client connections at once. */
const repeatedStatements = (pool: Sql) =>
  Promise.all(Array.from({ length: 40 }, (_, i) => pool.query<{ n: number }>(sql`select ${i}::int + 1 as n`)));

async function withPool<T>(preparedStatements: boolean, use: (pool: SqlPool) => Promise<T>): Promise<T> {
  const pool = openSqlPool({ url, poolMax: 4, preparedStatements });
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

describe('behind PgBouncer in transaction mode', () => {
  it('with DATABASE_PREPARED_STATEMENTS=false runs repeated statements and prepares none', async () => {
    await withPool(false, async (pool) => {
      const rows = await repeatedStatements(pool);
      expect(rows.map(([row]) => row?.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const prepared = await pool.transaction(async (tx) => {
        for (let i = 0; i < 5; i += 1) await tx.query(sql`select ${i}::int as n`);
        return tx.query(sql`select name from pg_prepared_statements`);
      });
      expect(prepared).toEqual([]);
    });
  });

  it('fails there with named statements, which is why the switch exists', async () => {
    await withPool(true, async (pool) => {
      await expect(repeatedStatements(pool)).rejects.toThrow(/prepared statement "roster_\d+"/);
    });
  });
});
