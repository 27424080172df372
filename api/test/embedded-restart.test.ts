import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

let postgres: ThrowawayPostgres;

beforeAll(async () => {
  postgres = await startThrowawayPostgres('test');
});
afterAll(async () => {
  await postgres?.stop();
});

async function answers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgres.server.url('postgres'), connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded PostgreSQL', () => {
  it('is started again when its postgres process dies on its own', async () => {
    expect(await answers()).toBe(true);
    const pid = Number((await readFile(join(postgres.dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    while (!(await answers())) {
      expect(Date.now() - killedAt).toBeLessThan(20_000);
      await sleep(100);
    }
    const newPid = Number((await readFile(join(postgres.dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(newPid).not.toBe(pid);
    console.log(`embedded PostgreSQL answered again ${Date.now() - killedAt} ms after kill -9`);
  }, 30_000);
});
