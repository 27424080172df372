/**
 * `npm run bench -- scim`: the standard IdP workload against a real Roster process over HTTP at
 * concurrency 16, next to two limits measured in the same run on the same embedded PostgreSQL:
 * the same operations as plain SQL through `pg` at the same concurrency, and a bare `node:http`
 * server answering each request with that SQL statement (`bare-server.ts`) — the floor any Node
 * SCIM server pays. Each side runs cold and warm, ROUNDS times in rotating order; medians count.
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { startPgBouncer } from '../test/pgbouncer.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { openSqlPool } from '../src/db/sql.js';
import { createServices } from '../src/services.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVER_NODE_FLAGS } from '../src/node-flags.js';
import { spawnRoster, spawnTs, waitForReady } from '../test/process.js';
import { medianOf, printThreeWay, runPhase, type PhaseResult } from './phase.js';
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGETS = { cold: 0.35, warm: 0.4, bare: 0.6, p99Ms: 30 };
const TABLES = 'directory_user, directory_group, directory_membership, provisioning_event';
const WORKERS = process.env.BENCH_WORKERS ?? '1';
/** 1: Roster reaches PostgreSQL through PgBouncer in transaction mode (the raw and bare sides stay direct). */
const PGBOUNCER = process.env.BENCH_PGBOUNCER === '1';
// PgBouncer 1.18 (Debian's) forwards no named statements in transaction mode.
const PREPARED_STATEMENTS = process.env.BENCH_PREPARED_STATEMENTS ?? (PGBOUNCER ? 'false' : 'true');

type Mode = 'cold' | 'warm';
type Side = 'raw' | 'bare' | 'roster';

interface BenchContext {
  url: string;
  /** Roster's DATABASE_URL: `url`, or PgBouncer's in front of it. */
  rosterUrl: string;
  admin: pg.Pool;
  companies: Record<Side, string>;
  secret: string;
  shape: WorkloadShape;
}

/**
 * Each run starts from the same state: the bench companies' rows deleted, the tables vacuumed and
 * analysed, so no autovacuum work left by the previous run lands in its phases.
 */
async function settle({ admin, companies }: BenchContext): Promise<void> {
  const ids = Object.values(companies);
  await admin.query('delete from directory_group where company_id = any($1)', [ids]);
  await admin.query('delete from directory_user where company_id = any($1)', [ids]);
  await admin.query(`vacuum (analyze) ${TABLES}`);
}

/** Looks users up in the still-empty directory, as an IdP's first sync does, then the workload at a small scale. */
async function warmUpOverHttp(base: string, token: string): Promise<void> {
  const scim = client(base, token);
  const items = Array.from({ length: WARM_UP.users }, (_, i) => i);
  await runPhase('warm-up', items, CONCURRENCY, async (i) =>
    (await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "user${i}@bench.example"`)}`)).status === 200);
  await rosterPhases(base, token, WARM_UP);
}

/** One side's run in a fresh process (or pool): warm runs first do the warm-up, cold ones start measuring at once. */
async function runSide(side: Side, mode: Mode, context: BenchContext): Promise<PhaseResult[]> {
  await settle(context);
  if (side === 'raw') {
    const pool = new pg.Pool({ connectionString: context.url, max: CONCURRENCY });
    try {
      if (mode === 'warm') {
        await rawPhases(pool, context.companies.raw, WARM_UP);
        await settle(context);
      }
      return await rawPhases(pool, context.companies.raw, context.shape);
    } finally {
      await pool.end();
    }
  }
  const port = await findFreePort();
  const server = side === 'bare' ? spawnBareServer(context, port) : spawnRoster(
    // The rate limit off: the bench measures how fast Roster serves one company, not the limit.
    { DATABASE_URL: context.rosterUrl, DATABASE_DIRECT_URL: context.url, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_POOL_MAX: String(CONCURRENCY), SCIM_RATE_LIMIT_PER_SECOND: '0', WORKERS,
      // false: the mode a transaction-mode PgBouncer before 1.21 needs; its cost is this run against the default.
      DATABASE_PREPARED_STATEMENTS: PREPARED_STATEMENTS },
    // e.g. BENCH_NODE_ARGS=--cpu-prof to profile the server under the workload.
    process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
  );
  try {
    if (side === 'bare') await waitUntil(() => server.output().includes('bare server listening'));
    else await waitForReady(`http://127.0.0.1:${port}`);
    const base = `http://127.0.0.1:${port}/pp/scim/v2/${side === 'bare' ? 'bare' : 'bench'}`;
    if (mode === 'warm') {
      await warmUpOverHttp(base, context.secret);
      await settle(context);
    }
    return await rosterPhases(base, context.secret, context.shape, server.child.pid);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

function spawnBareServer(context: BenchContext, port: number) {
  return spawnTs('api/bench/bare-server.ts', [], {
    DATABASE_URL: context.url, COMPANY_ID: context.companies.bare, PORT: String(port), POOL_MAX: String(CONCURRENCY),
  }, [...SERVER_NODE_FLAGS]);
}

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(50)) {
    if (Date.now() > deadline) throw new Error('the bare server did not start');
  }
}

/** ROUNDS rounds, each a cold and a warm run of every side, in an order that rotates per round. */
async function measure(context: BenchContext): Promise<Record<Mode, Record<Side, PhaseResult[][]>>> {
  const runs: Record<Mode, Record<Side, PhaseResult[][]>> = { cold: { raw: [], bare: [], roster: [] }, warm: { raw: [], bare: [], roster: [] } };
  const sides: Side[] = ['roster', 'raw', 'bare'];
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = [...sides.slice(round % 3), ...sides.slice(0, round % 3)];
    for (const mode of ['cold', 'warm'] as const) {
      for (const side of order) {
        runs[mode][side].push(await runSide(side, mode, context));
        process.stdout.write(`  round ${round + 1}/${ROUNDS} ${mode} ${side} done\n`);
      }
    }
  }
  return runs;
}

export async function run(): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const orm = await openOrm(url, 4);
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const sql = openSqlPool({ url, poolMax: 4, preparedStatements: true });
  const { port, user, password } = database.server;
  const bouncer = PGBOUNCER ? await startPgBouncer(port, user, password) : undefined;
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent' }));
    const company = await services.companies.createCompany('bench', 'Bench');
    // The bench deletes its whole directory: the mass-deprovisioning guard would rightly stop it.
    await services.deprovisioningGuard.update(company.id, { enabled: false }, 'bench');
    const rawCompany = await services.companies.createCompany('bench-raw', 'Bench raw');
    const bareCompany = await services.companies.createCompany('bench-bare', 'Bench bare');
    const { secret } = await services.tokens.createScimToken(company.id, 'bench', 'bench');
    const shape = { users: USERS, groups: GROUPS, membersPerGroup: MEMBERS_PER_GROUP, concurrency: CONCURRENCY };
    process.stdout.write(`SCIM bench: ${USERS} users, ${GROUPS} groups × ${MEMBERS_PER_GROUP} members, concurrency ${CONCURRENCY}, WORKERS=${WORKERS}, DATABASE_PREPARED_STATEMENTS=${PREPARED_STATEMENTS}${bouncer ? ', behind PgBouncer (transaction mode)' : ''}, ${ROUNDS} rounds\n`);
    const rosterUrl = bouncer ? url.replace(`:${port}/`, `:${bouncer.port}/`) : url;
    const context: BenchContext = { url, rosterUrl, admin, companies: { roster: company.id, raw: rawCompany.id, bare: bareCompany.id }, secret, shape };
    const runs = await measure(context);
    process.stdout.write('\nMedians of the rounds; cold = fresh process and tables, no warm-up (an IdP\'s first sync).\n\n');
    const ok = printThreeWay((['cold', 'warm'] as const).flatMap((mode) => runs[mode].roster[0]!.map((phase, i) => ({
      mode,
      roster: medianOf(runs[mode].roster.map((round) => round[i]!)),
      raw: medianOf(runs[mode].raw.map((round) => round[i]!)),
      bare: medianOf(runs[mode].bare.map((round) => round[i]!)),
      sqlTarget: TARGETS[mode],
      bareTarget: TARGETS.bare,
      p99LimitMs: phase.name === 'list 100 per page' ? undefined : TARGETS.p99Ms,
    }))));
    process.stdout.write(`\nTargets: every phase ≥ ${TARGETS.cold * 100} % of plain SQL cold and ≥ ${TARGETS.warm * 100} % warm, ≥ ${TARGETS.bare * 100} % of bare HTTP+SQL, zero errors, p99 < ${TARGETS.p99Ms} ms for single-resource requests. ${ok ? 'MET' : 'NOT MET'}\n`);
  } finally {
    await admin.end();
    await sql.close();
    await orm.close();
    await bouncer?.stop();
    await database.stop();
  }
}
