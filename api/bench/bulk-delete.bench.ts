import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { migrate, openOrm, type Orm } from '../src/db/orm.js';
import { openSqlPool, type Sql } from '../src/db/sql.js';
import { createEventBus, type EventBus } from '../src/events/event-bus.js';
import { createLogger } from '../src/logger.js';
import { createBulkDeleteRunner } from '../src/modules/bulk-delete/bulk-delete.runner.js';
import { bulkDeleteProgressChannel as progressChannel } from '../src/events/channels.js';
import { isFinished, toJobView, type BulkDeleteJobView } from '../src/modules/bulk-delete/bulk-delete-job.view.js';
import { createServices } from '../src/services.js';
import { seedDirectory } from '../test/directory-seed.js';

/*
 * npm run bench -- bulk-delete: Delete All Users against a plain DELETE of the same rows, with the
 * outbox's triggers on (each deleted user writes its user.deleted event in the batch's own
 * transaction). BENCH_USERS (100,000) and BENCH_ROUNDS (3) make smaller runs. Each round deletes
 * three seeds: the job's, a plain DELETE with the outbox trigger (the raw limit of deleting users
 * with their events) and one with it disabled (the raw limit before the outbox). The target is
 * judged against the latter. BENCH_POLICY=HARD_DELETE runs the job under that policy (new
 * companies start with SOFT_DELETE, which archives every user and membership as well).
 */
const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const GROUP_SIZE = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** HARD_DELETE: the job deletes as the plain DELETE does; by default the company's own (SOFT_DELETE also archives). */
const POLICY = process.env.BENCH_POLICY as 'HARD_DELETE' | 'SOFT_DELETE' | undefined;
const TARGETS = { ratio: 0.5, eventsPerSecond: 2, peakRssMb: 300 };

interface JobRun {
  seconds: number;
  events: number;
  /** user.deleted events the job's batches wrote to the outbox. */
  deletedEvents: number;
  final: BulkDeleteJobView;
}

interface RawRun {
  seconds: number;
  rows: number;
}

const EVENT_TRIGGER = 'directory_user_delete_events';

/** Throws unless the outbox's delete trigger is enabled: the job must be measured with it. */
async function assertOutboxTriggerOn(db: pg.Pool): Promise<void> {
  const { rows } = await db.query<{ on: boolean }>(`select tgenabled <> 'D' as on from pg_trigger where tgname = $1`, [EVENT_TRIGGER]);
  if (!rows[0]?.on) throw new Error(`${EVENT_TRIGGER} is not enabled: the bench would measure Delete All Users without its events`);
}

const lastEventId = async (db: pg.Pool) =>
  (await db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from directory_event')).rows[0]!.id;

async function deletedEventsSince(db: pg.Pool, companyId: string, afterId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from directory_event
    where company_id = $1 and type = 'user.deleted' and id > $2::bigint`, [companyId, afterId]);
  return rows[0]!.n;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function seed(db: pg.Pool, companyId: string, prefix: string): Promise<void> {
  const started = performance.now();
  await seedDirectory(db, { companyId, prefix, users: USERS, groupSize: GROUP_SIZE });
  await db.query('vacuum analyze directory_user, directory_group, directory_membership');
  log(`seeded ${USERS} SCIM users in ${USERS / GROUP_SIZE} groups of ${GROUP_SIZE} (${seconds(started)} s)`);
}

/** The job as production runs it: queued through the service, run by a runner, heard over NOTIFY. */
async function runJob(orm: Orm, sql: Sql, events: EventBus, db: pg.Pool, companyId: string): Promise<JobRun> {
  await assertOutboxTriggerOn(db);
  const eventsBefore = await lastEventId(db);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const services = createServices(orm.em.fork(), sql, config);
  const runner = createBulkDeleteRunner({ sql, events, logger: createLogger(config) });
  const principal = { kind: 'operator' as const, id: 'bench', companyId, name: 'bench', permissions: ['users:delete' as const] };
  let count = 0;
  let resolveEnd: (job: BulkDeleteJobView) => void = () => undefined;
  const ended = new Promise<BulkDeleteJobView>((resolve) => (resolveEnd = resolve));
  const started = performance.now();
  const job = await services.bulkDelete.start(companyId, principal);
  const unsubscribe = await events.subscribe(progressChannel(job.id), (payload) => {
    count += 1;
    const state = toJobView(payload);
    if (isFinished(state)) resolveEnd(state);
  });
  await runner.start();
  const final = await ended;
  const elapsed = (performance.now() - started) / 1000;
  await runner.stop();
  await unsubscribe();
  return { seconds: elapsed, events: count, deletedEvents: await deletedEventsSince(db, companyId, eventsBefore), final };
}

/** The plain DELETE, with the outbox trigger as it is, or with it disabled for this statement's table. */
async function rawDelete(db: pg.Pool, companyId: string, outbox: boolean): Promise<RawRun> {
  if (!outbox) await db.query(`alter table directory_user disable trigger ${EVENT_TRIGGER}`);
  try {
    const started = performance.now();
    const result = await db.query(`delete from directory_user where company_id = $1 and source = 'SCIM'`, [companyId]);
    return { seconds: (performance.now() - started) / 1000, rows: result.rowCount ?? 0 };
  } finally {
    if (!outbox) await db.query(`alter table directory_user enable trigger ${EVENT_TRIGGER}`);
  }
}

/** Between deletions: the directory's leftovers and the outbox the seeds filled (bench only). */
async function tidy(db: pg.Pool, companyId: string): Promise<void> {
  await db.query('delete from directory_group where company_id = $1', [companyId]);
  await db.query('truncate directory_event');
  await db.query('vacuum analyze directory_user, directory_group, directory_membership, directory_event');
}

export async function run(): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const orm = await openOrm(url, 10);
  const sql = openSqlPool({ url, poolMax: 10, preparedStatements: true });
  const events = createEventBus(url, createLogger({ logLevel: 'silent' }));
  const db = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await migrate(orm, url);
    const services = createServices(orm.em.fork(), sql, loadConfig({ LOG_LEVEL: 'silent' }));
    const company = await services.companies.createCompany('bench', 'Bench');
    const current = await services.deprovisioning.policy(company.id);
    const { policy } = POLICY ? await services.deprovisioning.updatePolicy(company.id, { ...current, policy: POLICY }, 'bench') : current;
    log(`policy ${policy}, ${USERS} users, ${ROUNDS} rounds`);
    // Single runs swing by ±30 % on these machines (checkpoints, autovacuum): alternate the two
    // ROUNDS times and judge the median round.
    const rounds: { job: JobRun; raw: RawRun; rawWithOutbox: RawRun }[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      await seed(db, company.id, `job${round}-`);
      const job = await runJob(orm, sql, events, db, company.id);
      log(`round ${round} job: ${job.final.status}, ${job.final.deleted} deleted in ${job.seconds.toFixed(2)} s, `
        + `${job.deletedEvents} user.deleted events, ${job.events} progress events`);
      if (job.final.deleted !== USERS) throw new Error(`job deleted ${job.final.deleted}, expected ${USERS}`);
      await tidy(db, company.id);
      await seed(db, company.id, `outbox${round}-`);
      const rawWithOutbox = await rawDelete(db, company.id, true);
      log(`round ${round} plain DELETE with the outbox trigger: ${rawWithOutbox.rows} deleted in ${rawWithOutbox.seconds.toFixed(2)} s`);
      await tidy(db, company.id);
      await seed(db, company.id, `raw${round}-`);
      const raw = await rawDelete(db, company.id, false);
      log(`round ${round} plain DELETE without it: ${raw.rows} deleted in ${raw.seconds.toFixed(2)} s`);
      await tidy(db, company.id);
      rounds.push({ job, raw, rawWithOutbox });
    }
    const rate = (run: { seconds: number }, rows: number) => rows / run.seconds;
    const ratioOf = ({ job, raw }: (typeof rounds)[number]) => rate(job, job.final.deleted) / rate(raw, raw.rows);
    const median = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b))[Math.floor(rounds.length / 2)]!;
    log(`ratios by round: ${rounds.map((r) => `${(ratioOf(r) * 100).toFixed(1)} %`).join(', ')}; the median round:`);
    report(median.job, median.raw, median.rawWithOutbox);
  } finally {
    await db.end();
    await events.close();
    await sql.close();
    await orm.close();
    await database.stop();
  }
}

function report(job: JobRun, raw: RawRun, rawWithOutbox: RawRun): void {
  const jobRate = job.final.deleted / job.seconds;
  const rawRate = raw.rows / raw.seconds;
  const outboxRate = rawWithOutbox.rows / rawWithOutbox.seconds;
  const ratio = jobRate / rawRate;
  const eventsPerSecond = job.events / job.seconds;
  const rss = peakRssMb();
  const rows: [string, string, string, boolean][] = [
    ['users deleted by the job', String(job.final.deleted), String(USERS), job.final.deleted === USERS],
    ['user.deleted events it wrote', String(job.deletedEvents), String(USERS), job.deletedEvents === USERS],
    ['job rows/s (outbox trigger on)', jobRate.toFixed(0), '', true],
    ['plain DELETE rows/s, outbox trigger off', rawRate.toFixed(0), '', true],
    ['plain DELETE rows/s, outbox trigger on', outboxRate.toFixed(0), '', true],
    ['job / plain DELETE (trigger off)', `${(ratio * 100).toFixed(1)} %`, `>= ${TARGETS.ratio * 100} %`, ratio >= TARGETS.ratio],
    ['job / plain DELETE (trigger on)', `${((jobRate / outboxRate) * 100).toFixed(1)} %`, '', true],
    ['progress events/s', eventsPerSecond.toFixed(1), `>= ${TARGETS.eventsPerSecond}`, eventsPerSecond >= TARGETS.eventsPerSecond],
    ['peak RSS (MB)', rss.toFixed(0), `< ${TARGETS.peakRssMb}`, rss < TARGETS.peakRssMb],
  ];
  console.table(rows.map(([metric, value, target, ok]) => ({ metric, value, target, result: target ? (ok ? 'ok' : 'MISSED') : '' })));
  if (rows.some(([, , , ok]) => !ok)) process.exitCode = 1;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2);
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
