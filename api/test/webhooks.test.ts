import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as sqlTag } from '../src/db/sql-tag.js';
import { createWebhookService, type WebhookService } from '../src/modules/events/webhook.service.js';
import { startTestApp, type TestApp } from './harness.js';
import { scimClient } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let t: TestApp;
let webhooks: WebhookService;

beforeAll(async () => {
  t = await startTestApp({
    WEBHOOK_ALLOW_INSECURE: 'true',
    WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
    WEBHOOK_RETRY_BASE_MS: '40',
    WEBHOOK_RETRY_MAX_MS: '160',
    WEBHOOK_MAX_ATTEMPTS: '4',
    WEBHOOK_POLL_MS: '100',
    WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  });
  webhooks = createWebhookService({ sql: t.sql, config: t.config });
});
afterAll(async () => {
  await t?.close();
});

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

async function withReceiver(work: (receiver: WebhookReceiver, company: SeededCompany) => Promise<void>) {
  const receiver = await startWebhookReceiver();
  try {
    await work(receiver, await seedCompany(t));
  } finally {
    await receiver.close();
  }
}

const createUsers = async (company: SeededCompany, names: string[]) => {
  const scim = scimClient(company);
  for (const name of names) expect((await scim('POST', '/Users', { schemas: [USER], userName: name })).status).toBe(201);
};

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const deliveriesOf = async (company: SeededCompany, endpointId: string) =>
  (await webhooks.listEndpointDeliveries(company.companyId, endpointId, { first: 100, after: null, failedOnly: false })).nodes.map((e) => e.node);

const userNames = (receiver: WebhookReceiver) =>
  receiver.received.filter((r) => r.payload.type === 'user.created').map((r) => r.payload.data['userName']);

describe('webhook delivery', () => {
  it('posts each subscribed event in order, signed per Standard Webhooks, with the SCIM resource as data', async () => {
    await withReceiver(async (receiver, company) => {
      const { secret } = await webhooks.createEndpoint(company.companyId, { url: receiver.url, eventTypes: ['user.created'] });
      const names = Array.from({ length: 120 }, (_, i) => `u${String(i).padStart(3, '0')}@example.com`);
      await createUsers(company, names);
      await scimClient(company)('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Not subscribed' });
      const received = await receiver.waitFor(120);
      expect(userNames(receiver)).toEqual(names);
      for (const request of received) {
        expect(receiver.verify(request, secret)).toMatchObject({ type: 'user.created' });
        expect(Object.keys(request.payload)).toEqual(['type', 'timestamp', 'data']);
        expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
      }
      expect(received[0]!.payload.data).toMatchObject({ schemas: [USER], userName: names[0], meta: { resourceType: 'User' } });
      expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(120);
      expect(() => receiver.verify(received[0]!, `whsec_${randomBytes(32).toString('base64')}`)).toThrow();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toHaveLength(120);
    });
  });

  it('retries a refused event with backoff, holds later ones behind it, and records every attempt', async () => {
    await withReceiver(async (receiver, company) => {
      let refusals = 2;
      receiver.answerWith(() => (refusals-- > 0 ? { status: 503, body: 'down for maintenance' } : { status: 204 }));
      const { endpoint } = await webhooks.createEndpoint(company.companyId, { url: receiver.url, eventTypes: ['user.created'] });
      await createUsers(company, ['first@example.com', 'second@example.com']);
      await receiver.waitFor(4);
      await until(async () => (await deliveriesOf(company, endpoint.id)).every((d) => d.status === 'SUCCEEDED'));
      expect(receiver.received.map((r) => r.payload.data['userName'])).toEqual([
        'first@example.com', 'first@example.com', 'first@example.com', 'second@example.com',
      ]);
      const first = (await deliveriesOf(company, endpoint.id)).find((d) => d.attempts === 3)!;
      expect(first).toMatchObject({ status: 'SUCCEEDED', lastStatusCode: 204, eventType: 'user.created' });
      expect(first.recentAttempts.map((a) => a.statusCode)).toEqual([204, 503, 503]);
      expect(first.recentAttempts[2]).toMatchObject({ responseBody: 'down for maintenance' });
      expect(first.recentAttempts.every((a) => a.durationMs >= 0)).toBe(true);
    });
  });

  it('marks a delivery failed after the last attempt, goes on with the next, and disables an endpoint that keeps failing', async () => {
    await withReceiver(async (receiver, company) => {
      receiver.answerWith(() => ({ status: 500, body: 'x'.repeat(200_000) }));
      const { endpoint } = await webhooks.createEndpoint(company.companyId, { url: receiver.url, eventTypes: ['user.created'] });
      await createUsers(company, ['a@example.com', 'b@example.com', 'c@example.com']);
      await receiver.waitFor(8);
      const deadline = Date.now() + 10_000;
      while ((await webhooks.listEndpoints(company.companyId))[0]!.enabled) {
        if (Date.now() > deadline) throw new Error('endpoint not disabled');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [disabled] = await webhooks.listEndpoints(company.companyId);
      expect(disabled).toMatchObject({ enabled: false, failedDeliveries: 2 });
      expect(disabled!.disabledReason).toMatch(/2 deliveries in a row failed/);
      const failed = await webhooks.listEndpointDeliveries(company.companyId, endpoint.id, { first: 10, after: null, failedOnly: true });
      expect(failed.nodes.map((e) => e.node)).toMatchObject([{ status: 'FAILED', attempts: 4 }, { status: 'FAILED', attempts: 4 }]);
      expect(failed.nodes[0]!.node.recentAttempts[0]!.responseBody).toHaveLength(2048);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(receiver.received).toHaveLength(8);
      // Enabled again, it resumes with the third user.
      receiver.answerWith(() => ({ status: 200 }));
      await webhooks.updateEndpoint(company.companyId, endpoint.id, { enabled: true });
      await receiver.waitFor(9);
      expect(receiver.received[8]!.payload.data['userName']).toBe('c@example.com');
    });
  });

  it('signs with the old and the new secret after a rotation', async () => {
    await withReceiver(async (receiver, company) => {
      const created = await webhooks.createEndpoint(company.companyId, { url: receiver.url });
      const rotated = await webhooks.rotateSecret(company.companyId, created.endpoint.id);
      expect(rotated.secret).not.toBe(created.secret);
      await createUsers(company, ['rotated@example.com']);
      const [request] = await receiver.waitFor(1);
      expect(String(request!.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(receiver.verify(request!, created.secret)).toBeTruthy();
      expect(receiver.verify(request!, rotated.secret)).toBeTruthy();
      const stored = await t.orm.em.fork().getConnection().execute('select secret, previous_secret from webhook_endpoint where id = ?', [created.endpoint.id]);
      expect(JSON.stringify(stored)).not.toContain(created.secret.slice(6, 30));
      expect(JSON.stringify(stored)).not.toContain(rotated.secret.slice(6, 30));
    });
  });

  it('redelivers an event with its webhook-id, and sends a signed test event', async () => {
    await withReceiver(async (receiver, company) => {
      const { endpoint, secret } = await webhooks.createEndpoint(company.companyId, { url: receiver.url, eventTypes: ['user.created'] });
      await createUsers(company, ['again@example.com']);
      const [original] = await receiver.waitFor(1);
      const delivery = await webhooks.redeliver(company.companyId, endpoint.id, String(original!.headers['webhook-id']));
      expect(delivery).toMatchObject({ status: 'PENDING', manual: true });
      const test = await webhooks.sendTest(company.companyId, endpoint.id);
      const [, again, probe] = await receiver.waitFor(3);
      const byType = [again!, probe!].sort((a, b) => a.payload.type.localeCompare(b.payload.type));
      expect(byType[0]!.headers['webhook-id']).toBe(original!.headers['webhook-id']);
      expect(byType[0]!.body).toBe(original!.body);
      expect(byType[1]!.payload).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
      expect(receiver.verify(byType[1]!, secret)).toBeTruthy();
      expect(test.eventType).toBe('webhook.test');
    });
  });

  it('signs each attempt with its own time, so an event redelivered an hour later still verifies', async () => {
    await withReceiver(async (receiver, company) => {
      const { endpoint, secret } = await webhooks.createEndpoint(company.companyId, { url: receiver.url, eventTypes: ['user.created'] });
      await createUsers(company, ['late@example.com']);
      const [original] = await receiver.waitFor(1);
      const eventId = String(original!.headers['webhook-id']);
      const [txId, id] = eventId.split('.');
      await t.sql.query(sqlTag`update directory_event set occurred_at = now() - interval '1 hour' where tx_id = ${txId}::bigint and id = ${id}::bigint`);
      await webhooks.redeliver(company.companyId, endpoint.id, eventId);
      const [, again] = await receiver.waitFor(2);
      expect(again!.headers['webhook-id']).toBe(eventId);
      expect(Math.abs(Number(again!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(receiver.verify(again!, secret)).toMatchObject({ type: 'user.created', data: { userName: 'late@example.com' } });
      expect(Date.parse(again!.payload.timestamp)).toBeLessThan(Date.now() - 50 * 60_000);
    });
  });

  it('redelivers a test event with its first body, and refuses a test id it never sent', async () => {
    await withReceiver(async (receiver, company) => {
      const { endpoint, secret } = await webhooks.createEndpoint(company.companyId, { url: receiver.url });
      const test = await webhooks.sendTest(company.companyId, endpoint.id);
      const [first] = await receiver.waitFor(1);
      const again = await webhooks.redeliver(company.companyId, endpoint.id, test.eventId);
      expect(again).toMatchObject({ eventId: test.eventId, eventType: 'webhook.test', manual: true });
      const [, second] = await receiver.waitFor(2);
      expect(second!.body).toBe(first!.body);
      expect(second!.headers['webhook-id']).toBe(test.eventId);
      expect(receiver.verify(second!, secret)).toMatchObject({ type: 'webhook.test' });
      await expect(webhooks.redeliver(company.companyId, endpoint.id, 'test_00000000-0000-4000-8000-000000000000'))
        .rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
      const other = await seedCompany(t);
      const own = await webhooks.createEndpoint(other.companyId, { url: receiver.url });
      await expect(webhooks.redeliver(other.companyId, own.endpoint.id, test.eventId)).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
    });
  });

  it('sends nothing to a disabled endpoint: a test is refused, a queued one waits until it is enabled', async () => {
    await withReceiver(async (receiver, company) => {
      const { endpoint, secret } = await webhooks.createEndpoint(company.companyId, { url: receiver.url });
      await webhooks.updateEndpoint(company.companyId, endpoint.id, { enabled: false });
      await expect(webhooks.sendTest(company.companyId, endpoint.id)).rejects.toMatchObject({ code: 'WEBHOOK_DISABLED' });
      await webhooks.updateEndpoint(company.companyId, endpoint.id, { enabled: true });
      receiver.answerWith(() => ({ status: 500 }));
      const test = await webhooks.sendTest(company.companyId, endpoint.id);
      await receiver.waitFor(1);
      await webhooks.updateEndpoint(company.companyId, endpoint.id, { enabled: false });
      await new Promise((resolve) => setTimeout(resolve, 200)); // an attempt already claimed may still land
      const sent = receiver.received.length;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(receiver.received).toHaveLength(sent);
      expect(await webhooks.findDelivery(company.companyId, test.id)).toMatchObject({ status: 'PENDING' });
      receiver.answerWith(() => ({ status: 200 }));
      await webhooks.updateEndpoint(company.companyId, endpoint.id, { enabled: true });
      const retried = (await receiver.waitFor(sent + 1))[sent];
      expect(receiver.verify(retried!, secret)).toMatchObject({ type: 'webhook.test' });
    });
  });

  it('answers another company\'s endpoint and event like missing ones', async () => {
    await withReceiver(async (receiver, company) => {
      const other = await seedCompany(t);
      const { endpoint } = await webhooks.createEndpoint(company.companyId, { url: receiver.url });
      await expect(webhooks.rotateSecret(other.companyId, endpoint.id)).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
      await expect(webhooks.deleteEndpoint(other.companyId, endpoint.id)).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
      await expect(webhooks.sendTest(other.companyId, endpoint.id)).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
      expect(await webhooks.listEndpoints(other.companyId)).toEqual([]);
      await createUsers(company, ['mine@example.com']);
      const [mine] = await receiver.waitFor(1);
      const own = await webhooks.createEndpoint(other.companyId, { url: receiver.url });
      await expect(webhooks.redeliver(other.companyId, own.endpoint.id, String(mine!.headers['webhook-id'])))
        .rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
    });
  });
});

describe('after an outage', () => {
  let slow: TestApp;
  beforeAll(async () => {
    // A backoff that would make the stream wait a minute after the refusal.
    slow = await startTestApp({
      WEBHOOK_ALLOW_INSECURE: 'true', WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      WEBHOOK_RETRY_BASE_MS: '60000', WEBHOOK_POLL_MS: '100',
    });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('a test event that goes through makes the endpoint, and others at the same receiver, retry at once', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const service = createWebhookService({ sql: slow.sql, config: slow.config });
      const [one, two] = [await seedCompany(slow), await seedCompany(slow)];
      const first = await service.createEndpoint(one.companyId, { url: receiver.url, eventTypes: ['user.created'] });
      await service.createEndpoint(two.companyId, { url: `${receiver.url}/other`, eventTypes: ['user.created'] });
      receiver.answerWith(() => ({ status: 503 }));
      await createUsersIn(one, 'one@example.com');
      await createUsersIn(two, 'two@example.com');
      await receiver.waitFor(2);
      // Both refusals recorded, so both endpoints wait out the minute's backoff (a refusal recorded
      // after the recovery would only then start its backoff, and rightly wait it out).
      await expect.poll(async () => (await slow.sql.query<{ n: number }>(sqlTag`select count(*)::int as n from webhook_endpoint
        where next_attempt_at > now() + interval '30 seconds'`))[0]!.n, { timeout: 10_000 }).toBe(2);
      receiver.answerWith(() => ({ status: 204 }));
      const sentAt = Date.now();
      await service.sendTest(one.companyId, first.endpoint.id);
      await receiver.waitFor(5, 20_000);
      expect(Date.now() - sentAt).toBeLessThan(20_000);
      const accepted = receiver.received.slice(2).map((r) => r.payload.type === 'webhook.test' ? 'test' : r.payload.data['userName']);
      expect(accepted.sort()).toEqual(['one@example.com', 'test', 'two@example.com']);
    } finally {
      await receiver.close();
    }
  });
});

async function createUsersIn(company: SeededCompany, name: string) {
  expect((await scimClient(company)('POST', '/Users', { schemas: [USER], userName: name })).status).toBe(201);
}
