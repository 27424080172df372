/**
 * `npm run bench -- scim`: the standard IdP workload against a real Roster process over HTTP at
 * concurrency 16, next to the same operations as plain SQL through `pg` at the same concurrency
 * in the same run (the raw limit), on one embedded PostgreSQL.
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { openSqlPool } from '../src/db/sql.js';
import { createServices } from '../src/services.js';
import { spawnRoster, waitForReady } from '../test/process.js';
import { printComparison, runPhase, type PhaseResult } from './phase.js';
import { rawPhases, type WorkloadShape } from './scim-raw.js';
import { createJsonClient } from './http-client.js';

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
  return createJsonClient(base, { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' }, CONCURRENCY);
}

async function rosterPhases(base: string, token: string, shape: WorkloadShape, serverPid?: number): Promise<PhaseResult[]> {
  const scim = client(base, token);
  const indexes = Array.from({ length: shape.users }, (_, i) => i);
  const ids: string[] = [];
  const results: PhaseResult[] = [];
  results.push(await runPhase('create users', indexes, shape.concurrency, async (i) => {
    const r = await scim('POST', '/Users', userBody(i));
    ids[i] = r.json?.id;
    return r.status === 201;
  }, serverPid));
  results.push(await runPhase('userName eq lookup', indexes, shape.concurrency, async (i) => {
    const r = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "user${i}@bench.example"`)}`);
    return r.status === 200 && r.json.totalResults === 1;
  }, serverPid));
  const pages = Array.from({ length: Math.ceil(shape.users / 100) }, (_, p) => p);
  results.push(await runPhase('list 100 per page', pages, shape.concurrency, async (p) =>
    (await scim('GET', `/Users?startIndex=${p * 100 + 1}&count=100`)).status === 200, serverPid));
  results.push(await runPhase('PATCH active false', indexes, shape.concurrency, async (i) =>
    (await scim('PATCH', `/Users/${ids[i]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] })).status === 200, serverPid));
  results.push(await runPhase('PUT user', indexes, shape.concurrency, async (i) =>
    (await scim('PUT', `/Users/${ids[i]}`, userBody(i, { title: 'Updated' }))).status === 200, serverPid));
  const groupIds: string[] = [];
  const groupIndexes = Array.from({ length: shape.groups }, (_, g) => g);
  results.push(await runPhase('create groups', groupIndexes, shape.concurrency, async (g) => {
    const r = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Group ${g}` });
    groupIds[g] = r.json?.id;
    return r.status === 201;
  }, serverPid));
  const memberships = groupIndexes.flatMap((g) => Array.from({ length: shape.membersPerGroup }, (_, m) => [g, (g * shape.membersPerGroup + m) % shape.users] as const));
  results.push(await runPhase('PATCH add member', memberships, shape.concurrency, async ([g, u]) =>
    (await scim('PATCH', `/Groups/${groupIds[g]}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: ids[u] }] }] })).status === 204, serverPid));
  results.push(await runPhase('DELETE user', indexes, shape.concurrency, async (i) => (await scim('DELETE', `/Users/${ids[i]}`)).status === 204, serverPid));
  results.push(await runPhase('DELETE group', groupIndexes, shape.concurrency, async (g) => (await scim('DELETE', `/Groups/${groupIds[g]}`)).status === 204, serverPid));
  return results;
}

const WARM_UP: WorkloadShape = { users: 400, groups: 16, membersPerGroup: MEMBERS_PER_GROUP, concurrency: CONCURRENCY };
const TARGET_RATIO = 0.25;
const TABLES = 'directory_user, directory_group, directory_membership, provisioning_event';
const P99_LIMIT_MS = 50;

/**
 * Both sides start warm, as a running service is: connections open, statements prepared, code
 * compiled. Without it the first phase's p99 measures connection set-up and JIT, not requests.
 * The warm-up first looks users up in the still-empty directory, as an IdP's first sync does,
 * then runs the whole workload at a small scale on both sides, which ends by deleting what it
 * created.
 */
async function warmUp(pool: pg.Pool, rawCompanyId: string, base: string, token: string): Promise<void> {
  const scim = client(base, token);
  const items = Array.from({ length: WARM_UP.users }, (_, i) => i);
  await runPhase('warm-up', items, CONCURRENCY, async (i) =>
    (await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "user${i}@bench.example"`)}`)).status === 200);
  await rosterPhases(base, token, WARM_UP);
  await rawPhases(pool, rawCompanyId, WARM_UP);
}

/**
 * Each side starts from the same state: its rows deleted, the tables vacuumed and analysed, so no
 * autovacuum work left by the previous side runs during its phases.
 */
async function settle(pool: pg.Pool): Promise<void> {
  await pool.query(`vacuum (analyze) ${TABLES}`);
}

export async function run(): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const orm = await openOrm(url, 4);
  const sql = openSqlPool({ url, poolMax: 4, preparedStatements: true });
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const port = await findFreePort();
  let roster: ReturnType<typeof spawnRoster> | undefined;
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent' }));
    const company = await services.companies.createCompany('bench', 'Bench');
    const rawCompany = await services.companies.createCompany('bench-raw', 'Bench raw');
    const { secret } = await services.tokens.createScimToken(company.id, 'bench', 'bench');
    roster = spawnRoster(
      // The rate limit off: the bench measures how fast Roster serves one company, not the limit.
      { DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_POOL_MAX: String(CONCURRENCY), SCIM_RATE_LIMIT_PER_SECOND: '0' },
      // e.g. BENCH_NODE_ARGS=--cpu-prof to profile the server under the workload.
      process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    );
    await waitForReady(`http://127.0.0.1:${port}`);
    process.stdout.write(`SCIM bench: ${USERS} users, ${GROUPS} groups × ${MEMBERS_PER_GROUP} members, concurrency ${CONCURRENCY}\n\n`);
    const base = `http://127.0.0.1:${port}/pp/scim/v2/bench`;
    await warmUp(pool, rawCompany.id, base, secret);
    const shape = { users: USERS, groups: GROUPS, membersPerGroup: MEMBERS_PER_GROUP, concurrency: CONCURRENCY };
    await settle(pool);
    const raw = await rawPhases(pool, rawCompany.id, shape);
    await settle(pool);
    const measured = await rosterPhases(base, secret, shape, roster.child.pid);
    const ok = printComparison(measured.map((roster, i) => ({
      roster, raw: raw[i]!, target: TARGET_RATIO, p99LimitMs: roster.name === 'list 100 per page' ? undefined : P99_LIMIT_MS,
    })));
    process.stdout.write(`\nTargets: every phase ≥ ${TARGET_RATIO * 100} % of plain SQL, zero errors, p99 < ${P99_LIMIT_MS} ms for single-resource requests. ${ok ? 'MET' : 'NOT MET'}\n`);
  } finally {
    roster?.child.kill('SIGTERM');
    await roster?.exited;
    await pool.end();
    await sql.close();
    await orm.close();
    await database.stop();
  }
}
