import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, collect, gql, socketClient, waitFor } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { scimClient } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

type Setup = { scimSetup: { tokenCreated: boolean; requestReceived: boolean; connectionTested: boolean } };
const SETUP = '{ scimSetup { tokenCreated requestReceived connectionTested } }';

async function setupOf(company: SeededCompany) {
  const response = await gql<Setup>(t, SETUP, {}, { token: company.apiToken });
  expect(response.errors).toBeUndefined();
  return response.data!.scimSetup;
}

/** The recorder writes in batches off the request path; wait until `check` holds. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let tries = 0; tries < 50 && !check(value); tries += 1) {
    await sleep(100);
    value = await read();
  }
  return value;
}

describe('guided set-up (scimSetup)', () => {
  it('ticks each step from what happened: a live token, a request with it, a successful one', async () => {
    const company = await seedCompany(t);
    const [token] = await t.services().tokens.listScimTokens(company.companyId);
    await t.services().tokens.revokeScimToken(company.companyId, token!.id, 'test');
    expect(await setupOf(company)).toEqual({ tokenCreated: false, requestReceived: false, connectionTested: false });

    const okta = await t.services().tokens.createScimToken(company.companyId, 'Okta', 'test');
    expect(await setupOf(company)).toEqual({ tokenCreated: true, requestReceived: false, connectionTested: false });
    // A request without a valid token is recorded but proves nothing about the IdP's set-up.
    expect((await scimClient({ ...company, scimToken: 'wrong' })('GET', '/Users')).status).toBe(401);
    const okta401 = scimClient({ ...company, scimToken: okta.secret });
    expect((await okta401('GET', '/Users/not-a-user')).status).toBe(404);
    const received = await eventually(() => setupOf(company), (s) => s.requestReceived);
    expect(received).toEqual({ tokenCreated: true, requestReceived: true, connectionTested: false });
    expect((await okta401('GET', '/ServiceProviderConfig')).status).toBe(200);
    expect(await eventually(() => setupOf(company), (s) => s.connectionTested)).toEqual({ tokenCreated: true, requestReceived: true, connectionTested: true });
  });

  it('reads only the caller\'s company and needs iam:read', async () => {
    const busy = await seedCompany(t);
    expect((await scimClient(busy)('GET', '/Users')).status).toBe(200);
    await eventually(() => setupOf(busy), (s) => s.connectionTested);
    const quiet = await seedCompany(t);
    expect(await setupOf(quiet)).toEqual({ tokenCreated: true, requestReceived: false, connectionTested: false });
    const noRead = await seedCompany(t, { permissions: ['users:delete'] });
    const denied = await gql(t, SETUP, {}, { token: noRead.apiToken });
    expect(codes(denied)).toEqual(['FORBIDDEN']);
  });
});

describe('recentActivity(resourceId)', () => {
  it('lists only the requests about that resource, across a page boundary', async () => {
    const company = await seedCompany(t);
    const idp = scimClient(company);
    const created = await idp('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'ada@example.test' });
    const id = (created.body as { id: string }).id;
    for (let n = 0; n < 4; n += 1) expect((await idp('GET', `/Users/${id}`)).status).toBe(200);
    expect((await idp('GET', '/Users')).status).toBe(200);
    const query = `query($id: ID, $after: String) { recentActivity(first: 3, resourceId: $id, after: $after) {
      edges { node { resourceId operation } } pageInfo { hasNextPage endCursor } } }`;
    type Result = { recentActivity: { edges: { node: { resourceId: string; operation: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await eventually(
      async () => (await gql<Result>(t, query, { id }, { token: company.apiToken })).data!.recentActivity,
      (page) => page.pageInfo.hasNextPage,
    );
    expect(first.edges.map((e) => e.node.resourceId)).toEqual([id, id, id]);
    const second = (await gql<Result>(t, query, { id, after: first.pageInfo.endCursor }, { token: company.apiToken })).data!.recentActivity;
    expect(second.edges.map((e) => e.node.operation)).toEqual(['Get User', 'Create User']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const other = await seedCompany(t);
    const foreign = await gql<Result>(t, query, { id }, { token: other.apiToken });
    expect(foreign.data!.recentActivity.edges).toEqual([]);
  });
});

describe('disableEntraId', () => {
  const MUTATION = 'mutation { disableEntraId { availability status } }';

  it('switches the native Entra ID integration off as the CLI does, audited, and needs iam:manage', async () => {
    const company = await seedCompany(t);
    await t.services().companies.setEntraId(company.companyId, true, 'cli');
    const reader = await seedCompany(t, { permissions: ['iam:read'] });
    await t.services().companies.setEntraId(reader.companyId, true, 'cli');
    expect(codes(await gql(t, MUTATION, {}, { token: reader.apiToken }))).toEqual(['FORBIDDEN']);
    expect((await t.services().companies.getCompany(reader.companyId)).entraIdEnabled).toBe(true);

    const done = await gql<{ disableEntraId: { availability: string } }>(t, MUTATION, {}, { token: company.apiToken });
    expect(done.data?.disableEntraId.availability).toBe('AVAILABLE');
    expect((await t.services().companies.getCompany(company.companyId)).entraIdEnabled).toBe(false);
    const audit = await t.services().companies.listAudit(company.companyId);
    expect(audit.map((entry) => entry.action)).toContain('entra.disabled');
    // The other company's integration is untouched.
    expect((await t.services().companies.getCompany(reader.companyId)).entraIdEnabled).toBe(true);
  });
});

describe('bulkDeleteStarted', () => {
  it('tells every open console of the company about a job another caller started, and only that company', async () => {
    const company = await seedCompany(t);
    const other = await seedCompany(t);
    const watcher = socketClient(t, { authorization: `Bearer ${company.apiToken}` });
    const stranger = socketClient(t, { authorization: `Bearer ${other.apiToken}` });
    const query = 'subscription { bulkDeleteStarted { id status total } }';
    const seen = collect<{ bulkDeleteStarted: { id: string; total: number } }>(watcher.client, query);
    const unseen = collect(stranger.client, query);
    await sleep(300); // the subscriptions are LISTENing before the job is queued
    expect((await scimClient(company)('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'x@example.test' })).status).toBe(201);
    const started = await gql<{ deleteAllScimUsers: { id: string } }>(t, 'mutation { deleteAllScimUsers { id } }', {}, { token: company.apiToken });
    await waitFor(() => seen.values.length > 0, 5000, 'bulkDeleteStarted');
    expect(seen.values[0]?.data?.bulkDeleteStarted).toMatchObject({ id: started.data!.deleteAllScimUsers.id, total: 1 });
    await sleep(200);
    expect(unseen.values).toEqual([]);
    seen.stop();
    unseen.stop();
    await watcher.client.dispose();
    await stranger.client.dispose();
  });
});
