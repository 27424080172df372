import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../src/db/free-port.js';
import { openSqlPool, type Sql, type SqlPool } from '../src/db/sql.js';
import { sql } from '../src/db/sql-tag.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

// PgBouncer 1.18 in transaction mode, as deployments put it in front of PostgreSQL: one server
// connection is shared by every client connection, and it keeps no prepared statements.
const PGBOUNCER = '/usr/sbin/pgbouncer';

let database: TestDatabase;
let bouncer: ChildProcess;
let directory: string;
let url: string;

async function listening(port: number): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`pgbouncer did not listen on ${port}`);
}

beforeAll(async () => {
  const server = inject('pg');
  database = await createTestDatabase();
  directory = await mkdtemp(join(tmpdir(), 'roster-pgbouncer-'));
  const port = await findFreePort();
  await writeFile(join(directory, 'pgbouncer.ini'), [
    '[databases]',
    `${database.name} = host=${server.host} port=${server.port} dbname=${database.name} user=${server.user} password=${server.password}`,
    '[pgbouncer]',
    `listen_addr = 127.0.0.1`,
    `listen_port = ${port}`,
    `unix_socket_dir =`,
    'auth_type = any',
    'pool_mode = transaction',
    'default_pool_size = 1',
    'ignore_startup_parameters = extra_float_digits',
  ].join('\n'));
  // PgBouncer refuses to run as root; -u drops to another user once the file is read.
  const asUser = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
  bouncer = spawn(PGBOUNCER, [...asUser, join(directory, 'pgbouncer.ini')], { stdio: 'ignore' });
  await listening(port);
  url = `postgres://roster@127.0.0.1:${port}/${database.name}`;
});

afterAll(async () => {
  bouncer?.kill('SIGINT');
  await database?.drop();
  if (directory) await rm(directory, { recursive: true, force: true });
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
