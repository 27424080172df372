import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory } from './directory-seed.js';
import { codes, gql, socketClient } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { ERROR_URN, USER_URN, scimClient, type ScimResult } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

// Its own PostgreSQL: this file stops it, and the shared one serves every other file.
let postgres: ThrowawayPostgres;
let t: TestApp;
let idp: SeededCompany;
let db: pg.Pool;

beforeAll(async () => {
  postgres = await startThrowawayPostgres('test');
  const { server } = postgres;
  t = await startTestApp({}, { pgServer: { host: '127.0.0.1', port: server.port, user: server.user, password: server.password } });
  idp = await seedCompany(t);
  db = new pg.Pool({ connectionString: t.database.url, max: 2 });
  db.on('error', () => undefined); // the outage ends these connections too
});

afterAll(async () => {
  await db?.end();
  await t?.close();
  await postgres?.stop();
});

interface Load {
  statuses: Map<number, number>;
  acknowledged: string[];
  /** Answers that were not a proper SCIM 503 (wrong body or no Retry-After). */
  bad503: ScimResult[];
  networkErrors: unknown[];
  firstCreatedAfter(time: number): number | undefined;
  stop(): Promise<void>;
}

/** Workers creating users as fast as they are answered, as an IdP's first sync does. */
function startLoad(workers: number): Load {
  const scim = scimClient(idp);
  const load: Omit<Load, 'stop'> & { created: number[] } = {
    statuses: new Map(),
    acknowledged: [],
    bad503: [],
    networkErrors: [],
    created: [],
    firstCreatedAfter: (time) => load.created.find((at) => at > time),
  };
  let running = true;
  const worker = async (w: number) => {
    for (let n = 0; running; n += 1) {
      const userName = `load-${w}-${n}@example.test`;
      try {
        const result = await scim('POST', '/Users', { schemas: [USER_URN], userName });
        load.statuses.set(result.status, (load.statuses.get(result.status) ?? 0) + 1);
        if (result.status === 201) {
          load.acknowledged.push(userName);
          load.created.push(Date.now());
        } else if (result.status === 503) {
          const proper = result.headers.get('retry-after') && result.body?.schemas?.[0] === ERROR_URN && result.body?.status === '503';
          if (!proper) load.bad503.push(result);
          await sleep(20);
        }
      } catch (error) {
        load.networkErrors.push(error);
        await sleep(20);
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return { ...load, stop: async () => { running = false; await done; } };
}

async function untilTrue(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now();
}

const one = async (text: string, params: unknown[]) => Number((await db.query<{ n: string }>(text, params)).rows[0]?.n);

/** A bulk-delete job that is surely running when PostgreSQL goes: it waits on a user held locked. */
async function startBlockedBulkDelete(users: number) {
  const other = await seedCompany(t);
  await seedDirectory(db, { companyId: other.companyId, prefix: 'bulk-', users });
  const holder = new pg.Client({ connectionString: t.database.url });
  holder.on('error', () => undefined); // it is meant to die with the outage, releasing its lock
  await holder.connect();
  await holder.query('begin');
  await holder.query(`select 1 from directory_user where company_id = $1 and user_name = 'bulk-u1' for update`, [other.companyId]);
  const principal = { kind: 'operator' as const, id: other.companyId, companyId: other.companyId, name: 'ops@bulk.test', permissions: ['users:delete' as const] };
  const job = await t.services().bulkDelete.start(other.companyId, principal);
  await untilTrue(async () => (await one('select deleted as n from bulk_delete_job where id = $1', [job.id])) === users - 1, 20_000);
  return { companyId: other.companyId, jobId: job.id, holder };
}

/** What each protocol answers while the database is down. */
async function probeOutage() {
  const scim = await scimClient(idp)('GET', '/Users?filter=userName%20eq%20%22nobody%22');
  const graphql = await gql(t, '{ counts { users } }', {}, { token: idp.apiToken });
  const readyz = await fetch(`${t.baseUrl}/readyz`);
  const healthz = await fetch(`${t.baseUrl}/healthz`);
  return { scim, graphql, readyz: readyz.status, healthz: healthz.status };
}

describe('PostgreSQL stopped and started under SCIM load', () => {
  it('answers 503 meanwhile, then recovers by itself with no 500s and no lost acknowledged writes', async () => {
    const bulk = await startBlockedBulkDelete(3_000);
    const { client } = socketClient(t, { authorization: `Bearer ${idp.apiToken}` });
    const live: number[] = [];
    const unsubscribe = client.subscribe({ query: 'subscription { provisioningActivity { id } }' }, {
      next: () => live.push(Date.now()),
      error: () => undefined,
      complete: () => undefined,
    });
    const load = startLoad(8);
    await sleep(1_000);

    await postgres.server.stop();
    await sleep(300);
    const during = await probeOutage();
    await sleep(2_000);
    await postgres.server.start();
    const restartedAt = Date.now();
    const readyAt = await untilTrue(async () => (await fetch(`${t.baseUrl}/readyz`)).status === 200, 15_000);
    await untilTrue(async () => load.firstCreatedAfter(restartedAt) !== undefined, 15_000);
    const recoveredAt = load.firstCreatedAfter(restartedAt)!;
    await untilTrue(async () => live.some((at) => at > recoveredAt), 10_000);
    await sleep(1_000);
    await load.stop();
    unsubscribe();
    await client.dispose();

    const statuses = Object.fromEntries(load.statuses);
    console.log(
      `outage: ${JSON.stringify(statuses)}; acknowledged ${load.acknowledged.length}; ` +
        `recovery after PostgreSQL was back: first 201 in ${recoveredAt - restartedAt} ms, /readyz in ${readyAt - restartedAt} ms`,
    );
    expect(during.scim.status).toBe(503);
    expect(during.scim.headers.get('retry-after')).toBe('2');
    expect(during.scim.body).toMatchObject({ schemas: [ERROR_URN], status: '503' });
    expect(codes(during.graphql)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(during.graphql.status).toBe(503);
    expect([during.readyz, during.healthz]).toEqual([503, 200]);
    expect(Object.keys(statuses).sort()).toEqual(['201', '503']);
    expect(load.bad503).toEqual([]);
    expect(load.networkErrors).toEqual([]);
    expect(recoveredAt - restartedAt).toBeLessThan(5_000);

    const stored = await one('select count(*) as n from directory_user where company_id = $1 and user_name = any($2)', [idp.companyId, load.acknowledged]);
    expect(stored).toBe(load.acknowledged.length);
    // Every request is in the activity, the creates recorded just before the outage and the 503s
    // answered during it (kept by the recorder until PostgreSQL was back) included.
    const recorded = async (status: number) =>
      one('select count(*) as n from provisioning_event where company_id = $1 and status = $2', [idp.companyId, status]);
    await untilTrue(async () => (await recorded(201)) === load.acknowledged.length, 10_000);
    await untilTrue(async () => (await recorded(503)) === (load.statuses.get(503) ?? 0) + 1, 10_000); // + the probe

    await untilTrue(async () => (await one(`select count(*) as n from bulk_delete_job where id = $1 and status = 'SUCCEEDED'`, [bulk.jobId])) === 1, 20_000);
    expect(await one('select deleted as n from bulk_delete_job where id = $1', [bulk.jobId])).toBe(3_000);
    expect(await one(`select count(*) as n from directory_user where company_id = $1`, [bulk.companyId])).toBe(0);
    await bulk.holder.end().catch(() => undefined);
  }, 60_000);
});
