import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { loadConfig } from '../src/config.js';
import { findFreePort } from '../src/db/free-port.js';
import { openOrm, type Orm } from '../src/db/orm.js';
import { createServices } from '../src/services.js';
import { createTestDatabase, openTestSql, type TestDatabase } from './harness.js';
import type { SqlPool } from '../src/db/sql.js';
import { seedDirectory } from './directory-seed.js';
import { spawnRoster, waitForReady, type RosterProcess } from './process.js';

interface Replica {
  name: string;
  run: RosterProcess;
  baseUrl: string;
}

interface JobState {
  id: string;
  status: string;
  total: number;
  deleted: number;
  requestedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const USERS = 50_000;
const JOB_FIELDS = 'id status total deleted requestedBy startedAt finishedAt';

let database: TestDatabase;
let db: pg.Pool;
let orm: Orm | undefined;
let sql: SqlPool | undefined;
const replicas: Replica[] = [];
const clients: Client[] = [];

async function startReplica(name: string): Promise<Replica> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const run = spawnRoster({ DATABASE_URL: database.url, PORT: String(port), PUBLIC_URL: baseUrl, LOG_LEVEL: 'warn' });
  const replica = { name, run, baseUrl };
  replicas.push(replica);
  await waitForReady(baseUrl);
  return replica;
}

async function graphql<T>(replica: Replica, token: string, query: string): Promise<T> {
  const response = await fetch(`${replica.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Collects bulkDeleteProgress on one replica over graphql-ws until the server completes it. */
function follow(replica: Replica, token: string, jobId: string) {
  const client = createClient({
    url: `${replica.baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  const states: { at: number; job: JobState }[] = [];
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe<{ bulkDeleteProgress: JobState }>(
      { query: `subscription ($id: ID!) { bulkDeleteProgress(jobId: $id) { ${JOB_FIELDS} } }`, variables: { id: jobId } },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          else if (result.data) states.push({ at: Date.now(), job: result.data.bulkDeleteProgress });
        },
        error: reject,
        complete: resolve,
      },
    );
  });
  done.catch(() => undefined); // the replica we kill fails its subscribers; that one is not awaited
  return { states, done };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = new pg.Pool({ connectionString: database.url, max: 2 });
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  for (const replica of replicas) {
    if (replica.run.child.exitCode === null && replica.run.child.signalCode === null) replica.run.child.kill('SIGTERM');
    await replica.run.exited;
  }
  await sql?.close();
  await orm?.close();
  await db?.end();
  await database?.drop();
}, 60_000);

describe('bulk delete across two replicas on one PostgreSQL', () => {
  it('streams progress to the other replica and survives kill -9 of the one running the job', async () => {
    const [a, b] = await Promise.all([startReplica('A'), startReplica('B')]);
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    orm = await openOrm(database.url, 2);
    sql = openTestSql(database.url);
    const services = createServices(orm.em.fork(), sql, config);
    const company = await services.companies.createCompany('replicas', 'Replicas Inc');
    const { secret: token } = await services.tokens.createApiToken(company.id, 'replica test', ['iam:read', 'users:delete']);
    await seedDirectory(db, { companyId: company.id, prefix: 's', users: USERS, groupSize: 100 });
    await seedDirectory(db, { companyId: company.id, prefix: 'm', users: 7, source: 'MANUAL' });

    const { deleteAllScimUsers: job } = await graphql<{ deleteAllScimUsers: JobState }>(
      a, token, `mutation { deleteAllScimUsers { ${JOB_FIELDS} } }`);
    expect(job).toMatchObject({ total: USERS, deleted: 0, requestedBy: 'API token "replica test"' });
    // A second request, through the other replica, gets the same job.
    const again = await graphql<{ deleteAllScimUsers: JobState }>(b, token, 'mutation { deleteAllScimUsers { id } }');
    expect(again.deleteAllScimUsers.id).toBe(job.id);

    const streams = new Map([a, b].map((replica) => [replica, follow(replica, token, job.id)]));

    // Wait until the job is under way and its progress has reached the other replica's
    // subscriber, then kill -9 whichever replica is running it.
    let running: { claimed_by: string; deleted: number; status: string } | undefined;
    let victim: Replica | undefined;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      running = (await db.query('select claimed_by, deleted, status from bulk_delete_job where id = $1', [job.id])).rows[0];
      victim = replicas.find((replica) => running?.claimed_by?.split(':')[1] === String(replica.run.child.pid));
      const other = victim === a ? b : a;
      if (victim && streams.get(other)!.states.some((state) => state.job.deleted > 0)) break;
    }
    expect(running?.status).toBe('RUNNING');
    expect(victim, `claimed by ${running?.claimed_by}`).toBeDefined();
    const survivor = victim === a ? b : a;
    victim!.run.child.kill('SIGKILL');
    const killedAt = Date.now();
    await victim!.run.exited;
    const atKill = (await db.query('select deleted, status from bulk_delete_job where id = $1', [job.id])).rows[0];
    expect(atKill.status, 'the kill must land mid-way').toBe('RUNNING');
    expect(atKill.deleted).toBeLessThan(USERS);

    const stream = streams.get(survivor)!;
    await stream.done;
    const states = stream.states.map((state) => state.job);
    expect(states.at(-1)).toMatchObject({ id: job.id, status: 'SUCCEEDED', total: USERS, deleted: USERS });
    expect(states.at(-1)?.finishedAt).toBeTruthy();
    // Progress made by the victim reached the survivor's subscriber over LISTEN/NOTIFY.
    expect(stream.states.some((state) => state.at < killedAt && state.job.deleted > 0)).toBe(true);
    // And progress made by the survivor after the takeover did too.
    expect(stream.states.some((state) => state.at > killedAt && state.job.deleted > atKill.deleted && state.job.status === 'RUNNING')).toBe(true);
    for (let i = 1; i < states.length; i += 1) expect(states[i]!.deleted).toBeGreaterThanOrEqual(states[i - 1]!.deleted);

    const count = async (sql: string) => Number((await db.query(sql, [company.id])).rows[0].n);
    expect(await count(`select count(*) as n from directory_user where company_id = $1 and source = 'SCIM'`)).toBe(0);
    expect(await count(`select count(*) as n from directory_user where company_id = $1 and source = 'MANUAL'`)).toBe(7);
    expect(await count('select count(*) as n from directory_membership where company_id = $1')).toBe(0);
    const audit = (await db.query(`select actor, detail from audit_entry where company_id = $1 and action = 'users.deleted-all'`, [company.id])).rows;
    expect(audit).toEqual([{ actor: 'API token "replica test"', detail: { deleted: USERS, jobId: job.id } }]);

    // Over HTTP, for clients without WebSockets: the same final state.
    const { bulkDeleteJob } = await graphql<{ bulkDeleteJob: JobState }>(survivor, token, `{ bulkDeleteJob(id: "${job.id}") { ${JOB_FIELDS} } }`);
    expect(bulkDeleteJob).toEqual(states.at(-1));
  }, 120_000);
});
