/**
 * `npm run bench -- directory`: the console's Users tab on a 100,000-user company — a search and
 * a page from the middle of the directory (keyset `after`) — as GraphQL `directoryUsers` over real
 * HTTP against a real Roster process, next to the same SQL sent straight through `pg` in the same
 * run (the raw limit). Another company's users share the tables, as in production.
 * BENCH_USERS=2000 BENCH_REQUESTS=100 runs it small, to see that it works.
 */
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { encodeKeyCursor } from '../src/domain/paging.js';
import { openSqlPool } from '../src/db/sql.js';
import { createServices } from '../src/services.js';
import { seedDirectory } from '../test/directory-seed.js';
import { spawnRoster, waitForReady } from '../test/process.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { createJsonClient } from './http-client.js';
import { runPhase, type PhaseResult } from './phase.js';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const OTHER_COMPANY_USERS = Math.round(USERS / 2);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000);
const CONCURRENCY = 4;
const PAGE = 50;
const P95_TARGET_MS = 100;
const WARM_UP_REQUESTS = 100;

const QUERY = `query($search: String, $after: String) { directoryUsers(search: $search, first: ${PAGE}, after: $after) {
  edges { node { id userName displayName active source createdByToken emails { value primary } lastModified } }
  pageInfo { hasNextPage endCursor } } }`;

// What the directory view store sends for the same page: the same WHERE, ORDER BY and columns.
const RAW_SQL = `select u.id, u.user_name, u.display_name, u.external_id, u.active, u.source, u.attributes -> 'name', u.attributes -> 'emails',
  (select t.label from scim_token t where t.id = u.created_by_token_id and t.company_id = u.company_id),
  u.created_at, u.updated_at
  from directory_user u where u.company_id = $1
   and ($2::text is null or u.user_name ilike $2 or u.display_name ilike $2 or u.external_id ilike $2 or directory_email_text(u.email_values) ilike $2)
   and ($3::text is null or lower(u.user_name) > $3)
  order by lower(u.user_name) limit ${PAGE + 1}`;

/** A search the operator might type: a user's number fragment (a handful of matches each). */
const searchFor = (i: number) => `u${(i * 7919) % USERS}`.slice(0, 6);
/** The key of a user somewhere in the middle of the directory. */
const keyAt = (i: number) => `bench-u${1 + ((i * 104_729) % USERS)}`;

interface Work {
  search: string | null;
  key: string | null;
}

const searches: Work[] = Array.from({ length: REQUESTS }, (_, i) => ({ search: searchFor(i), key: null }));
const pages: Work[] = Array.from({ length: REQUESTS }, (_, i) => ({ search: null, key: keyAt(i) }));

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
    const seeded = performance.now();
    await seedDirectory(db, { companyId: company.id, prefix: 'bench-', users: USERS });
    await seedDirectory(db, { companyId: other.id, prefix: 'bench-', users: OTHER_COMPANY_USERS });
    await db.query('vacuum analyze directory_user');
    log(`seeded ${USERS} users, ${OTHER_COMPANY_USERS} in another company (${((performance.now() - seeded) / 1000).toFixed(1)} s)`);

    roster = spawnRoster({ DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' }, process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []);
    await waitForReady(`http://127.0.0.1:${port}`);
    const graphql = createJsonClient(`http://127.0.0.1:${port}/graphql`, { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, CONCURRENCY);
    const viaRoster = async ({ search, key }: Work) => {
      const { json } = await graphql('POST', '', { query: QUERY, variables: { search, after: key && encodeKeyCursor(key) } });
      return Array.isArray(json?.data?.directoryUsers?.edges) && !json.errors;
    };
    const viaPg = async ({ search, key }: Work) => {
      const { rows } = await db.query(RAW_SQL, [company.id, search && `%${search}%`, key]);
      return Array.isArray(rows);
    };
    const warmUp = [...searches.slice(0, WARM_UP_REQUESTS / 2), ...pages.slice(0, WARM_UP_REQUESTS / 2)];
    await runPhase('warm-up', warmUp, CONCURRENCY, viaRoster);
    await runPhase('warm-up', warmUp, CONCURRENCY, viaPg);
    const results = [
      { roster: await runPhase('search', searches, CONCURRENCY, viaRoster), raw: await runPhase('search', searches, CONCURRENCY, viaPg) },
      { roster: await runPhase('page (after a key mid-directory)', pages, CONCURRENCY, viaRoster), raw: await runPhase('page', pages, CONCURRENCY, viaPg) },
    ];
    report(results);
  } finally {
    roster?.child.kill('SIGTERM');
    await roster?.exited;
    await db.end();
    await sql.close();
    await orm.close();
    await database.stop();
  }
}

function report(results: { roster: PhaseResult; raw: PhaseResult }[]): void {
  log(`directoryUsers at ${USERS} users, ${PAGE} per page, concurrency ${CONCURRENCY}, ${REQUESTS} requests per phase\n`);
  console.table(results.map(({ roster, raw }) => ({
    phase: roster.name,
    'Roster req/s': Math.round(roster.perSecond),
    'p50 ms': roster.p50.toFixed(1),
    'p95 ms': roster.p95.toFixed(1),
    'p99 ms': roster.p99.toFixed(1),
    errors: roster.errors,
    'raw SQL p95 ms': raw.p95.toFixed(1),
    'raw SQL ops/s': Math.round(raw.perSecond),
    'Roster / raw': `${((roster.perSecond / raw.perSecond) * 100).toFixed(1)} %`,
  })));
  const met = results.every(({ roster }) => roster.errors === 0 && roster.p95 < P95_TARGET_MS);
  log(`Target: zero errors, p95 < ${P95_TARGET_MS} ms for search and page at this size. ${met ? 'MET' : 'NOT MET'}`);
  if (!met) process.exitCode = 1;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
