/** Issue 16 §2 over GraphQL: the policy, deleted users (keyset pages, search), restores, and who may do what. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { codes, gql } from './graphql-helpers.js';
import { USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let db: pg.Client;
let acme: SeededCompany;
let readOnly: SeededCompany;

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
  acme = await seedCompany(t);
  readOnly = await seedCompany(t, { permissions: ['iam:read'] });
});
afterAll(async () => {
  await db?.end();
  await t?.close();
});

async function policyEvents(companyId: string) {
  const rows = await db.query<{ type: string; source: string | null; resourceType: string; resourceId: string; data: unknown }>(
    `select type, source, resource_type as "resourceType", resource_id as "resourceId", data from directory_event
      where company_id = $1 and type = 'deprovisioning_policy.updated' order by id`, [companyId]);
  return rows.rows;
}

const PAGE = `query($first: Int, $after: String, $search: String) {
  deletedUsers(first: $first, after: $after, search: $search) { nodes { id userName deletedAt restorableUntil bulkDeleteJobId } pageInfo { hasNextPage endCursor } }
}`;

type PageData = { deletedUsers: { nodes: { id: string; userName: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('deprovisioning over GraphQL', () => {
  it('reads and changes the policy (iam:manage), refusing bad input with BAD_USER_INPUT', async () => {
    const read = await gql(t, '{ deprovisioningPolicy { policy retentionDays } }', {}, { token: acme.apiToken });
    expect(read.data).toEqual({ deprovisioningPolicy: { policy: 'SOFT_DELETE', retentionDays: 30 } });
    const bad = await gql(t, 'mutation { updateDeprovisioningPolicy(policy: SOFT_DELETE, retentionDays: 9999) { policy } }', {}, { token: acme.apiToken });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const denied = await gql(t, 'mutation { updateDeprovisioningPolicy(policy: HARD_DELETE) { policy } }', {}, { token: readOnly.apiToken });
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    // Refused or unchanged: no event.
    await gql(t, 'mutation { updateDeprovisioningPolicy(policy: SOFT_DELETE, retentionDays: 30) { policy } }', {}, { token: acme.apiToken });
    expect(await policyEvents(acme.companyId)).toEqual([]);
    expect(await policyEvents(readOnly.companyId)).toEqual([]);

    const changed = await gql(t, 'mutation { updateDeprovisioningPolicy(policy: HARD_DELETE, retentionDays: 14) { policy retentionDays } }', {}, { token: acme.apiToken });
    expect(changed.data).toEqual({ updateDeprovisioningPolicy: { policy: 'HARD_DELETE', retentionDays: 14 } });
    const cli = await t.services().deprovisioning.updatePolicy(acme.companyId, { policy: 'SOFT_DELETE', retentionDays: 30 }, 'cli', 'cli');
    expect(cli).toEqual({ policy: 'SOFT_DELETE', retentionDays: 30 });
    const apiTokenId = (await db.query<{ id: string }>('select id from api_token where company_id = $1', [acme.companyId])).rows[0]!.id;
    expect(await policyEvents(acme.companyId)).toEqual([
      { type: 'deprovisioning_policy.updated', source: `api_token:${apiTokenId}`, resourceType: 'DeprovisioningPolicy', resourceId: acme.companyId,
        data: { policy: 'HARD_DELETE', retentionDays: 14, from: { policy: 'SOFT_DELETE', retentionDays: 30 } } },
      { type: 'deprovisioning_policy.updated', source: 'cli', resourceType: 'DeprovisioningPolicy', resourceId: acme.companyId,
        data: { policy: 'SOFT_DELETE', retentionDays: 30, from: { policy: 'HARD_DELETE', retentionDays: 14 } } },
    ]);
    const denyRestore = await gql(t, 'mutation { restoreUsers(ids: []) { restoredIds } }', {}, { token: readOnly.apiToken });
    expect(codes(denyRestore)).toEqual(['FORBIDDEN']);
  });

  it('pages deleted users newest first across the 100-row mark, searches them, and restores some', async () => {
    const scim = scimClient(acme);
    const ids: string[] = [];
    for (let i = 0; i < 130; i += 1) {
      const created = await scim('POST', '/Users', { schemas: [USER_URN], userName: `gq${i}@example.com` });
      ids.push(created.body.id);
    }
    // Every user of the directory goes: the mass-deprovisioning guard would rightly stop this at 25.
    await gql(t, 'mutation { updateDeprovisioningGuard(enabled: false) { state } }', {}, { token: acme.apiToken });
    for (const id of ids) expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: PageData | null; errors?: unknown } = await gql<PageData>(t, PAGE, { first: 100, after }, { token: acme.apiToken });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.deletedUsers.nodes.map((n) => n.id));
      if (!page.data!.deletedUsers.pageInfo.hasNextPage) break;
      after = page.data!.deletedUsers.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(130);
    expect(seen[0]).toBe(ids.at(-1));
    expect(new Set(seen).size).toBe(130);

    const found = await gql<PageData>(t, PAGE, { search: 'GQ12' }, { token: acme.apiToken });
    expect(found.data!.deletedUsers.nodes.map((n) => n.userName).sort()).toEqual(['gq12@example.com', ...Array.from({ length: 10 }, (_, i) => `gq12${i}@example.com`)].sort());
    const badCursor = await gql(t, PAGE, { after: 'nonsense' }, { token: acme.apiToken });
    expect(codes(badCursor)).toEqual(['BAD_USER_INPUT']);

    const restored = await gql<{ restoreUsers: { restoredIds: string[] } }>(t, 'mutation($ids: [ID!]!) { restoreUsers(ids: $ids) { restoredIds userNameTakenIds } }', { ids: ids.slice(0, 2) }, { token: acme.apiToken });
    expect(restored.data!.restoreUsers.restoredIds.sort()).toEqual(ids.slice(0, 2).sort());
    expect((await scim('GET', `/Users/${ids[0]}`)).status).toBe(200);
  });

  it('refuses to restore a run that is not the company\'s or not restorable', async () => {
    const missing = await gql(t, 'mutation { restoreBulkDelete(jobId: "00000000-0000-0000-0000-000000000000") { id } }', {}, { token: acme.apiToken });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const denied = await gql(t, 'mutation { restoreBulkDelete(jobId: "00000000-0000-0000-0000-000000000000") { id } }', {}, { token: readOnly.apiToken });
    expect(codes(denied)).toEqual(['FORBIDDEN']);
  });
});
