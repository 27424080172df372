/** Issue 16 §2: the deprovisioning policy, soft delete and restore, over real HTTP and a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createLogger } from '../src/logger.js';
import { createDeletedUserPurger } from '../src/modules/deprovisioning/deleted-user-purger.js';
import type { Principal } from '../src/modules/access/principal.js';
import type { BulkDeleteJobView } from '../src/modules/bulk-delete/bulk-delete-job.view.js';
import { seedDirectory } from './directory-seed.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { GROUP_URN, USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let db: pg.Pool;

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Pool({ connectionString: t.database.url, max: 3 });
});
afterAll(async () => {
  await db?.end();
  await t?.close();
});

async function company() {
  const seeded = await seedCompany(t);
  return { seeded, scim: scimClient(seeded) };
}

const count = async (text: string, params: unknown[]) => Number((await db.query<{ n: string }>(`select count(*) as n from ${text}`, params)).rows[0]?.n);
const user = (userName: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER_URN], userName, ...extra });
const operator = (c: SeededCompany): Principal => ({ kind: 'operator', id: c.companyId, companyId: c.companyId, name: c.email, permissions: ['users:delete', 'iam:manage', 'iam:read'] });

async function waitForEnd(companyId: string, jobId: string, timeoutMs = 60_000): Promise<BulkDeleteJobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await t.services().bulkDelete.findJob(companyId, jobId);
    if (job && (job.status === 'SUCCEEDED' || job.status === 'FAILED')) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not end: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('deprovisioning policy', () => {
  it('is SOFT_DELETE with 30 days for a new company, and a change is audited', async () => {
    const { seeded } = await company();
    const service = t.services().deprovisioning;
    expect(await service.policy(seeded.companyId)).toEqual({ policy: 'SOFT_DELETE', retentionDays: 30 });
    await service.updatePolicy(seeded.companyId, { policy: 'HARD_DELETE', retentionDays: 7 }, seeded.email);
    expect(await service.policy(seeded.companyId)).toEqual({ policy: 'HARD_DELETE', retentionDays: 7 });
    expect(await count(`audit_entry where company_id = $1 and action = 'deprovisioning.policy-changed'`, [seeded.companyId])).toBe(1);
    await expect(service.updatePolicy(seeded.companyId, { policy: 'SOFT_DELETE', retentionDays: 0 }, seeded.email)).rejects.toThrow(/retention/);
  });
});

describe('SCIM DELETE under SOFT_DELETE', () => {
  it('answers 404 afterwards, leaves lists, filters and counts, and frees the userName', async () => {
    const { seeded, scim } = await company();
    const kept = (await scim('POST', '/Users', user('kept@example.com'))).body;
    const gone = (await scim('POST', '/Users', user('gone@example.com', { externalId: 'ext-gone' }))).body;
    await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Team', members: [{ value: gone.id }, { value: kept.id }] });
    const before = await t.services().directoryCounts.scimCounts(seeded.companyId);

    expect((await scim('DELETE', `/Users/${gone.id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${gone.id}`)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${gone.id}`)).status).toBe(404);
    expect((await scim('GET', '/Users?filter=userName%20eq%20%22gone@example.com%22')).body.totalResults).toBe(0);
    expect((await scim('GET', '/Users?filter=externalId%20eq%20%22ext-gone%22')).body.totalResults).toBe(0);
    const list = (await scim('GET', '/Users')).body;
    expect(list.totalResults).toBe(1);
    expect((await t.services().directoryCounts.scimCounts(seeded.companyId)).users).toBe(before.users - 1);
    const group = (await scim('GET', '/Groups?filter=displayName%20eq%20%22Team%22')).body.Resources[0];
    expect(group.members.map((m: { value: string }) => m.value)).toEqual([kept.id]);
    expect(await count('deleted_group_membership where member_user_id = $1', [gone.id])).toBe(1);

    // The name is free at once: another live user may take it.
    const renamed = await scim('PATCH', `/Users/${kept.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'userName', value: 'gone@example.com' }],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.userName).toBe('gone@example.com');
  });

  it('a POST with the deleted user\'s externalId restores it with its id, memberships and the POSTed values', async () => {
    const { seeded, scim } = await company();
    const original = (await scim('POST', '/Users', user('alice@example.com', { externalId: 'okta-1', displayName: 'Alice' }))).body;
    const group = (await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Engineers', members: [{ value: original.id }] })).body;
    await scim('DELETE', `/Users/${original.id}`);

    const again = await scim('POST', '/Users', user('alice.new@example.com', { externalId: 'okta-1', displayName: 'Alice N' }));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(original.id);
    expect(again.body.userName).toBe('alice.new@example.com');
    expect(again.body.displayName).toBe('Alice N');
    expect(again.body.groups).toEqual([expect.objectContaining({ value: group.id, display: 'Engineers' })]);
    expect((await scim('GET', `/Users/${original.id}`)).status).toBe(200);
    expect((await scim('GET', `/Groups/${group.id}`)).body.members.map((m: { value: string }) => m.value)).toEqual([original.id]);
    expect(await count('deleted_directory_user where company_id = $1', [seeded.companyId])).toBe(0);
  });

  it('a POST without a matching externalId restores by userName', async () => {
    const { scim } = await company();
    const original = (await scim('POST', '/Users', user('bob@example.com'))).body;
    await scim('DELETE', `/Users/${original.id}`);
    const again = await scim('POST', '/Users', user('BOB@example.com'));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(original.id);
    expect(again.body.meta.created).toBe(original.meta.created);
  });

  it('restores one or several users by id (GraphQL\'s restoreUsers), and keeps one whose userName was taken', async () => {
    const { seeded, scim } = await company();
    const [u1, u2, u3] = await Promise.all(['r1', 'r2', 'r3'].map(async (n) => (await scim('POST', '/Users', user(`${n}@example.com`))).body));
    await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'G', members: [{ value: u1.id }] });
    for (const u of [u1, u2, u3]) await scim('DELETE', `/Users/${u.id}`);
    // r3's name goes to somebody else (an unmatched POST may not take it: it would restore r3).
    const other = (await scim('POST', '/Users', user('other@example.com'))).body;
    await scim('PUT', `/Users/${other.id}`, user('r3@example.com'));

    const result = await t.services().deprovisioning.restoreUsers(seeded.companyId, [u1.id, u2.id, u3.id, 'not-a-uuid'], seeded.email);
    expect(result.restored.sort()).toEqual([u1.id, u2.id].sort());
    expect(result.userNameTaken).toEqual([u3.id]);
    expect((await scim('GET', `/Users/${u1.id}`)).body.groups).toHaveLength(1);
    expect((await scim('GET', `/Users/${u3.id}`)).status).toBe(404);
    expect(await count(`audit_entry where company_id = $1 and action = 'users.restored'`, [seeded.companyId])).toBe(1);
  });

  it('purges users past the company\'s retention, with their kept memberships', async () => {
    const { seeded, scim } = await company();
    const old = (await scim('POST', '/Users', user('old@example.com'))).body;
    const recent = (await scim('POST', '/Users', user('recent@example.com'))).body;
    await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'P', members: [{ value: old.id }] });
    await scim('DELETE', `/Users/${old.id}`);
    await scim('DELETE', `/Users/${recent.id}`);
    await db.query(`update deleted_directory_user set deleted_at = now() - interval '31 days' where id = $1`, [old.id]);

    const purger = createDeletedUserPurger(t.sql, createLogger(t.config));
    expect(await purger.purge()).toBeGreaterThanOrEqual(1);
    expect(await count('deleted_directory_user where id = $1', [old.id])).toBe(0);
    expect(await count('deleted_group_membership where member_user_id = $1', [old.id])).toBe(0);
    expect(await count('deleted_directory_user where id = $1', [recent.id])).toBe(1);
    expect(await count(`audit_entry where company_id = $1 and action = 'users.purged'`, [seeded.companyId])).toBe(1);
    // Gone for good: the same userName now creates a new user.
    const again = await scim('POST', '/Users', user('old@example.com'));
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(old.id);
  });
});

describe('SCIM DELETE under HARD_DELETE', () => {
  it('deletes for good, as before: nothing kept, a POST creates a new user', async () => {
    const { seeded, scim } = await company();
    await t.services().deprovisioning.updatePolicy(seeded.companyId, { policy: 'HARD_DELETE', retentionDays: 30 }, seeded.email);
    const original = (await scim('POST', '/Users', user('hard@example.com', { externalId: 'h-1' }))).body;
    await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'H', members: [{ value: original.id }] });
    expect((await scim('DELETE', `/Users/${original.id}`)).status).toBe(204);
    expect(await count('deleted_directory_user where company_id = $1', [seeded.companyId])).toBe(0);
    expect(await count('deleted_group_membership where company_id = $1', [seeded.companyId])).toBe(0);
    const again = await scim('POST', '/Users', user('hard@example.com', { externalId: 'h-1' }));
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(original.id);
  });
});

describe('tenant isolation', () => {
  it('another company\'s POST and restore never reach a company\'s deleted users', async () => {
    const a = await company();
    const b = await company();
    const deleted = (await a.scim('POST', '/Users', user('shared@example.com', { externalId: 'same-ext' }))).body;
    await a.scim('DELETE', `/Users/${deleted.id}`);

    const created = await b.scim('POST', '/Users', user('shared@example.com', { externalId: 'same-ext' }));
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe(deleted.id);
    const restored = await t.services().deprovisioning.restoreUsers(b.seeded.companyId, [deleted.id], b.seeded.email);
    expect(restored).toEqual({ restored: [], userNameTaken: [] });
    expect(await t.services().deprovisioning.deletedUsers(b.seeded.companyId, { limit: 10, after: null, search: null })).toEqual([]);
    expect(await count('deleted_directory_user where id = $1 and company_id = $2', [deleted.id, a.seeded.companyId])).toBe(1);
    await expect(t.services().deprovisioning.restoreRun(b.seeded.companyId, deleted.id, operator(b.seeded))).rejects.toThrow(/No bulk-delete job/);
  });
});

describe('Delete All Users under SOFT_DELETE', () => {
  it('keeps a 10,000-user run restorable, lists it past 100 rows, and restores it with its memberships', async () => {
    const { seeded, scim } = await company();
    await seedDirectory(db, { companyId: seeded.companyId, prefix: 'bulk', users: 10_000, groupSize: 50 });
    await seedDirectory(db, { companyId: seeded.companyId, prefix: 'manual', users: 3, source: 'MANUAL' });
    const started = await t.services().bulkDelete.start(seeded.companyId, operator(seeded));
    const ended = await waitForEnd(seeded.companyId, started.id);
    expect(ended).toMatchObject({ status: 'SUCCEEDED', deleted: 10_000, restorable: true, kind: 'DELETE' });
    expect(await count(`directory_user where company_id = $1 and source = 'SCIM'`, [seeded.companyId])).toBe(0);
    expect(await count('deleted_directory_user where bulk_delete_job_id = $1', [started.id])).toBe(10_000);
    expect(await count('deleted_group_membership where company_id = $1', [seeded.companyId])).toBe(10_000);
    expect((await scim('GET', '/Users?count=1')).body.totalResults).toBe(3);

    const service = t.services().deprovisioning;
    const first = await service.deletedUsers(seeded.companyId, { limit: 100, after: null, search: null });
    const last = first.at(-1)!;
    const second = await service.deletedUsers(seeded.companyId, { limit: 100, after: { deletedAt: last.deletedAtKey, id: last.id }, search: null });
    expect(first).toHaveLength(100);
    expect(second).toHaveLength(100);
    expect(new Set([...first, ...second].map((row) => row.id)).size).toBe(200);
    expect(await service.deletedUsers(seeded.companyId, { limit: 100, after: null, search: 'bulku9999' })).toHaveLength(1);

    const [{ last: lastEventBefore }] = (await db.query('select coalesce(max(id), 0)::text as last from directory_event where company_id = $1', [seeded.companyId])).rows;
    const restore = await service.restoreRun(seeded.companyId, started.id, operator(seeded));
    expect(restore).toMatchObject({ kind: 'RESTORE', total: 10_000, restoresJobId: started.id });
    const restored = await waitForEnd(seeded.companyId, restore.id);
    expect(restored).toMatchObject({ status: 'SUCCEEDED', deleted: 10_000 });
    expect(await count(`directory_user where company_id = $1 and source = 'SCIM'`, [seeded.companyId])).toBe(10_000);
    expect(await count('directory_membership where company_id = $1', [seeded.companyId])).toBe(10_000);
    expect(await count('deleted_directory_user where company_id = $1', [seeded.companyId])).toBe(0);
    expect((await scim('GET', '/Users?count=1')).body.totalResults).toBe(10_003);
    expect(await count(`audit_entry where company_id = $1 and action = 'users.restored-run'`, [seeded.companyId])).toBe(1);
    // The host application hears of every user and membership that came back, in the catalogue's own types.
    const events = await db.query<{ type: string; n: number; resources: number }>(
      `select type, count(*)::int as n, count(distinct resource_id)::int as resources from directory_event
        where company_id = $1 and id > $2 group by type order by type`, [seeded.companyId, lastEventBefore]);
    expect(events.rows).toEqual([
      { type: 'bulk_delete.finished', n: 1, resources: 1 },
      { type: 'bulk_delete.started', n: 1, resources: 1 },
      // 200 groups of 50.
      { type: 'group.member_added', n: 10_000, resources: 200 },
      { type: 'user.created', n: 10_000, resources: 10_000 },
    ]);
    await expect(service.restoreRun(seeded.companyId, restore.id, operator(seeded))).rejects.toThrow(/for good/);
  }, 120_000);
});

describe('the archive\'s delete rules (triggers: the archive has no foreign keys)', () => {
  const archived = (companyId: string) => count('deleted_directory_user where company_id = $1', [companyId]);
  const archivedMemberships = (companyId: string) => count('deleted_group_membership where company_id = $1', [companyId]);

  it('a deleted job, group or company takes its archived rows along, past 100, and leaves other companies\' alone', async () => {
    const a = await company();
    const b = await company();
    for (const c of [a, b]) {
      await seedDirectory(db, { companyId: c.seeded.companyId, prefix: 'arch', users: 130, groupSize: 65 });
      const job = await t.services().bulkDelete.start(c.seeded.companyId, operator(c.seeded));
      expect(await waitForEnd(c.seeded.companyId, job.id)).toMatchObject({ status: 'SUCCEEDED', deleted: 130 });
    }
    const { companyId } = a.seeded;
    expect([await archived(companyId), await archivedMemberships(companyId)]).toEqual([130, 130]);

    await db.query('delete from bulk_delete_job where company_id = $1', [companyId]);
    expect(await count('deleted_directory_user where company_id = $1 and bulk_delete_job_id is not null', [companyId])).toBe(0);
    expect(await archived(companyId)).toBe(130);

    await db.query(`delete from directory_group where company_id = $1 and display_name = 'archg1'`, [companyId]);
    expect(await archivedMemberships(companyId)).toBe(65);

    await db.query('delete from company where id = $1', [companyId]);
    expect([await archived(companyId), await archivedMemberships(companyId)]).toEqual([0, 0]);
    expect([await archived(b.seeded.companyId), await archivedMemberships(b.seeded.companyId)]).toEqual([130, 130]);
    expect(await count('deleted_directory_user where company_id = $1 and bulk_delete_job_id is not null', [b.seeded.companyId])).toBe(130);
  }, 60_000);

  it('a purged user takes its archived memberships along; a deleted token leaves a null reference; restores skip a group that is gone', async () => {
    const { seeded, scim } = await company();
    const posted = (await scim('POST', '/Users', user('arch-posted@example.com', { externalId: 'arch-1' }))).body;
    const kept = (await scim('POST', '/Users', user('arch-kept@example.com'))).body;
    const purged = (await scim('POST', '/Users', user('arch-purged@example.com'))).body;
    const members = [posted, kept, purged].map((u: { id: string }) => ({ value: u.id }));
    const group = (await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Archive', members })).body;
    for (const u of [posted, kept, purged]) expect((await scim('DELETE', `/Users/${u.id}`)).status).toBe(204);
    expect(await archivedMemberships(seeded.companyId)).toBe(3);

    await db.query('delete from deleted_directory_user where company_id = $1 and id = $2', [seeded.companyId, purged.id]);
    expect(await count('deleted_group_membership where company_id = $1 and member_user_id = $2', [seeded.companyId, purged.id])).toBe(0);

    // Memberships left behind by a group deleted while its member was being archived.
    const gone = '00000000-0000-4000-8000-000000000001';
    for (const u of [posted, kept]) {
      await db.query('insert into deleted_group_membership (company_id, member_user_id, group_id, created_at) values ($1, $2, $3, now())', [seeded.companyId, u.id, gone]);
    }
    const again = await scim('POST', '/Users', user('arch-posted@example.com', { externalId: 'arch-1' }));
    expect([again.status, again.body.id]).toEqual([201, posted.id]);
    expect(again.body.groups).toEqual([expect.objectContaining({ value: group.id })]);

    const { rows: [token] } = await db.query<{ id: string | null }>('select created_by_token_id as id from deleted_directory_user where company_id = $1 and id = $2', [seeded.companyId, kept.id]);
    expect(token?.id).toBeTruthy();
    await db.query('delete from scim_token where company_id = $1 and id = $2', [seeded.companyId, token!.id]);
    expect(await count('deleted_directory_user where company_id = $1 and (created_by_token_id is not null or updated_by_token_id is not null)', [seeded.companyId])).toBe(0);

    const restored = await t.services().deprovisioning.restoreUsers(seeded.companyId, [kept.id], seeded.email);
    expect(restored.restored).toEqual([kept.id]);
    expect(await count('directory_membership where company_id = $1 and member_user_id = any($2)', [seeded.companyId, [posted.id, kept.id]])).toBe(2);
    expect(await count('directory_membership where company_id = $1 and group_id = $2', [seeded.companyId, group.id])).toBe(2);
    expect([await archived(seeded.companyId), await archivedMemberships(seeded.companyId)]).toEqual([0, 0]);
  });
});
