/**
 * `npm run bench -- scim`: the standard IdP workload against a real Roster process over HTTP at
 * concurrency 16, next to the same operations as plain SQL through `pg` at the same concurrency
 * in the same run (the raw limit), on one embedded PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startBenchDatabase } from './bench-database.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { createServices } from '../src/services.js';
import { spawnRoster, waitForReady } from '../test/process.js';
import { printComparison, runPhase, type PhaseResult } from './phase.js';
import { rawPhases } from './scim-raw.js';

const USERS = Number(process.env.BENCH_USERS ?? 5000);
const GROUPS = 200;
const MEMBERS_PER_GROUP = 25;
const CONCURRENCY = 16;
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function userBody(i: number, extra: Record<string, unknown> = {}) {
  const userName = `user${i}@bench.example`;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    externalId: `ext-${i}`,
    displayName: `Bench User ${i}`,
    name: { givenName: 'Bench', familyName: `User${i}` },
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
    ...extra,
  };
}

function client(base: string, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
}

async function rosterPhases(base: string, token: string): Promise<PhaseResult[]> {
  const scim = client(base, token);
  const indexes = Array.from({ length: USERS }, (_, i) => i);
  const ids: string[] = [];
  const results: PhaseResult[] = [];
  results.push(await runPhase('create users', indexes, CONCURRENCY, async (i) => {
    const r = await scim('POST', '/Users', userBody(i));
    ids[i] = r.json?.id;
    return r.status === 201;
  }));
  results.push(await runPhase('userName eq lookup', indexes, CONCURRENCY, async (i) => {
    const r = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "user${i}@bench.example"`)}`);
    return r.status === 200 && r.json.totalResults === 1;
  }));
  const pages = Array.from({ length: Math.ceil(USERS / 100) }, (_, p) => p);
  results.push(await runPhase('list 100 per page', pages, CONCURRENCY, async (p) =>
    (await scim('GET', `/Users?startIndex=${p * 100 + 1}&count=100`)).status === 200));
  results.push(await runPhase('PATCH active false', indexes, CONCURRENCY, async (i) =>
    (await scim('PATCH', `/Users/${ids[i]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] })).status === 200));
  results.push(await runPhase('PUT user', indexes, CONCURRENCY, async (i) =>
    (await scim('PUT', `/Users/${ids[i]}`, userBody(i, { title: 'Updated' }))).status === 200));
  const groupIds: string[] = [];
  const groupIndexes = Array.from({ length: GROUPS }, (_, g) => g);
  results.push(await runPhase('create groups', groupIndexes, CONCURRENCY, async (g) => {
    const r = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Group ${g}` });
    groupIds[g] = r.json?.id;
    return r.status === 201;
  }));
  const memberships = groupIndexes.flatMap((g) => Array.from({ length: MEMBERS_PER_GROUP }, (_, m) => [g, (g * MEMBERS_PER_GROUP + m) % USERS] as const));
  results.push(await runPhase('PATCH add member', memberships, CONCURRENCY, async ([g, u]) =>
    (await scim('PATCH', `/Groups/${groupIds[g]}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: ids[u] }] }] })).status === 204));
  results.push(await runPhase('DELETE user', indexes, CONCURRENCY, async (i) => (await scim('DELETE', `/Users/${ids[i]}`)).status === 204));
  results.push(await runPhase('DELETE group', groupIndexes, CONCURRENCY, async (g) => (await scim('DELETE', `/Groups/${groupIds[g]}`)).status === 204));
  return results;
}

const WARM_UP_REQUESTS = 400;

/**
 * Both sides start warm, as a running service is: connections open, statements prepared, code
 * compiled. Without it the first phase's p99 measures connection set-up and JIT, not requests.
 */
async function warmUp(pool: pg.Pool, base: string, token: string): Promise<void> {
  const scim = client(base, token);
  const items = Array.from({ length: WARM_UP_REQUESTS }, (_, i) => i);
  await runPhase('warm-up', items, CONCURRENCY, async (i) =>
    (await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "warm-up-${i}@bench.example"`)}`)).status === 200);
  await runPhase('warm-up', items, CONCURRENCY, async (i) =>
    (await pool.query('select id from directory_user where company_id = $1 and lower(user_name) = lower($2)', [randomUUID(), `warm-up-${i}`])).rowCount === 0);
}

const TARGETS: Record<string, number> = {};

export async function run(): Promise<void> {
  const database = await startBenchDatabase();
  const url = database.url;
  const orm = await openOrm(url, 4);
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const port = await findFreePort();
  let roster: ReturnType<typeof spawnRoster> | undefined;
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), loadConfig({ LOG_LEVEL: 'silent' }));
    const company = await services.companies.createCompany('bench', 'Bench');
    const rawCompany = await services.companies.createCompany('bench-raw', 'Bench raw');
    const { secret } = await services.tokens.createScimToken(company.id, 'bench', 'bench');
    roster = spawnRoster(
      { DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_POOL_MAX: String(CONCURRENCY) },
      // e.g. BENCH_NODE_ARGS=--cpu-prof to profile the server under the workload.
      process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    );
    await waitForReady(`http://127.0.0.1:${port}`);
    process.stdout.write(`SCIM bench: ${USERS} users, ${GROUPS} groups × ${MEMBERS_PER_GROUP} members, concurrency ${CONCURRENCY}\n\n`);
    const base = `http://127.0.0.1:${port}/pp/scim/v2/bench`;
    await warmUp(pool, base, secret);
    const raw = await rawPhases(pool, rawCompany.id, { users: USERS, groups: GROUPS, membersPerGroup: MEMBERS_PER_GROUP, concurrency: CONCURRENCY });
    const measured = await rosterPhases(base, secret);
    const ok = printComparison(measured.map((roster, i) => ({
      roster, raw: raw[i]!, target: TARGETS[roster.name] ?? 0.25, p99LimitMs: roster.name === 'list 100 per page' ? undefined : 50,
    })));
    process.stdout.write(`\nTargets: every phase ≥ 25 % of plain SQL, zero errors, p99 < 50 ms for single-resource requests. ${ok ? 'MET' : 'NOT MET'}\n`);
  } finally {
    roster?.child.kill('SIGTERM');
    await roster?.exited;
    await pool.end();
    await orm.close();
    await database.stop();
  }
}
