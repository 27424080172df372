import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/db/sql-tag.js';
import { gql } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { ENTERPRISE_URN, GROUP_URN, scimClient, USER_URN } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const SECRET = 'Hunter2-never-logged';

interface Detail {
  id: string;
  method: string;
  path: string | null;
  operation: string;
  status: number;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  changedAttributes: string[] | null;
  tokenLabel: string | null;
  userAgent: string | null;
}
const FIELDS = 'id method path operation status resourceType resourceId resourceName changedAttributes tokenLabel userAgent';

/** Waits for the recorder's batch (every 200 ms) until `count` events are listed, newest first. */
async function eventsOf(company: SeededCompany, count: number): Promise<Detail[]> {
  for (let tries = 0; tries < 50; tries += 1) {
    const response = await gql<{ recentActivity: { edges: { node: Detail }[] } }>(
      t, `{ recentActivity(first: 100) { edges { node { ${FIELDS} } } } }`, {}, { token: company.apiToken });
    const nodes = response.data?.recentActivity.edges.map((edge) => edge.node) ?? [];
    if (nodes.length >= count) return nodes.reverse();
    await sleep(100);
  }
  throw new Error(`fewer than ${count} events recorded`);
}

describe('activity detail: resource names and changed attributes', () => {
  it('records names and attribute names (never values) for POST, PUT, PATCH, DELETE and Bulk', async () => {
    const company = await seedCompany(t);
    const scim = scimClient(company);
    const created = await scim('POST', '/Users', {
      schemas: [USER_URN, ENTERPRISE_URN], userName: 'alice@example.test', password: SECRET, active: true,
      name: { givenName: 'Alice' }, [ENTERPRISE_URN]: { department: 'Sales' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await scim('PUT', `/Users/${id}`, { schemas: [USER_URN], userName: 'alice2@example.test', displayName: 'Alice', password: SECRET })).status).toBe(200);
    expect((await scim('PATCH', `/Users/${id}`, {
      schemas: [PATCH_URN],
      Operations: [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'secret-mail@example.test' },
        { op: 'replace', value: { displayName: 'Al', password: SECRET } },
      ],
    })).status).toBe(200);
    const group = await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Engineers', members: [{ value: id }] });
    expect(group.status).toBe(201);
    expect((await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_URN], Operations: [{ op: 'remove', path: `members[value eq "${id}"]` }] })).status).toBe(204);
    expect((await scim('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    const bulk = await scim('POST', '/Bulk', {
      schemas: [BULK_URN],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'b1', data: { schemas: [USER_URN], userName: 'bob@example.test', password: SECRET } },
        { method: 'POST', path: '/Groups', bulkId: 'g1', data: { schemas: [GROUP_URN], displayName: 'Bulkers', members: [{ value: 'bulkId:b1' }] } },
      ],
    });
    expect(bulk.status).toBe(200);
    await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "bob@example.test"')}`);

    const events = await eventsOf(company, 9);
    const summary = events.map((e) => [e.operation, e.resourceName, e.changedAttributes]);
    expect(summary).toEqual([
      ['Create User', 'alice@example.test', ['userName', 'password', 'active', 'name', `${ENTERPRISE_URN}:department`]],
      ['Replace User', 'alice2@example.test', ['userName', 'displayName', 'password']],
      ['Update User', 'alice2@example.test', ['emails.value', 'displayName', 'password']],
      ['Create Group', 'Engineers', ['displayName', 'members']],
      ['Update Group', 'Engineers', ['members']],
      ['Delete Group', 'Engineers', []],
      ['Delete User', 'alice2@example.test', []],
      ['Bulk', 'bob@example.test, Bulkers', ['userName', 'password', 'displayName', 'members']],
      ['List Users', null, null],
    ]);
    expect(events[0]).toMatchObject({ method: 'POST', path: `/pp/scim/v2/${company.slug}/Users`, status: 201, resourceType: 'User', resourceId: id, tokenLabel: 'Test IdP', userAgent: 'Roster-Test/1.0' });
    expect(events[8]!.path).toBe(`/pp/scim/v2/${company.slug}/Users?filter=${encodeURIComponent('userName eq "bob@example.test"')}`);

    // No column of any row holds a secret value, nor a value from a PATCH path filter.
    const rows = await t.sql.query<{ row: string }>(
      sql`select e::text as row from provisioning_event e where company_id = ${company.companyId}`);
    expect(rows).toHaveLength(9);
    for (const { row } of rows) {
      expect(row).not.toContain(SECRET);
      expect(row).not.toContain('secret-mail');
    }
  });

  it('answers provisioningEvent for the viewer\'s company only', async () => {
    const acme = await seedCompany(t);
    const other = await seedCompany(t);
    expect((await scimClient(acme)('POST', '/Users', { schemas: [USER_URN], userName: 'carol@example.test' })).status).toBe(201);
    const [event] = await eventsOf(acme, 1);
    const query = `query($id: ID!) { provisioningEvent(id: $id) { ${FIELDS} durationMs scimType message occurredAt } }`;
    const own = await gql<{ provisioningEvent: Detail | null }>(t, query, { id: event!.id }, { token: acme.apiToken });
    expect(own.errors).toBeUndefined();
    expect(own.data?.provisioningEvent).toMatchObject({ id: event!.id, resourceName: 'carol@example.test', operation: 'Create User', status: 201 });
    const foreign = await gql<{ provisioningEvent: Detail | null }>(t, query, { id: event!.id }, { token: other.apiToken });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.provisioningEvent).toBeNull();
    for (const id of ['nope', '99999999999999999999', '-1']) {
      const odd = await gql<{ provisioningEvent: Detail | null }>(t, query, { id }, { token: acme.apiToken });
      expect(odd.errors).toBeUndefined();
      expect(odd.data?.provisioningEvent).toBeNull();
    }
  });

  it('lists the company\'s SCIM tokens for the IdP filter to iam:read, labels only', async () => {
    const company = await seedCompany(t, { permissions: ['iam:read'] });
    const response = await gql<{ activityTokens: { label: string; revoked: boolean }[] }>(
      t, '{ activityTokens { id label revoked } }', {}, { token: company.apiToken });
    expect(response.errors).toBeUndefined();
    expect(response.data?.activityTokens).toEqual([expect.objectContaining({ label: 'Test IdP', revoked: false })]);
  });
});
