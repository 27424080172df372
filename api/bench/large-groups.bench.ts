/**
 * `npm run bench -- large-groups`: SCIM on a 50,000-member group against a real Roster process,
 * next to the same operations as plain SQL through `pg` in the same run. Work should be in
 * proportion to the change, not to the group: one member added or removed, the group read
 * without its members, 10,000 members added in one PATCH, and all 50,000 members read (the
 * server's memory is sampled while it answers).
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
import { memoryMb } from './cpu-accounting.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 50_000);
const BULK_ADD = 10_000;
const SINGLE_OPS = 200;
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const log = (line: string) => process.stdout.write(`${line}\n`);

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

/** p95 of `work` run SINGLE_OPS times one after another (latency, not throughput, is the target). */
async function p95Of(name: string, items: readonly number[], work: (i: number) => Promise<boolean>): Promise<PhaseResult & { p95: number }> {
  const latencies: number[] = [];
  const result = await runPhase(name, items, 1, async (i) => {
    const begin = performance.now();
    const ok = await work(i);
    latencies.push(performance.now() - begin);
    return ok;
  });
  return { ...result, p95: quantile(latencies, 0.95) };
}

interface Row { operation: string; roster: string; raw: string; target: string; met: boolean }

export async function run(): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const orm = await openOrm(url, 2);
  const sql = openSqlPool({ url, poolMax: 2, preparedStatements: true });
  const db = new pg.Pool({ connectionString: url, max: 4 });
  const port = await findFreePort();
  let roster: ReturnType<typeof spawnRoster> | undefined;
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent' }));
    const company = await services.companies.createCompany('bench', 'Bench');
    const { secret } = await services.tokens.createScimToken(company.id, 'bench', 'bench');
    const started = performance.now();
    // The first MEMBERS users are the large group's members; the rest are the ones the phases add.
    await seedDirectory(db, { companyId: company.id, prefix: 'lg-', users: MEMBERS + BULK_ADD + SINGLE_OPS });
    await db.query(`insert into directory_group (id, company_id, display_name) values (gen_random_uuid(), $1, 'lg-g1'), (gen_random_uuid(), $1, 'small')`, [company.id]);
    await db.query('analyze directory_user, directory_group');
    await db.query(
      `insert into directory_membership (group_id, member_id, member_user_id, company_id)
       select g.id, u.id, u.id, u.company_id from directory_group g
       join directory_user u on u.company_id = g.company_id and substring(u.user_name from 5)::int <= $2
       where g.company_id = $1 and g.display_name = 'lg-g1'`,
      [company.id, MEMBERS]);
    // As the SCIM service stores a group: its attributes carry the displayName.
    await db.query(`update directory_group set attributes = jsonb_build_object('schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:Group'), 'displayName', display_name) where company_id = $1`, [company.id]);
    await db.query('vacuum analyze directory_user, directory_group, directory_membership');
    log(`seeded a ${MEMBERS}-member group (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const groupId = (await db.query<{ id: string }>(`select id from directory_group where company_id = $1 and display_name = 'lg-g1'`, [company.id])).rows[0]!.id;
    const smallId = (await db.query<{ id: string }>(`select id from directory_group where company_id = $1 and display_name = 'small'`, [company.id])).rows[0]!.id;
    const spare = (await db.query<{ id: string }>(
      `select u.id from directory_user u where u.company_id = $1 and not exists (select 1 from directory_membership m where m.member_user_id = u.id) order by u.user_name`,
      [company.id])).rows.map((row) => row.id);
    const singles = spare.slice(0, SINGLE_OPS);
    const bulk = spare.slice(SINGLE_OPS, SINGLE_OPS + BULK_ADD);

    roster = spawnRoster({ DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', SCIM_RATE_LIMIT_PER_SECOND: '0' });
    await waitForReady(`http://127.0.0.1:${port}`);
    const pid = roster.child.pid!;
    const scim = createJsonClient(`http://127.0.0.1:${port}/pp/scim/v2/bench`, { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' }, 1);
    const items = Array.from({ length: SINGLE_OPS }, (_, i) => i);
    const patch = (operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });
    // Warm: connections open, statements prepared, code compiled.
    for (let i = 0; i < 20; i += 1) await scim('GET', `/Groups/${smallId}?excludedAttributes=members`);

    const rows: Row[] = [];
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const errors = (...results: PhaseResult[]) => results.reduce((sum, r) => sum + r.errors, 0);
    const add = await p95Of('add one member', items, async (i) =>
      (await scim('PATCH', `/Groups/${groupId}`, patch([{ op: 'add', path: 'members', value: [{ value: singles[i] }] }]))).status === 204);
    const remove = await p95Of('remove one member', items, async (i) =>
      (await scim('PATCH', `/Groups/${groupId}`, patch([{ op: 'remove', path: `members[value eq "${singles[i]}"]` }]))).status === 204);
    const rawAdd = await p95Of('raw add', items, async (i) => (await db.query(
      'insert into directory_membership (group_id, member_id, member_user_id, company_id) values ($1, $2, $2, $3)', [groupId, singles[i], company.id])).rowCount === 1);
    const rawRemove = await p95Of('raw remove', items, async (i) => (await db.query(
      'delete from directory_membership where company_id = $1 and group_id = $2 and member_id = $3', [company.id, groupId, singles[i]])).rowCount === 1);
    if (errors(add, remove, rawAdd, rawRemove)) log(`errors: add ${add.errors}, remove ${remove.errors}, raw add ${rawAdd.errors}, raw remove ${rawRemove.errors}`);
    rows.push({ operation: `PATCH add 1 member to ${MEMBERS}`, roster: `p95 ${ms(add.p95)}`, raw: `p95 ${ms(rawAdd.p95)}`, target: 'p95 < 50 ms', met: add.errors === 0 && add.p95 < 50 });
    rows.push({ operation: 'PATCH remove members[value eq …]', roster: `p95 ${ms(remove.p95)}`, raw: `p95 ${ms(rawRemove.p95)}`, target: 'p95 < 50 ms', met: remove.errors === 0 && remove.p95 < 50 });

    const readLarge = await p95Of('get large without members', items, async () => (await scim('GET', `/Groups/${groupId}?excludedAttributes=members`)).status === 200);
    const readSmall = await p95Of('get small without members', items, async () => (await scim('GET', `/Groups/${smallId}?excludedAttributes=members`)).status === 200);
    const rawRead = await p95Of('raw group row', items, async () => (await db.query('select * from directory_group where company_id = $1 and id = $2', [company.id, groupId])).rowCount === 1);
    rows.push({ operation: `GET ?excludedAttributes=members (${MEMBERS} members / empty group)`, roster: `p95 ${ms(readLarge.p95)} / ${ms(readSmall.p95)}`, raw: `p95 ${ms(rawRead.p95)}`, target: 'p95 < 10 ms, independent of size', met: readLarge.errors === 0 && readLarge.p95 < 10 && readLarge.p95 < readSmall.p95 * 2 + 1 });

    let begin = performance.now();
    const bulkAdd = await scim('PATCH', `/Groups/${groupId}`, patch([{ op: 'add', path: 'members', value: bulk.map((value) => ({ value })) }]));
    const bulkMs = performance.now() - begin;
    if (bulkAdd.status !== 204) log(`PATCH of ${BULK_ADD} members answered ${bulkAdd.status}: ${JSON.stringify(bulkAdd.json?.detail)}`);
    await db.query('delete from directory_membership where company_id = $1 and group_id = $2 and member_id = any($3)', [company.id, groupId, bulk]);
    begin = performance.now();
    await db.query(`insert into directory_membership (group_id, member_id, member_user_id, company_id) select $1, m, m, $2 from unnest($3::uuid[]) as m`, [groupId, company.id, bulk]);
    const rawBulkMs = performance.now() - begin;
    rows.push({ operation: `PATCH add ${BULK_ADD} members at once`, roster: `${ms(bulkMs)} (status ${bulkAdd.status})`, raw: ms(rawBulkMs), target: '< 2,000 ms', met: bulkAdd.status === 204 && bulkMs < 2000 });

    const before = memoryMb(pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryMb(pid).rss)), 5);
    begin = performance.now();
    const full = await scim('GET', `/Groups/${groupId}`);
    const fullMs = performance.now() - begin;
    clearInterval(sampler);
    const members = (full.json?.members as unknown[] | undefined)?.length ?? 0;
    begin = performance.now();
    const rawMembers = (await db.query('select member_id from directory_membership where company_id = $1 and group_id = $2', [company.id, groupId])).rowCount;
    const rawFullMs = performance.now() - begin;
    rows.push({
      operation: `GET /Groups/{id} with all ${members} members`,
      roster: `${ms(fullMs)}, server RSS +${(peak - before.rss).toFixed(0)} MB while answering`,
      raw: `${ms(rawFullMs)} (${rawMembers} rows)`,
      target: 'all members, flat memory (RSS growth < 50 MB)',
      met: full.status === 200 && members === MEMBERS + BULK_ADD && peak - before.rss < 50,
    });

    const header = ['operation', 'Roster', 'plain SQL', 'target', 'met'];
    const lines = rows.map((row) => [row.operation, row.roster, row.raw, row.target, row.met ? 'yes' : 'NO']);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
    const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
    log(['', format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n'));
    log(`\nTargets ${rows.every((row) => row.met) ? 'MET' : 'NOT MET'}`);
  } finally {
    roster?.child.kill('SIGTERM');
    await roster?.exited;
    await db.end();
    await sql.close();
    await orm.close();
    await database.stop();
  }
}
