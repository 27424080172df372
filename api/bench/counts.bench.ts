/**
 * `npm run bench -- counts`: the console's `counts` query at a million SCIM users, over real
 * HTTP against a real Roster process, next to the same counter read sent straight through `pg`
 * in the same run (the raw limit), and — for scale — what counting the rows themselves costs.
 * Manual users and a second company sit in the same tables, as in production.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { openSqlPool } from '../src/db/sql.js';
import { createServices } from '../src/services.js';
import { seedDirectory } from '../test/directory-seed.js';
import { spawnRoster, waitForReady } from '../test/process.js';
import { runPhase, type PhaseResult } from './phase.js';
import { createJsonClient } from './http-client.js';

const SCIM_USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const MANUAL_USERS = 50_000;
const OTHER_COMPANY_USERS = 200_000;
const GROUPS = 10_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = 4;
const P99_TARGET_MS = 50;
const COUNTS_QUERY = '{ counts { users groups } }';
/** Both sides start warm, as a running service is: connections open, code compiled. */
const WARM_UP_REQUESTS = 200;

async function seed(db: pg.Pool, companyId: string, otherCompanyId: string): Promise<void> {
  const started = performance.now();
  await seedDirectory(db, { companyId, prefix: 'scim-', users: SCIM_USERS });
  await seedDirectory(db, { companyId, prefix: 'manual-', users: MANUAL_USERS, source: 'MANUAL' });
  await seedDirectory(db, { companyId: otherCompanyId, prefix: 'other-', users: OTHER_COMPANY_USERS });
  await db.query(
    `insert into directory_group (id, company_id, display_name) select gen_random_uuid(), $1, 'g' || g from generate_series(1, $2::int) as g`,
    [companyId, GROUPS],
  );
  // As autovacuum leaves a settled table: the visibility map lets counts skip the heap.
  await db.query('vacuum analyze directory_user, directory_group');
  log(`seeded ${SCIM_USERS} SCIM + ${MANUAL_USERS} manual users, ${GROUPS} groups, ${OTHER_COMPANY_USERS} users in another company (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

// The read directory-counts.ts sends: the folded base plus the deltas not folded yet.
const COUNTER_SQL = `select coalesce(c.user_count, 0) + coalesce(d.user_delta, 0) as users
  from (select sum(user_delta) as user_delta from directory_count_delta where company_id = $1) d
  left join directory_count c on c.company_id = $1`;
const ROW_COUNT_SQL = `select (select count(*) from directory_user where company_id = $1 and source = 'SCIM') as users,
  (select count(*) from directory_group where company_id = $1 and source = 'SCIM') as groups`;

async function countOnce(db: pg.Pool, text: string, companyId: string): Promise<boolean> {
  const { rows } = await db.query<{ users: string }>(text, [companyId]);
  return Number(rows[0]?.users) === SCIM_USERS;
}

export async function run(): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const orm = await openOrm(url, 2);
  const sql = openSqlPool({ url, poolMax: 2, preparedStatements: true });
  const db = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const port = await findFreePort();
  let roster: ReturnType<typeof spawnRoster> | undefined;
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent' }));
    const company = await services.companies.createCompany('bench', 'Bench');
    const other = await services.companies.createCompany('other', 'Other');
    const { secret } = await services.tokens.createApiToken(company.id, 'bench', ['iam:read']);
    await seed(db, company.id, other.id);
    const rowCount = await runPhase('count(*) itself', Array.from({ length: 50 }, (_, i) => i), CONCURRENCY, () => countOnce(db, ROW_COUNT_SQL, company.id));
    roster = spawnRoster({ DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' }, process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []);
    await waitForReady(`http://127.0.0.1:${port}`);
    const graphql = createJsonClient(`http://127.0.0.1:${port}/graphql`, { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, CONCURRENCY);
    const readCounts = async () => {
      const { json } = await graphql('POST', '', { query: COUNTS_QUERY });
      return json?.data?.counts?.users === SCIM_USERS && json.data.counts.groups === GROUPS;
    };
    const rawRead = () => countOnce(db, COUNTER_SQL, company.id);
    const warmUp = Array.from({ length: WARM_UP_REQUESTS }, (_, i) => i);
    await runPhase('warm-up', warmUp, CONCURRENCY, readCounts);
    await runPhase('warm-up', warmUp, CONCURRENCY, rawRead);
    const requests = Array.from({ length: REQUESTS }, (_, i) => i);
    const raw = await runPhase('counts', requests, CONCURRENCY, rawRead);
    const measured = await runPhase('counts', requests, CONCURRENCY, readCounts);
    report(measured, raw, rowCount);
  } finally {
    roster?.child.kill('SIGTERM');
    await roster?.exited;
    await db.end();
    await sql.close();
    await orm.close();
    await database.stop();
  }
}

function report(measured: PhaseResult, raw: PhaseResult, rowCount: PhaseResult): void {
  log(`counts at ${SCIM_USERS} SCIM users, concurrency ${CONCURRENCY}, ${REQUESTS} requests\n`);
  const row = (name: string, phase: PhaseResult) => ({
    read: name, 'reads/s': Math.round(phase.perSecond), 'p50 ms': phase.p50.toFixed(1), 'p99 ms': phase.p99.toFixed(1), errors: phase.errors,
  });
  console.table([
    row('GraphQL counts over HTTP (Roster)', measured),
    row('the same counter read through pg (raw limit)', raw),
    row('count(*) of the rows through pg (for scale)', rowCount),
  ]);
  const met = measured.errors === 0 && measured.p99 < P99_TARGET_MS;
  log(`Roster / raw limit: ${((measured.perSecond / raw.perSecond) * 100).toFixed(1)} % (a whole authenticated GraphQL request against one indexed read; informational).`);
  log(`Roster / counting rows: ${(measured.perSecond / rowCount.perSecond).toFixed(1)}×.`);
  log(`Targets: zero errors, p99 < ${P99_TARGET_MS} ms at this size. ${met ? 'MET' : 'NOT MET'}`);
  if (!met) process.exitCode = 1;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
