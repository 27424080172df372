import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { createEventBus } from '../src/events/event-bus.js';
import { createLogger } from '../src/logger.js';
import { startThrowawayPostgres } from '../test/throwaway-postgres.js';
import { createJsonClient } from './http-client.js';
import { runPhase, type PhaseResult } from './phase.js';

// Small by default (a shared machine); the lead's full run sets EVENTS_BENCH_USERS=20000.
const USERS = Number(process.env.EVENTS_BENCH_USERS ?? 1000);
const CONCURRENCY = 8;
const TARGETS = { writeRatio: 0.85, deliveriesPerSecond: 1000 };
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** A loopback receiver that counts what it gets and answers 204 at once. */
async function startReceiver() {
  let received = 0;
  let lastAt = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      lastAt = performance.now();
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received: () => received,
    lastAt: () => lastAt,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
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
  const receiver = await startReceiver();
  try {
    const services = app.services();
    const phase = async (name: string, withEndpoint: boolean): Promise<{ result: PhaseResult; sent: number }> => {
      const company = await services.companies.createCompany(`bench-${name}`, name);
      const { secret } = await services.tokens.createScimToken(company.id, 'bench', 'bench');
      if (withEndpoint) await services.webhooks.createEndpoint(company.id, { url: receiver.url });
      const scim = createJsonClient(`http://127.0.0.1:${port}/pp/scim/v2/${company.slug}`,
        { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' }, CONCURRENCY);
      const items = Array.from({ length: USERS }, (_, i) => i);
      const result = await runPhase(`POST /Users (${name})`, items, CONCURRENCY,
        async (i) => (await scim('POST', '/Users', { schemas: [USER_SCHEMA], userName: `${name}-${i}@example.com` })).status === 201);
      return { result, sent: USERS };
    };
    const plain = await phase('no-endpoint', false);
    const withHook = await phase('one-endpoint', true);
    // Delivery: from the end of the write phase until the receiver has every event.
    const deliveryStarted = performance.now();
    const backlog = USERS - receiver.received();
    const deadline = Date.now() + 300_000;
    while (receiver.received() < USERS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const deliverySeconds = Math.max(0.001, (receiver.lastAt() - deliveryStarted) / 1000);
    report(plain.result, withHook.result, backlog, deliverySeconds, receiver.received());
  } finally {
    await receiver.close();
    await app.stop();
    await events.close();
    await orm.close();
    await database.stop();
  }
}

function report(plain: PhaseResult, withHook: PhaseResult, backlog: number, deliverySeconds: number, received: number): void {
  const ratio = withHook.perSecond / plain.perSecond;
  const deliveryRate = backlog / deliverySeconds;
  const rows: [string, string, string, boolean][] = [
    ['SCIM POST/s, no endpoint', plain.perSecond.toFixed(0), '', true],
    ['SCIM POST/s, one endpoint (all types)', withHook.perSecond.toFixed(0), '', true],
    ['with / without endpoint', `${(ratio * 100).toFixed(1)} %`, `>= ${TARGETS.writeRatio * 100} %`, ratio >= TARGETS.writeRatio],
    ['p99 ms, no endpoint / one endpoint', `${plain.p99.toFixed(1)} / ${withHook.p99.toFixed(1)}`, '', true],
    ['events delivered', `${received} of ${USERS}`, `${USERS}`, received === USERS],
    ['delivery backlog after writes', String(backlog), '', true],
    ['delivery events/s (backlog)', backlog > 0 ? deliveryRate.toFixed(0) : 'n/a (kept up)', `>= ${TARGETS.deliveriesPerSecond}`,
      backlog === 0 || deliveryRate >= TARGETS.deliveriesPerSecond],
  ];
  console.table(rows.map(([metric, value, target, ok]) => ({ metric, value, target, result: target ? (ok ? 'ok' : 'MISSED') : '' })));
  if (rows.some(([, , , ok]) => !ok)) process.exitCode = 1;
}
