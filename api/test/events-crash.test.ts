import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { findFreePort } from '../src/db/free-port.js';
import { migrate, openOrm, type Orm } from '../src/db/orm.js';
import type { SqlPool } from '../src/db/sql.js';
import { createServices } from '../src/services.js';
import { createTestDatabase, openTestSql, type TestDatabase } from './harness.js';
import { spawnRoster, waitForReady, type RosterProcess } from './process.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let database: TestDatabase;
let orm: Orm;
let sql: SqlPool;
let receiver: WebhookReceiver;
const runs: RosterProcess[] = [];
const env = {
  WEBHOOK_ALLOW_INSECURE: 'true',
  WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
  WEBHOOK_POLL_MS: '100',
  WEBHOOK_LEASE_MS: '2000',
};

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url, 2);
  await migrate(orm, database.url);
  sql = openTestSql(database.url);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  for (const run of runs) run.child.kill('SIGKILL');
  await Promise.all(runs.map((run) => run.exited));
  await receiver?.close();
  await sql?.close();
  await orm?.close();
  await database?.drop();
});

async function startRoster(): Promise<{ run: RosterProcess; baseUrl: string }> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const run = spawnRoster({ DATABASE_URL: database.url, PORT: String(port), PUBLIC_URL: baseUrl, ...env });
  runs.push(run);
  await waitForReady(baseUrl);
  return { run, baseUrl };
}

describe('an event committed before the process dies', () => {
  it('is delivered by the next process', async () => {
    const config = loadConfig({ ...env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const services = createServices(orm.em.fork(), sql, config);
    const company = await services.companies.createCompany(`crash-${randomBytes(3).toString('hex')}`, 'Crash');
    const { secret: scimToken } = await services.tokens.createScimToken(company.id, 'IdP', 'test');
    const { secret } = await services.webhooks
      .createEndpoint(company.id, { url: receiver.url, eventTypes: ['user.created'] });
    receiver.answerWith(() => 'hang');

    const first = await startRoster();
    const created = await fetch(`${first.baseUrl}/pp/scim/v2/${company.slug}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scimToken}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'survivor@example.com' }),
    });
    expect(created.status).toBe(201);
    // The event is committed and in flight to a receiver that does not answer: the process dies now.
    await receiver.waitFor(1);
    first.run.child.kill('SIGKILL');
    await first.run.exited;

    receiver.answerWith(() => ({ status: 200 }));
    await startRoster();
    const [, redelivered] = await receiver.waitFor(2, 20_000);
    expect(redelivered!.payload).toMatchObject({ type: 'user.created', data: { userName: 'survivor@example.com' } });
    expect(redelivered!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
    expect(receiver.verify(redelivered!, secret)).toBeTruthy();
  }, 90_000);
});
