import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { seedDirectory } from './directory-seed.js';
import { scimClient } from './scim-client.js';
import { codes, collect, gql, signIn, socketClient, waitFor } from './graphql-helpers.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

let t: TestApp;
let db: pg.Client;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_INSECURE: 'true', WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'), WEBHOOK_POLL_MS: '100' });
  db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await db?.end();
  await t?.close();
});

const EVENTS = `query ($after: String, $first: Int, $types: [DirectoryEventType!]) {
  events(after: $after, first: $first, types: $types) {
    edges { cursor node { id type resourceType resourceId resourceVersion data source occurredAt } }
    pageInfo { hasNextPage endCursor } } }`;

type EventsPage = { events: { edges: { cursor: string; node: { id: string; type: string; data: Record<string, unknown> } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('events (pull API)', () => {
  it('pages through every event in order across the 100-row mark, and filters by type', async () => {
    const company = await seedCompany(t);
    await seedDirectory(db, { companyId: company.companyId, prefix: 'p', users: 130, groupSize: 65 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages += 1) {
      const response = await gql<EventsPage>(t, EVENTS, { after, first: 60 }, { token: company.apiToken });
      expect(response.errors).toBeUndefined();
      const page: EventsPage['events'] = response.data!.events;
      seen.push(...page.edges.map((edge) => edge.node.type));
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
      expect(pages).toBeLessThan(10);
    }
    expect(seen.filter((type) => type === 'USER_CREATED')).toHaveLength(130);
    expect(seen.filter((type) => type === 'GROUP_CREATED')).toHaveLength(2);
    expect(seen.filter((type) => type === 'GROUP_MEMBER_ADDED')).toHaveLength(130);
    expect(seen.indexOf('GROUP_CREATED')).toBeGreaterThan(seen.lastIndexOf('USER_CREATED'));
    const rest = await gql<EventsPage>(t, EVENTS, { after }, { token: company.apiToken });
    expect(rest.data!.events).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, endCursor: after } });
    const groups = await gql<EventsPage>(t, EVENTS, { types: ['GROUP_CREATED'] }, { token: company.apiToken });
    expect(groups.data!.events.edges.map((edge) => edge.node.type)).toEqual(['GROUP_CREATED', 'GROUP_CREATED']);
    expect(groups.data!.events.edges[0]!.node.data).toMatchObject({ displayName: 'pg1', meta: { resourceType: 'Group' } });
  });

  it('refuses a malformed cursor, and another company\'s events are not there', async () => {
    const a = await seedCompany(t);
    const b = await seedCompany(t);
    await scimClient(a)('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'only-a@example.com' });
    expect(codes(await gql(t, EVENTS, { after: 'nope' }, { token: a.apiToken }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t, EVENTS, { first: 0 }, { token: a.apiToken }))).toEqual(['BAD_USER_INPUT']);
    const own = await gql<EventsPage>(t, EVENTS, {}, { token: a.apiToken });
    // The seeded SCIM token's creation, then the user.
    expect(own.data!.events.edges.map((edge) => edge.node.type)).toEqual(['SCIM_TOKEN_CREATED', 'USER_CREATED']);
    const other = await gql<EventsPage>(t, EVENTS, {}, { token: b.apiToken });
    expect(other.data!.events.edges.map((edge) => edge.node.type)).toEqual(['SCIM_TOKEN_CREATED']);
  });

  it('needs iam:read', async () => {
    const company = await seedCompany(t, { permissions: ['users:delete'] });
    const response = await gql(t, EVENTS, {}, { token: company.apiToken });
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('streams new events over the subscription, only the company\'s own and the types asked for', async () => {
    const a = await seedCompany(t);
    const b = await seedCompany(t);
    const { client } = socketClient(t, { authorization: `Bearer ${a.apiToken}` });
    const stream = collect<{ directoryEvents: { type: string; data: { userName?: string } } }>(client,
      'subscription { directoryEvents(types: [USER_CREATED, USER_DELETED]) { id type data } }');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
    await scimClient(b)('POST', '/Users', { schemas: [USER], userName: 'b-user@example.com' });
    const created = await scimClient(a)('POST', '/Users', { schemas: [USER], userName: 'live@example.com' });
    await scimClient(a)('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Skipped' });
    await scimClient(a)('DELETE', `/Users/${created.body.id}`);
    await waitFor(() => stream.values.length >= 2, 10_000, 'two live events');
    await new Promise((resolve) => setTimeout(resolve, 300));
    stream.stop();
    await client.dispose();
    expect(stream.values.map((v) => [v.data?.directoryEvents.type, v.data?.directoryEvents.data.userName])).toEqual([
      ['USER_CREATED', 'live@example.com'], ['USER_DELETED', 'live@example.com'],
    ]);
  });
});

describe('the source of events the console and integrators cause', () => {
  it('names the operator (by email) or the API token (by id) that deactivated or activated SCIM', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    const deactivated = await gql(t, 'mutation { deactivateScim { status } }', {}, { cookie });
    expect(deactivated.errors).toBeUndefined();
    const activated = await gql(t, 'mutation { activateScim { status } }', {}, { token: company.apiToken });
    expect(activated.errors).toBeUndefined();
    const page = await gql<{ events: { edges: { node: { type: string; source: string | null } }[] } }>(
      t, EVENTS, { types: ['SCIM_DEACTIVATED', 'SCIM_ACTIVATED'] }, { token: company.apiToken });
    const [tokenId] = (await db.query<{ id: string }>('select id from api_token where company_id = $1', [company.companyId])).rows.map((r) => r.id);
    expect(page.data!.events.edges.map((edge) => [edge.node.type, edge.node.source])).toEqual([
      ['SCIM_DEACTIVATED', `operator:${company.email}`],
      ['SCIM_ACTIVATED', `api_token:${tokenId}`],
    ]);
  });
});

describe('events of the guard, SCIM tokens and the deprovisioning policy', () => {
  const CREATE_ENDPOINT = `mutation ($url: String!, $types: [DirectoryEventType!]) {
    createWebhookEndpoint(url: $url, eventTypes: $types) { secret endpoint { id eventTypes } } }`;

  it('reach endpoints subscribed to everything, those subscribed to their type, events(types:) and the subscription', async () => {
    const company = await seedCompany(t);
    const only = await startWebhookReceiver();
    const everything = await startWebhookReceiver();
    try {
      const auth = { token: company.apiToken };
      expect((await gql(t, CREATE_ENDPOINT, { url: everything.url, types: null }, auth)).errors).toBeUndefined();
      const chosen = await gql<{ createWebhookEndpoint: { endpoint: { eventTypes: string[] } } }>(
        t, CREATE_ENDPOINT, { url: only.url, types: ['SCIM_TOKEN_CREATED', 'DEPROVISIONING_GUARD_UPDATED'] }, auth);
      expect(chosen.data!.createWebhookEndpoint.endpoint.eventTypes).toEqual(['DEPROVISIONING_GUARD_UPDATED', 'SCIM_TOKEN_CREATED']);
      const { client } = socketClient(t, { authorization: `Bearer ${company.apiToken}` });
      const stream = collect<{ directoryEvents: { type: string; resourceType: string; data: Record<string, unknown> } }>(client,
        'subscription { directoryEvents(types: [DEPROVISIONING_POLICY_UPDATED]) { type resourceType data } }');
      await new Promise((resolve) => setTimeout(resolve, 500));

      const created = await gql<{ createScimToken: { secret: string; token: { id: string } } }>(
        t, 'mutation { createScimToken(label: "Entra ID") { secret token { id } } }', {}, auth);
      const tokenId = created.data!.createScimToken.token.id;
      await gql(t, 'mutation { updateDeprovisioningGuard(thresholdMinimum: 50) { state } }', {}, auth);
      await gql(t, 'mutation { updateDeprovisioningPolicy(policy: HARD_DELETE) { policy } }', {}, auth);
      await gql(t, 'mutation ($id: ID!) { revokeScimToken(id: $id) { id } }', { id: tokenId }, auth);

      const all = await everything.waitFor(4);
      expect(all.map((r) => r.payload.type)).toEqual([
        'scim_token.created', 'deprovisioning_guard.updated', 'deprovisioning_policy.updated', 'scim_token.revoked',
      ]);
      expect(all[0]!.payload.data).toMatchObject({ id: tokenId, label: 'Entra ID' });
      expect(JSON.stringify(all)).not.toContain(created.data!.createScimToken.secret);
      const some = await only.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(some.map((r) => r.payload.type)).toEqual(['scim_token.created', 'deprovisioning_guard.updated']);

      const page = await gql<{ events: { edges: { node: { type: string; resourceType: string; resourceId: string; source: string } }[] } }>(
        t, EVENTS, { types: ['SCIM_TOKEN_CREATED', 'SCIM_TOKEN_REVOKED'] }, auth);
      const [apiTokenId] = (await db.query<{ id: string }>('select id from api_token where company_id = $1', [company.companyId])).rows.map((r) => r.id);
      const mine = page.data!.events.edges.map((edge) => edge.node).filter((node) => node.resourceId === tokenId);
      expect(mine).toEqual([
        { type: 'SCIM_TOKEN_CREATED', resourceType: 'ScimToken', resourceId: tokenId, source: `api_token:${apiTokenId}` },
        { type: 'SCIM_TOKEN_REVOKED', resourceType: 'ScimToken', resourceId: tokenId, source: `api_token:${apiTokenId}` },
      ].map((expected) => expect.objectContaining(expected)));
      expect(page.data!.events.edges.every((edge) => ['SCIM_TOKEN_CREATED', 'SCIM_TOKEN_REVOKED'].includes(edge.node.type))).toBe(true);

      await waitFor(() => stream.values.length >= 1, 10_000, 'the policy event');
      await new Promise((resolve) => setTimeout(resolve, 300));
      stream.stop();
      await client.dispose();
      expect(stream.values.map((v) => v.data?.directoryEvents)).toEqual([
        { type: 'DEPROVISIONING_POLICY_UPDATED', resourceType: 'DeprovisioningPolicy', data: { policy: 'HARD_DELETE', retentionDays: 30, from: { policy: 'SOFT_DELETE', retentionDays: 30 } } },
      ]);
    } finally {
      await only.close();
      await everything.close();
    }
  });
});

describe('webhook endpoints over GraphQL', () => {
  const CREATE = `mutation ($url: String!, $types: [DirectoryEventType!]) {
    createWebhookEndpoint(url: $url, eventTypes: $types, description: "CRM") { secret endpoint { id url eventTypes enabled } } }`;

  async function create(company: SeededCompany, url = receiver.url) {
    return gql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; eventTypes: string[] | null } } }>(
      t, CREATE, { url, types: ['USER_CREATED'] }, { token: company.apiToken });
  }

  it('creates, lists, updates, rotates, tests, lists deliveries and deletes an endpoint', async () => {
    const company = await seedCompany(t);
    const created = await create(company);
    expect(created.errors).toBeUndefined();
    const { secret, endpoint } = created.data!.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.eventTypes).toEqual(['USER_CREATED']);
    const listed = await gql<{ webhookEndpoints: { id: string }[] }>(t, '{ webhookEndpoints { id url enabled failedDeliveries } }', {}, { token: company.apiToken });
    expect(listed.data!.webhookEndpoints.map((e) => e.id)).toEqual([endpoint.id]);
    const disabled = await gql<{ updateWebhookEndpoint: { enabled: boolean; disabledReason: string } }>(t,
      'mutation ($id: ID!) { updateWebhookEndpoint(id: $id, enabled: false) { enabled disabledReason disabledAfterFailures } }', { id: endpoint.id }, { token: company.apiToken });
    expect(disabled.data!.updateWebhookEndpoint).toEqual({ enabled: false, disabledReason: 'Disabled by an operator', disabledAfterFailures: false });
    const rotated = await gql<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretExpiresAt: string } } }>(t,
      'mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { previousSecretExpiresAt } } }', { id: endpoint.id }, { token: company.apiToken });
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data!.rotateWebhookSecret.secret).not.toBe(secret);
    expect(Date.parse(rotated.data!.rotateWebhookSecret.endpoint.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const SEND_TEST = 'mutation ($id: ID!) { sendTestWebhookEvent(endpointId: $id) { status eventType } }';
    expect(codes(await gql(t, SEND_TEST, { id: endpoint.id }, { token: company.apiToken }))).toEqual(['CONFLICT']);
    const enabled = await gql<{ updateWebhookEndpoint: unknown }>(t,
      'mutation ($id: ID!) { updateWebhookEndpoint(id: $id, enabled: true) { enabled disabledReason disabledAfterFailures } }', { id: endpoint.id }, { token: company.apiToken });
    expect(enabled.data!.updateWebhookEndpoint).toEqual({ enabled: true, disabledReason: null, disabledAfterFailures: false });
    const test = await gql<{ sendTestWebhookEvent: { status: string; eventType: string } }>(t, SEND_TEST, { id: endpoint.id }, { token: company.apiToken });
    expect(test.data!.sendTestWebhookEvent).toEqual({ status: 'PENDING', eventType: 'webhook.test' });
    const probe = (await receiver.waitFor(1)).find((r) => r.payload.data['endpointId'] === endpoint.id)!;
    expect(receiver.verify(probe, rotated.data!.rotateWebhookSecret.secret)).toBeTruthy();
    const DELIVERIES = 'query ($id: ID!) { webhookDeliveries(endpointId: $id, first: 10) { edges { node { status eventType attempts recentAttempts { statusCode durationMs } } } pageInfo { hasNextPage } } }';
    let deliveries: { webhookDeliveries: { edges: { node: { status: string } }[] } } | null | undefined;
    for (let i = 0; i < 50; i += 1) {
      deliveries = (await gql<NonNullable<typeof deliveries>>(t, DELIVERIES, { id: endpoint.id }, { token: company.apiToken })).data;
      if (deliveries?.webhookDeliveries.edges[0]?.node.status === 'SUCCEEDED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(deliveries!.webhookDeliveries.edges[0]!.node).toMatchObject({ status: 'SUCCEEDED', eventType: 'webhook.test', attempts: 1 });
    const deleted = await gql(t, 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token: company.apiToken });
    expect(deleted.data).toEqual({ deleteWebhookEndpoint: true });
    expect(codes(await gql(t, 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }, { token: company.apiToken }))).toEqual(['NOT_FOUND']);
  });

  it('refuses URLs it must not call, and keeps other companies out', async () => {
    const strict = await startTestApp({ WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64') });
    try {
      const company = await seedCompany(strict);
      for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://10.0.0.8/x', 'https://169.254.169.254/x']) {
        const response = await gql(strict, CREATE, { url }, { token: company.apiToken });
        expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      }
      expect(await db.query('select 1')).toBeTruthy();
    } finally {
      await strict.close();
    }
    const a = await seedCompany(t);
    const b = await seedCompany(t);
    const { endpoint } = (await create(a)).data!.createWebhookEndpoint;
    for (const [query, variables] of [
      ['mutation ($id: ID!) { updateWebhookEndpoint(id: $id, enabled: false) { id } }', { id: endpoint.id }],
      ['mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id: endpoint.id }],
      ['mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }],
      ['mutation ($id: ID!) { sendTestWebhookEvent(endpointId: $id) { id } }', { id: endpoint.id }],
      ['query ($id: ID!) { webhookDeliveries(endpointId: $id) { edges { cursor } } }', { id: endpoint.id }],
    ] as const) {
      expect(codes(await gql(t, query, variables, { token: b.apiToken }))).toEqual(['NOT_FOUND']);
    }
    expect((await gql<{ webhookEndpoints: unknown[] }>(t, '{ webhookEndpoints { id } }', {}, { token: b.apiToken })).data!.webhookEndpoints).toEqual([]);
  });

  it('needs iam:manage', async () => {
    const reader = await seedCompany(t, { permissions: ['iam:read'] });
    expect(codes(await gql(t, '{ webhookEndpoints { id } }', {}, { token: reader.apiToken }))).toEqual(['FORBIDDEN']);
    expect(codes(await create(reader))).toEqual(['FORBIDDEN']);
  });
});
