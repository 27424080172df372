import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createEventStore, START, toEventView, type EventRow } from '../src/modules/events/event-store.js';
import type { Principal } from '../src/modules/access/principal.js';
import { startTestApp, type TestApp } from './harness.js';
import { scimClient } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { seedDirectory } from './directory-seed.js';

let t: TestApp;
let db: pg.Client;

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await t?.close();
});

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * The company's events once all of them are settled: a transaction of the app's own (an activity
 * entry, a worker's claim) still open keeps the horizon below the last write for a moment.
 */
async function eventsOf(companyId: string): Promise<EventRow[]> {
  const unsettled = async () => (await db.query<{ n: number }>(
    'select count(*)::int as n from directory_event where company_id = $1 and tx_id >= directory_event_horizon()', [companyId],
  )).rows[0]!.n;
  for (let tries = 0; (await unsettled()) > 0; tries += 1) {
    if (tries > 200) throw new Error('events never settled');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return createEventStore(t.sql).list(companyId, START, 1000);
}

async function tokenIdOf(companyId: string): Promise<string> {
  return (await db.query<{ id: string }>('select id from scim_token where company_id = $1', [companyId])).rows[0]!.id;
}

describe('the outbox', () => {
  let company: SeededCompany;
  let scim: ReturnType<typeof scimClient>;
  beforeAll(async () => {
    company = await seedCompany(t);
    scim = scimClient(company);
  });

  it('writes each user change with the resource as SCIM returns it, a growing version and the SCIM token', async () => {
    const created = await scim('POST', '/Users', { schemas: [USER], userName: 'ada@example.com', name: { givenName: 'Ada' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const patch = (operations: unknown[]) => scim('PATCH', `/Users/${id}`, { schemas: [PATCH], Operations: operations });
    expect((await patch([{ op: 'replace', path: 'displayName', value: 'Ada L.' }])).status).toBe(200);
    expect((await patch([{ op: 'replace', path: 'active', value: false }])).status).toBe(200);
    expect((await patch([{ op: 'replace', path: 'active', value: true }])).status).toBe(200);
    expect((await scim('PUT', `/Users/${id}`, { schemas: [USER], userName: 'ada@example.com', active: true })).status).toBe(200);
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);

    const events = (await eventsOf(company.companyId)).filter((event) => event.resourceId === id);
    expect(events.map((event) => event.type)).toEqual([
      'user.created', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.updated', 'user.deleted',
    ]);
    const versions = events.map((event) => BigInt(event.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(versions).size).toBe(versions.length);
    const tokenId = await tokenIdOf(company.companyId);
    expect(events.every((event) => event.source === `scim_token:${tokenId}`)).toBe(true);
    expect(events[0]!.data).toMatchObject({ id, userName: 'ada@example.com', version: 1 });
    expect(events[2]!.data).toMatchObject({ active: false, displayName: 'Ada L.' });
    expect(events[5]!.data).toEqual({ id, userName: 'ada@example.com', externalId: null });
  });

  it('writes group changes and membership changes, but no member_removed for a deleted member', async () => {
    const user = (await scim('POST', '/Users', { schemas: [USER], userName: 'grace@example.com' })).body.id as string;
    const other = (await scim('POST', '/Users', { schemas: [USER], userName: 'linus@example.com' })).body.id as string;
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Engineering', members: [{ value: user }],
    });
    expect(group.status).toBe(201);
    const gid = group.body.id as string;
    const patch = (operations: unknown[]) => scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: operations });
    expect((await patch([{ op: 'add', path: 'members', value: [{ value: other }] }])).status).toBeLessThan(300);
    expect((await patch([{ op: 'remove', path: `members[value eq "${other}"]` }])).status).toBeLessThan(300);
    expect((await patch([{ op: 'replace', path: 'displayName', value: 'Eng' }])).status).toBeLessThan(300);
    expect((await scim('DELETE', `/Users/${user}`)).status).toBe(204);
    expect((await scim('DELETE', `/Groups/${gid}`)).status).toBe(204);

    const events = (await eventsOf(company.companyId)).filter((event) => event.resourceId === gid);
    expect(events.map((event) => event.type)).toEqual([
      'group.created', 'group.member_added', 'group.member_added', 'group.member_removed', 'group.updated', 'group.deleted',
    ]);
    expect(events[1]!.data).toMatchObject({ group: { id: gid, displayName: 'Engineering' }, member: { value: user, type: 'User' } });
    expect(events[3]!.data).toMatchObject({ member: { value: other } });
    expect(events[5]!.data).toEqual({ id: gid, displayName: 'Eng', externalId: null });
  });

  it('writes member_removed for each user and group taken out in one statement, past 100, and none for members deleted', async () => {
    const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
    const users: string[] = [];
    for (let i = 0; i < 130; i += 10) {
      const created = await Promise.all(Array.from({ length: 10 }, (_, j) =>
        scim('POST', '/Users', { schemas: [USER], userName: `member${i + j}@example.com` })));
      users.push(...created.map((response) => response.body.id as string));
    }
    const child = (await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Child' })).body.id as string;
    const parent = await scim('POST', '/Groups', {
      schemas: [GROUP], displayName: 'Parent', members: [...users, child].map((value) => ({ value })),
    });
    expect(parent.status).toBe(201);
    const pid = parent.body.id as string;
    const patch = (operations: unknown[]) => scim('PATCH', `/Groups/${pid}`, { schemas: [PATCH], Operations: operations });
    const taken = [...users.slice(0, 120), child];
    expect((await patch([{ op: 'remove', path: 'members', value: taken.map((value) => ({ value })) }])).status).toBeLessThan(300);
    expect((await patch([{ op: 'add', path: 'members', value: [{ value: child }] }])).status).toBeLessThan(300);
    expect((await scim('DELETE', `/Groups/${child}`)).status).toBe(204);
    expect((await scim('DELETE', `/Users/${users[125]!}`)).status).toBe(204);

    const removed = (await eventsOf(company.companyId)).filter((event) => event.resourceId === pid && event.type === 'group.member_removed');
    const members = removed.map((event) => (event.data as { member: { value: string; type: string } }).member);
    expect(members).toHaveLength(121);
    expect(new Set(members.map((member) => member.value))).toEqual(new Set(taken));
    expect(members.filter((member) => member.type === 'Group')).toEqual([{ value: child, type: 'Group' }]);
  });

  it('writes nothing for a write that fails or rolls back', async () => {
    const before = (await eventsOf(company.companyId)).length;
    const refused = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Ghosts',
      members: [{ value: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(refused.status).toBe(400);
    await db.query('begin');
    await db.query(`insert into directory_user (id, company_id, source, user_name, attributes) values (gen_random_uuid(), $1, 'SCIM', 'x', '{}')`,
      [company.companyId]);
    expect(Number((await db.query('select count(*) from directory_event where company_id = $1', [company.companyId])).rows[0].count))
      .toBe(before + 1);
    await db.query('rollback');
    expect((await eventsOf(company.companyId)).length).toBe(before);
  });

  it('writes one event per Bulk operation', async () => {
    const before = (await eventsOf(company.companyId)).length;
    const result = await scim('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'a', data: { schemas: [USER], userName: 'bulk-a@example.com' } },
        { method: 'POST', path: '/Users', bulkId: 'b', data: { schemas: [USER], userName: 'bulk-b@example.com' } },
      ],
    });
    expect(result.status).toBe(200);
    const events = (await eventsOf(company.companyId)).slice(before);
    expect(events.map((event) => [event.type, (event.data as { userName: string }).userName])).toEqual([
      ['user.created', 'bulk-a@example.com'], ['user.created', 'bulk-b@example.com'],
    ]);
  });

  it('writes scim.deactivated and scim.activated when the status flips, and nothing when it does not', async () => {
    const own = await seedCompany(t);
    await t.services().companies.deactivateScim(own.companyId, 'ops@example.test', 'operator:ops@example.test');
    await t.services().companies.deactivateScim(own.companyId, 'ops@example.test', 'operator:ops@example.test');
    await t.services().companies.activateScim(own.companyId, 'cli', 'cli');
    const events = (await eventsOf(own.companyId)).filter((event) => event.type.startsWith('scim.'));
    expect(events.map((event) => [event.type, event.source])).toEqual([['scim.deactivated', 'operator:ops@example.test'], ['scim.activated', 'cli']]);
    expect(events[0]!.data).toMatchObject({ id: own.companyId, scimStatus: 'INACTIVE' });
  });

  it('writes user.deleted for each user Delete All Users removes, between bulk_delete.started and finished', async () => {
    const own = await seedCompany(t);
    await seedDirectory(db, { companyId: own.companyId, prefix: 'd', users: 250, groupSize: 20 });
    const before = (await eventsOf(own.companyId)).length;
    const principal: Principal = { kind: 'operator', id: own.companyId, companyId: own.companyId, name: 'ops@example.test', permissions: ['users:delete'] };
    const job = await t.services().bulkDelete.start(own.companyId, principal);
    const deadline = Date.now() + 20_000;
    while ((await t.services().bulkDelete.findJob(own.companyId, job.id))?.status !== 'SUCCEEDED') {
      if (Date.now() > deadline) throw new Error('bulk delete did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const events = (await eventsOf(own.companyId)).slice(before);
    expect(events[0]!.type).toBe('bulk_delete.started');
    expect(events.at(-1)).toMatchObject({ type: 'bulk_delete.finished', data: { status: 'SUCCEEDED', deleted: 250 } });
    const deleted = events.filter((event) => event.type === 'user.deleted');
    expect(deleted).toHaveLength(250);
    expect(new Set(deleted.map((event) => event.resourceId)).size).toBe(250);
    expect(deleted.every((event) => event.source === 'operator:ops@example.test')).toBe(true);
    expect([events[0]!.source, events.at(-1)!.source]).toEqual(['operator:ops@example.test', 'operator:ops@example.test']);
    expect(events.filter((event) => event.type === 'group.member_removed')).toHaveLength(0);
  });
});

describe('events written by application code (guard, SCIM tokens, policy)', () => {
  it('share the outbox\'s order with the triggers\' events, are shown as stored, and a rolled-back change leaves none', async () => {
    const own = await seedCompany(t);
    const services = t.services();
    const before = (await eventsOf(own.companyId)).length;
    await scimClient(own)('POST', '/Users', { schemas: [USER], userName: 'first@example.com' });
    await services.deprovisioning.updatePolicy(own.companyId, { policy: 'HARD_DELETE', retentionDays: 7 }, 'cli', 'cli');
    const { token } = await services.tokens.createScimToken(own.companyId, 'Okta', 'cli', 'DAYS_90', 'cli');
    await services.deprovisioningGuard.update(own.companyId, { enabled: false }, 'cli', 'cli');
    await scimClient(own)('POST', '/Users', { schemas: [USER], userName: 'last@example.com' });
    await expect(services.deprovisioning.updatePolicy(own.companyId, { policy: 'SOFT_DELETE', retentionDays: 0 }, 'cli', 'cli')).rejects.toThrow(/retention/);
    await expect(services.deprovisioningGuard.update(own.companyId, { enabled: true, windowMinutes: 0 }, 'cli', 'cli')).rejects.toThrow(/window/);
    await expect(services.tokens.revokeScimToken(own.companyId, '00000000-0000-4000-8000-000000000000', 'cli', 'cli')).rejects.toThrow(/not found/);

    const events = (await eventsOf(own.companyId)).slice(before);
    expect(events.map((event) => [event.type, event.resourceType, event.source?.startsWith('scim_token:') ? 'scim' : event.source])).toEqual([
      ['user.created', 'User', 'scim'],
      ['deprovisioning_policy.updated', 'DeprovisioningPolicy', 'cli'],
      ['scim_token.created', 'ScimToken', 'cli'],
      ['deprovisioning_guard.updated', 'DeprovisioningGuard', 'cli'],
      ['user.created', 'User', 'scim'],
    ]);
    expect(events[2]!.resourceId).toBe(token.id);
    expect(events[3]!.data).toMatchObject({ settings: { enabled: false }, from: { enabled: true }, to: { enabled: false } });
    for (const event of events.slice(1, 4)) expect(toEventView(event, 'https://roster.example.com').data).toEqual(event.data);
  });
});

describe('a company deleted with its directory', () => {
  it('takes its events along, writes none for the rows its deletion removes, and leaves other companies\' events', async () => {
    const gone = await seedCompany(t);
    const kept = await seedCompany(t);
    await seedDirectory(db, { companyId: gone.companyId, prefix: 'g', users: 120, groupSize: 30 });
    await seedDirectory(db, { companyId: kept.companyId, prefix: 'k', users: 3 });
    const keptBefore = await eventsOf(kept.companyId);
    expect((await eventsOf(gone.companyId)).length).toBeGreaterThan(120);
    await db.query('delete from company where id = $1', [gone.companyId]);
    const left = await db.query('select count(*)::int as n from directory_event where company_id = $1', [gone.companyId]);
    expect(left.rows[0].n).toBe(0);
    expect(await eventsOf(kept.companyId)).toEqual(keptBefore);
  });
});

describe('the source of Delete All Users events', () => {
  it('names the API token that started the run by its id, on every event of the run', async () => {
    const own = await seedCompany(t);
    await seedDirectory(db, { companyId: own.companyId, prefix: 'k', users: 30, groupSize: 10 });
    const before = (await eventsOf(own.companyId)).length;
    const tokenId = (await db.query<{ id: string }>('select id from api_token where company_id = $1', [own.companyId])).rows[0]!.id;
    const principal: Principal = { kind: 'apiToken', id: tokenId, companyId: own.companyId, name: 'Test integration', permissions: ['users:delete'] };
    const job = await t.services().bulkDelete.start(own.companyId, principal);
    const deadline = Date.now() + 20_000;
    while ((await t.services().bulkDelete.findJob(own.companyId, job.id))?.status !== 'SUCCEEDED') {
      if (Date.now() > deadline) throw new Error('bulk delete did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const events = (await eventsOf(own.companyId)).slice(before);
    expect(events.map((event) => event.type).filter((type) => type !== 'user.deleted')).toEqual(['bulk_delete.started', 'bulk_delete.finished']);
    expect(events.filter((event) => event.type === 'user.deleted')).toHaveLength(30);
    expect(new Set(events.map((event) => event.source))).toEqual(new Set([`api_token:${tokenId}`]));
  });
});

describe('retention', () => {
  it('prunes events older than the retention period and keeps the rest', async () => {
    const own = await seedCompany(t);
    await scimClient(own)('POST', '/Users', { schemas: [USER], userName: 'old@example.com' });
    await scimClient(own)('POST', '/Users', { schemas: [USER], userName: 'new@example.com' });
    await db.query(`update directory_event set occurred_at = now() - interval '31 days'
      where company_id = $1 and data->>'userName' = 'old@example.com'`, [own.companyId]);
    const pruned = await createEventStore(t.sql).prune(30);
    expect(pruned).toBeGreaterThanOrEqual(1);
    const users = (await eventsOf(own.companyId)).filter((event) => event.resourceType === 'User');
    expect(users.map((event) => event.data['userName'])).toEqual(['new@example.com']);
  });
});
