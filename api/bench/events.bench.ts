import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { createEventBus } from '../src/events/event-bus.js';
import { createLogger } from '../src/logger.js';
import { toEventView, type EventPosition } from '../src/modules/events/event-store.js';
import { webhookBody } from '../src/modules/events/webhook-signing.js';
import type { Services } from '../src/services.js';
import { seedDirectory } from '../test/directory-seed.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { createJsonClient } from './http-client.js';
import { medianOf, runPhase, type PhaseResult } from './phase.js';
import { preciseNow, rawOrderedPosts, startWebhookSink, type SinkMode, type WebhookSink } from './webhook-sink.js';

/*
 * npm run bench -- events
 *
 * 1. Delivery: DRAIN events queued behind a disabled endpoint, then the endpoint enabled; the
 *    rate at which one ordered stream reaches a loopback receiver, against the raw limit of one
 *    ordered keep-alive stream of the same bodies measured just before (cold: the first drain of
 *    the process; warm: the second, after the write rounds). Also database transactions per event.
 * 2. SCIM writes (POST, PATCH, DELETE of USERS users) for a company without endpoints and for one
 *    with an endpoint subscribed to everything (delivered while the writes run), alternating;
 *    round 1 is cold, the median of the others warm.
 * 3. Receiver down for DOWN seconds (503, then connection resets) while SCIM writes keep coming;
 *    then up: every event must arrive, in order per endpoint, and the time to drain is printed.
 *
 * Small by default (a shared machine): EVENTS_BENCH_USERS (1,000), EVENTS_BENCH_DRAIN (5,000),
 * BENCH_ROUNDS (3), BENCH_RECEIVER_DOWN_SECONDS (600; 0 skips phase 3). The receiver runs in a
 * process of its own (webhook-sink-process.ts), as a host application's would.
 */
const USERS = Number(process.env.EVENTS_BENCH_USERS ?? 1000);
const DRAIN = Number(process.env.EVENTS_BENCH_DRAIN ?? 5000);
const ROUNDS = Math.max(2, Number(process.env.BENCH_ROUNDS ?? 3));
const DOWN_SECONDS = Number(process.env.BENCH_RECEIVER_DOWN_SECONDS ?? 600);
const DOWN_WRITES_PER_SECOND = 10;
const CONCURRENCY = 8;
const TARGETS = { writeRatio: 0.85, deliveriesPerSecond: 1000, drainAfterRecoveryMs: 5 * 60_000 };
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

interface Bench {
  services: Services;
  config: Config;
  port: number;
  db: pg.Pool;
  sink: WebhookSink;
}

interface Row {
  metric: string;
  cold: string;
  warm: string;
  target: string;
  met: boolean | undefined;
}

export async function run(): Promise<void> {
  const database = await startThrowawayPostgres('bench');
  const url = database.server.url('postgres');
  const config = loadConfig({
    LOG_LEVEL: 'silent', DATABASE_URL: url, PORT: '0', METRICS_PORT: '0', SCIM_RATE_LIMIT_PER_SECOND: '0',
    WEBHOOK_ALLOW_INSECURE: 'true', WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'), WEBHOOK_POLL_MS: '200',
  });
  const orm = await openOrm(url, 20);
  await migrate(orm, url);
  const logger = createLogger(config);
  const events = createEventBus(url, logger);
  const app = buildApp({ config, orm, logger, events });
  const port = await app.start(0, '127.0.0.1');
  app.markReady();
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const sink = await startWebhookSink();
  const bench: Bench = { services: app.services(), config, port, db, sink };
  try {
    const rows: Row[] = [];
    const coldDrain = await drainPhase(bench, 'drain-cold');
    const writes = await writeRounds(bench);
    const warmDrain = await drainPhase(bench, 'drain-warm');
    rows.push(...drainRows(coldDrain, warmDrain), ...writeRows(writes));
    if (DOWN_SECONDS > 0) rows.push(...downRows(await receiverDownPhase(bench)));
    console.table(rows.map((row) => ({ ...row, met: row.met === undefined ? '' : row.met ? 'ok' : 'MISSED' })));
    if (rows.some((row) => row.met === false)) process.exitCode = 1;
  } finally {
    await sink.close();
    await db.end();
    await app.stop();
    await events.close();
    await orm.close();
    await database.stop();
  }
}

async function newCompany(bench: Bench, name: string) {
  const company = await bench.services.companies.createCompany(`bench-${name}`, name);
  // The write rounds deactivate and delete every user: the mass-deprovisioning guard would rightly stop them.
  await bench.services.deprovisioningGuard.update(company.id, { enabled: false }, 'bench');
  const { secret } = await bench.services.tokens.createScimToken(company.id, 'bench', 'bench');
  const scim = createJsonClient(`http://127.0.0.1:${bench.port}/pp/scim/v2/${company.slug}`,
    { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' }, CONCURRENCY);
  return { company, scim };
}

const transactions = async (db: pg.Pool) => {
  // Backends report their counters when idle, at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const { rows } = await db.query<{ n: string }>('select xact_commit::text as n from pg_stat_database where datname = current_database()');
  return Number(rows[0]!.n);
};

interface DrainResult {
  events: number;
  delivered: number;
  perSecond: number;
  rawPerSecond: number;
  transactionsPerEvent: number;
  inOrder: boolean;
}

/** DRAIN events wait behind a disabled endpoint; enabled, how fast do they reach the receiver? */
async function drainPhase(bench: Bench, name: string): Promise<DrainResult> {
  const { company } = await newCompany(bench, name);
  const path = `/${name}`;
  const { endpoint } = await bench.services.webhooks.createEndpoint(company.id, { url: bench.sink.url(path) });
  const start = await startOf(bench, endpoint.id);
  await bench.services.webhooks.updateEndpoint(company.id, endpoint.id, { enabled: false });
  await seedDirectory(bench.db, { companyId: company.id, prefix: `${name}-`, users: DRAIN });
  const expected = await eventIds(bench, company.id, start);
  const rows = await bench.services.directoryEvents.list(company.id, start, DRAIN);
  const bodies = rows.map((row) => toEventView(row, bench.config.publicUrl)).map((view) => webhookBody(view.type, view.occurredAt, view.data));
  const rawPerSecond = await rawOrderedPosts(bench.sink.url(`/${name}-raw`), bodies);
  const before = await transactions(bench.db);
  await bench.services.webhooks.updateEndpoint(company.id, endpoint.id, { enabled: true });
  await bench.sink.waitFor(path, expected.length, 600_000);
  const sinkLog = await bench.sink.log(path);
  const after = await transactions(bench.db);
  const seconds = Math.max(0.001, (sinkLog.lastAt - sinkLog.firstAt) / 1000);
  const arrivals = firstArrivals(sinkLog.accepted);
  const mismatch = arrivals.findIndex((id, i) => id !== expected[i]);
  if (mismatch >= 0) {
    log(`${name}: first out of order at ${mismatch}: got ${arrivals.slice(Math.max(0, mismatch - 2), mismatch + 3).join(' ')}, expected ${expected.slice(Math.max(0, mismatch - 2), mismatch + 3).join(' ')}; ${sinkLog.accepted.length} accepted`);
  }
  return {
    events: expected.length, delivered: new Set(sinkLog.accepted).size, perSecond: (sinkLog.accepted.length - 1) / seconds, rawPerSecond,
    transactionsPerEvent: (after - before) / Math.max(1, sinkLog.accepted.length), inOrder: mismatch < 0,
  };
}

/** Where an endpoint's stream begins (the outbox head when it was created): earlier events are not its. */
async function startOf(bench: Bench, endpointId: string): Promise<EventPosition> {
  const { rows } = await bench.db.query<{ txId: string; id: string }>(
    'select cursor_tx_id::text as "txId", cursor_id::text as id from webhook_endpoint where id = $1', [endpointId]);
  return rows[0]!;
}

/** The company's event ids after `start` in outbox order (the order a stream must keep), of the given types (null: all). */
async function eventIds(bench: Bench, companyId: string, start: EventPosition, types: string[] | null = null): Promise<string[]> {
  const { rows } = await bench.db.query<{ cursor: string }>(`select tx_id || '.' || id as cursor from directory_event
    where company_id = $1 and (tx_id, id) > ($2::bigint, $3::bigint) and ($4::text[] is null or type = any ($4)) order by tx_id, id`,
  [companyId, start.txId, start.id, types]);
  return rows.map((row) => row.cursor);
}

/** Each id at its first arrival (a retry after a lost answer may repeat one: at least once). */
function firstArrivals(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => !seen.has(id) && seen.add(id));
}

type WriteOp = 'POST' | 'PATCH' | 'DELETE';
type WriteRound = Record<'plain' | 'hooked', Record<WriteOp, PhaseResult>>;

async function writeSide(bench: Bench, name: string, hooked: boolean): Promise<Record<WriteOp, PhaseResult>> {
  const { company, scim } = await newCompany(bench, name);
  if (hooked) await bench.services.webhooks.createEndpoint(company.id, { url: bench.sink.url(`/${name}`) });
  const items = Array.from({ length: USERS }, (_, i) => i);
  const ids: string[] = [];
  const POST = await runPhase(`POST /Users (${name})`, items, CONCURRENCY, async (i) => {
    const response = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: `${name}-${i}@example.com` });
    ids[i] = String(response.json?.id);
    return response.status === 201;
  });
  const PATCH = await runPhase(`PATCH /Users (${name})`, items, CONCURRENCY, async (i) =>
    (await scim('PATCH', `/Users/${ids[i]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] })).status === 200);
  const DELETE = await runPhase(`DELETE /Users (${name})`, items, CONCURRENCY, async (i) => (await scim('DELETE', `/Users/${ids[i]}`)).status === 204);
  return { POST, PATCH, DELETE };
}

/** Alternating sides, so drift on the machine hurts both alike. */
async function writeRounds(bench: Bench): Promise<WriteRound[]> {
  const rounds: WriteRound[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const first = round % 2 === 1 ? 'plain' : 'hooked';
    const sides: Partial<WriteRound> = {};
    for (const side of [first, first === 'plain' ? 'hooked' : 'plain'] as const) {
      sides[side] = await writeSide(bench, `${side}-${round}`, side === 'hooked');
    }
    rounds.push(sides as WriteRound);
    log(`write round ${round}: ${(['POST', 'PATCH', 'DELETE'] as const).map((op) =>
      `${op} ${sides.plain![op].perSecond.toFixed(0)} vs ${sides.hooked![op].perSecond.toFixed(0)}/s`).join(', ')}`);
  }
  return rounds;
}

interface DownResult {
  writes: number;
  endpoints: { path: string; expected: number; distinct: number; duplicates: number; inOrder: boolean }[];
  firstAfterRecoveryMs: number;
  drainedAfterRecoveryMs: number;
  refused: number;
}

/** Two endpoints (everything; users only) whose receiver is down while the IdP keeps writing. */
async function receiverDownPhase(bench: Bench): Promise<DownResult> {
  const { company, scim } = await newCompany(bench, 'receiver-down');
  const paths = [{ path: '/down-all', types: null }, { path: '/down-users', types: ['user.created', 'user.updated', 'user.deactivated'] }];
  const starts: EventPosition[] = [];
  for (const { path, types } of paths) {
    const { endpoint } = await bench.services.webhooks.createEndpoint(company.id, { url: bench.sink.url(path), eventTypes: types });
    starts.push(await startOf(bench, endpoint.id));
  }
  const setModes = (mode: SinkMode) => Promise.all(paths.map(({ path }) => bench.sink.setMode(path, mode)));
  await setModes('503');
  const downUntil = Date.now() + DOWN_SECONDS * 1000;
  let writes = 0;
  let refusing = false;
  log(`receiver down for ${DOWN_SECONDS} s (503, then connection resets), ${DOWN_WRITES_PER_SECOND} SCIM writes/s meanwhile`);
  while (Date.now() < downUntil) {
    if (!refusing && Date.now() > downUntil - (DOWN_SECONDS * 1000) / 2) {
      refusing = true;
      await setModes('refuse');
    }
    const created = await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: `down-${writes}@example.com` });
    if (writes % 2 === 1) await scim('PATCH', `/Users/${String(created.json?.id)}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: `D ${writes}` }] });
    writes += 1;
    await new Promise((resolve) => setTimeout(resolve, 1000 / DOWN_WRITES_PER_SECOND));
  }
  const recovered = preciseNow();
  await setModes('up');
  const expected = await Promise.all(paths.map(({ types }, i) => eventIds(bench, company.id, starts[i]!, types)));
  const limitMs = Math.max(20 * 60_000, DOWN_SECONDS * 3000);
  await Promise.all(paths.map(({ path }, i) => bench.sink.waitFor(path, expected[i]!.length, limitMs)));
  const logs = await Promise.all(paths.map(({ path }) => bench.sink.log(path)));
  return {
    writes,
    endpoints: paths.map(({ path }, i) => {
      const arrivals = firstArrivals(logs[i]!.accepted);
      const wanted = expected[i]!;
      return { path, expected: wanted.length, distinct: arrivals.length, duplicates: logs[i]!.accepted.length - arrivals.length, inOrder: arrivals.join() === wanted.join() };
    }),
    firstAfterRecoveryMs: Math.min(...logs.map((l) => l.firstAt)) - recovered,
    drainedAfterRecoveryMs: Math.max(...logs.map((l) => l.lastAt)) - recovered,
    refused: await bench.sink.refused(),
  };
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

function drainRows(cold: DrainResult, warm: DrainResult): Row[] {
  const ratio = (d: DrainResult) => percent(d.perSecond / d.rawPerSecond);
  return [
    { metric: `delivered of ${cold.events} (distinct, in order)`, cold: `${cold.delivered}, ${cold.inOrder}`, warm: `${warm.delivered}, ${warm.inOrder}`,
      target: 'all, true', met: [cold, warm].every((d) => d.delivered === d.events && d.inOrder) },
    { metric: 'delivery events/s, one endpoint', cold: cold.perSecond.toFixed(0), warm: warm.perSecond.toFixed(0),
      target: `>= ${TARGETS.deliveriesPerSecond}`, met: warm.perSecond >= TARGETS.deliveriesPerSecond },
    { metric: 'raw ordered POSTs/s (same bodies)', cold: cold.rawPerSecond.toFixed(0), warm: warm.rawPerSecond.toFixed(0), target: '', met: undefined },
    { metric: 'delivery / raw', cold: ratio(cold), warm: ratio(warm), target: '', met: undefined },
    { metric: 'database transactions per event', cold: cold.transactionsPerEvent.toFixed(3), warm: warm.transactionsPerEvent.toFixed(3), target: '', met: undefined },
  ];
}

function writeRows(rounds: WriteRound[]): Row[] {
  return (['POST', 'PATCH', 'DELETE'] as const).flatMap((op) => {
    const cold = rounds[0]!;
    const warm = { plain: medianOf(rounds.slice(1).map((r) => r.plain[op])), hooked: medianOf(rounds.slice(1).map((r) => r.hooked[op])) };
    const ratio = (side: { plain: PhaseResult; hooked: PhaseResult }) => side.hooked.perSecond / side.plain.perSecond;
    const coldSide = { plain: cold.plain[op], hooked: cold.hooked[op] };
    const errors = rounds.reduce((sum, r) => sum + r.plain[op].errors + r.hooked[op].errors, 0);
    return [
      { metric: `${op} /Users req/s, no endpoint`, cold: coldSide.plain.perSecond.toFixed(0), warm: warm.plain.perSecond.toFixed(0), target: '', met: undefined },
      { metric: `${op} /Users req/s, one endpoint (all types)`, cold: coldSide.hooked.perSecond.toFixed(0), warm: warm.hooked.perSecond.toFixed(0), target: '', met: undefined },
      { metric: `${op} with / without endpoint (errors ${errors})`, cold: percent(ratio(coldSide)), warm: percent(ratio(warm)),
        target: `>= ${percent(TARGETS.writeRatio)}`, met: errors === 0 && ratio(warm) >= TARGETS.writeRatio },
      { metric: `${op} p99 ms, no endpoint / one endpoint`, cold: `${coldSide.plain.p99.toFixed(1)} / ${coldSide.hooked.p99.toFixed(1)}`,
        warm: `${warm.plain.p99.toFixed(1)} / ${warm.hooked.p99.toFixed(1)}`, target: '', met: undefined },
    ];
  });
}

function downRows(down: DownResult): Row[] {
  return [
    { metric: `receiver down ${DOWN_SECONDS} s: SCIM writes meanwhile`, cold: String(down.writes), warm: '', target: '', met: undefined },
    { metric: 'requests refused (503 or reset)', cold: String(down.refused), warm: '', target: '', met: undefined },
    ...down.endpoints.map((e) => ({
      metric: `${e.path}: distinct / expected, duplicates, in order`, cold: `${e.distinct} / ${e.expected}, ${e.duplicates}, ${e.inOrder}`, warm: '',
      target: 'all, -, true', met: e.distinct === e.expected && e.inOrder,
    })),
    { metric: 'first delivery after recovery (s)', cold: (down.firstAfterRecoveryMs / 1000).toFixed(1), warm: '', target: '', met: undefined },
    { metric: 'everything delivered after recovery (s)', cold: (down.drainedAfterRecoveryMs / 1000).toFixed(1), warm: '',
      target: `<= ${TARGETS.drainAfterRecoveryMs / 1000}`, met: down.drainedAfterRecoveryMs <= TARGETS.drainAfterRecoveryMs },
  ];
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
