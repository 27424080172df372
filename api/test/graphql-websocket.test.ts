import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityChannel } from '../src/events/channels.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';
import { collect, gql, signIn, socketClient, socketRequest, waitFor } from './graphql-helpers.js';
import { eventPayload } from './graphql-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const ACTIVITY = 'subscription { provisioningActivity { id status succeeded tokenLabel operation occurredAt } }';

describe('connection_init authentication', () => {
  it('closes with 4401 without credentials or with an unknown token', async () => {
    for (const options of [{}, { authorization: 'Bearer roster_api_unknown' }, { cookie: 'roster_session=nope' }]) {
      const { client, closed } = socketClient(t, options);
      expect(await closed).toBe(4401);
      await client.dispose();
    }
  });

  it('closes with 4403 when a session cookie arrives from a foreign page (cross-site WebSocket hijacking)', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    const { client, closed } = socketClient(t, { cookie, origin: 'https://evil.example' });
    expect(await closed).toBe(4403);
    await client.dispose();
  });

  it('accepts a token in connectionParams and the cookie from our own page', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    for (const options of [{ authorization: `Bearer ${company.apiToken}` }, { cookie, origin: t.baseUrl }]) {
      const { client } = socketClient(t, options);
      const result = await socketRequest(client, '{ viewer { company { slug } } scimConfig { status } }');
      expect(result).toEqual({ data: { viewer: { company: { slug: company.slug } }, scimConfig: { status: 'ACTIVE' } } });
      await client.dispose();
    }
  });

  it('re-authenticates each operation: after signOut the open socket is anonymous', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    const { client } = socketClient(t, { cookie });
    expect((await socketRequest(client, '{ viewer { id } }')).data?.viewer).not.toBeNull();
    await gql(t, 'mutation { signOut }', {}, { cookie });
    const after = await socketRequest(client, '{ viewer { id } counts { users } }');
    expect(after.data?.viewer ?? null).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    await client.dispose();
  });
});

describe('provisioningActivity', () => {
  it('streams the caller\'s company\'s events only', async () => {
    const a = await seedCompany(t);
    const b = await seedCompany(t);
    const { client } = socketClient(t, { authorization: `Bearer ${a.apiToken}` });
    const stream = collect<{ provisioningActivity: { id: string; succeeded: boolean } }>(client, ACTIVITY);
    // LISTEN is set up as the subscription starts; publish until the first event is through.
    let n = 0;
    while (stream.values.length === 0 && n < 100) {
      await t.events.publish(activityChannel(b.companyId), eventPayload(b.companyId, `b${n}`));
      await t.events.publish(activityChannel(a.companyId), eventPayload(a.companyId, `${1000 + n}`, 409));
      n += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => stream.values.length >= 1, 5000, 'an activity event');
    const ids = stream.values.map((value) => value.data?.provisioningActivity.id);
    expect(ids.every((id) => /^\d+$/.test(id ?? ''))).toBe(true);
    expect(stream.values[0]?.data?.provisioningActivity.succeeded).toBe(false);
    stream.stop();
    await client.dispose();
  });

  it('delivers a real SCIM request recorded by the SCIM server', async () => {
    const company = await seedCompany(t);
    const { client } = socketClient(t, { authorization: `Bearer ${company.apiToken}` });
    const stream = collect<{ provisioningActivity: { status: number; tokenLabel: string } }>(client, ACTIVITY);
    for (let i = 0; i < 50 && stream.values.length === 0; i += 1) {
      await fetch(`${company.scimBaseUrl}/Users?count=1`, { headers: { authorization: `Bearer ${company.scimToken}` } });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await waitFor(() => stream.values.length >= 1, 5000, 'a recorded SCIM request');
    expect(stream.values[0]?.data?.provisioningActivity).toMatchObject({ status: 200, tokenLabel: 'Test IdP' });
    stream.stop();
    await client.dispose();
  });

  it('is FORBIDDEN without iam:read', async () => {
    const company = await seedCompany(t, { permissions: ['users:delete'] });
    const { client } = socketClient(t, { authorization: `Bearer ${company.apiToken}` });
    const result = await socketRequest(client, ACTIVITY);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    await client.dispose();
  });
});
