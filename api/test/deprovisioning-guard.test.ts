/** The mass-deprovisioning guard on a real database, under an Entra replay of a scoping mistake. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { seedDirectory } from './directory-seed.js';
import { keepAliveClient } from './keep-alive-client.js';
import { gql, signIn } from './graphql-helpers.js';
import { PATCH_OP, USER_URN, scimClient } from './scim-client.js';

const ENTRA = 'Azure Active Directory SCIM Client';
const DEACTIVATE = JSON.stringify({ schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: false }] });

let t: TestApp;
let db: pg.Client;
beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

interface Directory { company: SeededCompany; ids: string[] }

async function directoryOf(users: number, prefix = 'e'): Promise<Directory> {
  const company = await seedCompany(t);
  await seedDirectory(db, { companyId: company.companyId, prefix, users });
  const rows = await db.query<{ id: string }>(
    'select id from directory_user where company_id = $1 order by created_at', [company.companyId]);
  return { company, ids: rows.rows.map((row) => row.id) };
}

/** Entra's provisioning job: a pool of keep-alive connections, `concurrency` requests in flight. */
async function replay<T>(items: T[], concurrency: number, send: (item: T) => Promise<number>): Promise<number[]> {
  const statuses: number[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const index = next++;
      statuses[index] = await send(items[index]!);
    }
  }));
  return statuses;
}

function entraClient(company: SeededCompany, sockets = 16) {
  const client = keepAliveClient(company.scimBaseUrl, sockets);
  const path = new URL(company.scimBaseUrl).pathname;
  const headers = { authorization: `Bearer ${company.scimToken}`, 'content-type': 'application/scim+json', 'user-agent': ENTRA };
  return {
    ...client,
    send: (method: string, resource: string, body?: string) => client.request(method, `${path}${resource}`, { headers, body }),
  };
}

const histogram = (statuses: number[]) => Object.fromEntries([...new Set(statuses)].map((s) => [s, count(statuses, s)]));
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

async function inactiveCount(companyId: string): Promise<number> {
  return (await inactiveIds(companyId)).length;
}

async function inactiveIds(companyId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('select id from directory_user where company_id = $1 and active = false order by id', [companyId]);
  return rows.rows.map((row) => row.id);
}

interface GuardEvent { type: string; source: string | null; resourceType: string; resourceId: string; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

/** The company's deprovisioning_guard.* events in the outbox, oldest first. */
async function guardEvents(companyId: string, type?: string): Promise<GuardEvent[]> {
  const rows = await db.query<GuardEvent>(`select type, source, resource_type as "resourceType", resource_id as "resourceId", data
      from directory_event where company_id = $1 and type like 'deprovisioning_guard.%' and ($2::text is null or type = $2) order by id`,
  [companyId, type ?? null]);
  return rows.rows;
}

const idOf = async (table: 'scim_token' | 'api_token', companyId: string) =>
  (await db.query<{ id: string }>(`select id from ${table} where company_id = $1 order by created_at limit 1`, [companyId])).rows[0]!.id;

/** The ids `statuses` (in the order of `ids`) answered with `status`, sorted. */
const idsAnswered = (ids: string[], statuses: number[], status: number) => ids.filter((_, i) => statuses[i] === status).sort();

const GUARD = `{ deprovisioningGuard { state trippedAt trippedByTokenLabel releasedUntil heldBack appliedInWindow admittedPerWindow
  heldBackByToken { tokenLabel count } lastRefused { id operation resourceId tokenLabel activityId }
  settings { enabled thresholdPercent thresholdMinimum windowMinutes } viewerCanManage } }`;

async function guardOf(company: SeededCompany) {
  const response = await gql<{ deprovisioningGuard: any }>(t, GUARD, {}, { token: company.apiToken }); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(response.errors).toBeUndefined();
  return response.data!.deprovisioningGuard;
}

describe('an Entra replay of a scoping mistake (2,000 users, PATCH active=false at concurrency 16)', () => {
  let entra: ReturnType<typeof entraClient>;
  let d: Directory;
  let statuses: number[];
  /**
   * The users whose deactivation was refused, in the replay's order. Sixteen requests in flight
   * reach the guard in no fixed order, so the 200 admitted are not simply the first 200 ids.
   */
  let refused: string[];
  beforeAll(async () => {
    d = await directoryOf(2000);
    entra = entraClient(d.company);
    statuses = await replay(d.ids, 16, async (id) => {
      // Entra looks the user up before it patches it.
      await entra.send('GET', `/Users/${id}`);
      const response = await entra.send('PATCH', `/Users/${id}`, DEACTIVATE);
      if (response.status === 503) {
        expect(response.headers['retry-after']).toBe('300');
        expect(response.body.detail).toMatch(/mass-deprovisioning guard/);
        expect(response.headers['content-type']).toMatch(/application\/scim\+json/);
      }
      return response.status;
    });
    refused = d.ids.filter((_, i) => statuses[i] === 503);
  }, 480_000);
  afterAll(() => entra.close());

  it('applies exactly 10 % of the directory, then refuses every further deactivation with 503', async () => {
    expect(histogram(statuses)).toEqual({ 200: 200, 503: 1800 });
    // Every 200 deactivated its user, and nothing refused did.
    expect(await inactiveIds(d.company.companyId)).toEqual(idsAnswered(d.ids, statuses, 200));
    const guard = await guardOf(d.company);
    expect(guard).toMatchObject({
      state: 'TRIPPED', trippedByTokenLabel: 'Test IdP', heldBack: 1800, appliedInWindow: 200, admittedPerWindow: 200,
      heldBackByToken: [{ tokenLabel: 'Test IdP', count: 1800 }],
      settings: { enabled: true, thresholdPercent: 10, thresholdMinimum: 25, windowMinutes: 60 }, viewerCanManage: true,
    });
    expect(guard.lastRefused).toHaveLength(10);
    const trips = await db.query("select actor, detail from audit_entry where company_id = $1 and action = 'deprovisioning-guard.tripped'", [d.company.companyId]);
    expect(trips.rows).toEqual([{ actor: 'system', detail: expect.objectContaining({ tokenLabel: 'Test IdP', operation: 'Deactivate User', thresholdPercent: 10 }) }]);
    // Sixteen requests crossed the threshold together: one event for the trip, written with its audit entry.
    const tokenId = await idOf('scim_token', d.company.companyId);
    const events = await guardEvents(d.company.companyId);
    expect(events).toEqual([{
      type: 'deprovisioning_guard.tripped', source: `scim_token:${tokenId}`, resourceType: 'DeprovisioningGuard', resourceId: d.company.companyId,
      data: expect.objectContaining({
        state: 'TRIPPED', trippedByTokenId: tokenId, trippedByTokenLabel: 'Test IdP', releasedUntil: null, appliedInWindow: 200,
        settings: { enabled: true, thresholdPercent: 10, thresholdMinimum: 25, windowMinutes: 60 }, operation: 'Deactivate User',
      }),
    }]);
    // Requests that tripped it together date the trip by the earliest of them, perhaps after the event was written.
    expect(Date.parse(events[0]!.data.trippedAt) - Date.parse(guard.trippedAt)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(events[0]!.data.trippedAt) - Date.parse(guard.trippedAt)).toBeLessThan(10_000);
    expect(events[0]!.data.heldBack).toBeGreaterThanOrEqual(1);
    expect(d.ids).toContain(events[0]!.data.resourceId);
  });

  it('links the last refused requests to their activity rows', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const guard = await guardOf(d.company);
    for (const refused of guard.lastRefused) {
      expect(refused.operation).toBe('Deactivate User');
      const event = await db.query('select status, resource_id, operation from provisioning_event where id = $1', [refused.activityId]);
      expect(event.rows[0]).toEqual({ status: 503, resource_id: refused.resourceId, operation: 'Update User' });
    }
  });

  it('goes on with creates, updates and reads, and refuses deletes and PUT active=false', async () => {
    const created = await entra.send('POST', '/Users', JSON.stringify({ schemas: [USER_URN], userName: 'new.hire@example.com' }));
    expect(created.status).toBe(201);
    const rename = JSON.stringify({ schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'displayName', value: 'Renamed' }] });
    expect((await entra.send('PATCH', `/Users/${d.ids[1999]}`, rename)).status).toBe(200);
    expect((await entra.send('GET', `/Users?filter=${encodeURIComponent('userName eq "eu1999"')}`)).body.totalResults).toBe(1);
    // Already inactive: nothing to deactivate, so nothing to refuse.
    const deactivated = idsAnswered(d.ids, statuses, 200)[0]!;
    expect((await entra.send('PATCH', `/Users/${deactivated}`, DEACTIVATE)).status).toBe(200);
    expect((await entra.send('DELETE', `/Users/${d.ids[1998]}`)).status).toBe(503);
    const put = JSON.stringify({ schemas: [USER_URN], userName: 'eu1997', active: false });
    expect((await entra.send('PUT', `/Users/${d.ids[1997]}`, put)).status).toBe(503);
    const bulk = await entra.send('POST', '/Bulk', JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        { method: 'PATCH', path: `/Users/${d.ids[1996]}`, data: JSON.parse(DEACTIVATE) },
        { method: 'POST', path: '/Users', bulkId: 'b1', data: { schemas: [USER_URN], userName: 'bulk.hire@example.com' } },
      ],
    }));
    expect(bulk.body.Operations.map((op: { status: string }) => op.status)).toEqual(['503', '201']);
    expect(await inactiveCount(d.company.companyId)).toBe(200);
    expect((await db.query('select 1 from directory_user where id = $1', [d.ids[1998]])).rowCount).toBe(1);
  });

  it('lets the retries through once released, applies nothing refused on its own, and re-arms when the release ends', async () => {
    expect(await inactiveCount(d.company.companyId)).toBe(200);
    const { heldBack } = await guardOf(d.company);
    const cookie = await signIn(t, d.company.email, d.company.password);
    const released = await gql<{ releaseDeprovisioningGuard: { state: string; releasedUntil: string } }>(
      t, 'mutation { releaseDeprovisioningGuard(minutes: 30) { state releasedUntil } }', {}, { cookie });
    expect(released.data?.releaseDeprovisioningGuard.state).toBe('RELEASED');
    const until = new Date(released.data!.releaseDeprovisioningGuard.releasedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(29 * 60_000);
    const audit = await db.query("select actor, detail from audit_entry where company_id = $1 and action = 'deprovisioning-guard.released'", [d.company.companyId]);
    expect(audit.rows[0]).toMatchObject({ actor: d.company.email, detail: { minutes: 30, state: 'TRIPPED', heldBack } });
    expect(heldBack).toBeGreaterThanOrEqual(1800);
    const [releaseEvent] = await guardEvents(d.company.companyId, 'deprovisioning_guard.released');
    expect(releaseEvent).toMatchObject({
      source: `operator:${d.company.email}`, resourceId: d.company.companyId,
      data: { state: 'RELEASED', trippedAt: null, heldBack: 0, minutes: 30, released: { state: 'TRIPPED', trippedByTokenLabel: 'Test IdP', heldBack } },
    });
    expect(Date.parse(releaseEvent!.data.releasedUntil)).toBe(until);

    // Entra retries what it was refused; 800 of those retries arrive during the release.
    const retried = refused.slice(0, 800);
    const retries = await replay(retried, 16, async (id) => (await entra.send('PATCH', `/Users/${id}`, DEACTIVATE)).status);
    expect(count(retries, 200)).toBe(800);
    expect(await inactiveIds(d.company.companyId)).toEqual([...idsAnswered(d.ids, statuses, 200), ...retried].sort());

    // The release ends (its end moved into the past): armed again, counting from the release's end.
    await db.query("update deprovisioning_guard set released_until = now() - interval '1 second' where company_id = $1", [d.company.companyId]);
    expect((await guardOf(d.company)).state).toBe('ARMED');
    const after = await replay(refused.slice(800, 1100), 16, async (id) => (await entra.send('PATCH', `/Users/${id}`, DEACTIVATE)).status);
    // 2,002 SCIM users now (two hires): 200 admitted, then tripped again.
    expect(count(after, 200)).toBe(200);
    expect(count(after, 503)).toBe(100);
    expect((await guardOf(d.company)).state).toBe('TRIPPED');
    const trips = await db.query("select count(*)::int as n from audit_entry where company_id = $1 and action = 'deprovisioning-guard.tripped'", [d.company.companyId]);
    expect(trips.rows[0].n).toBe(2);
    expect((await guardEvents(d.company.companyId)).map((event) => event.type)).toEqual([
      'deprovisioning_guard.tripped', 'deprovisioning_guard.released', 'deprovisioning_guard.tripped',
    ]);
  }, 300_000);
});

describe('per-company settings, the sliding window and tenant isolation', () => {
  it('trips at a company\'s own threshold and leaves other companies alone', async () => {
    const small = await directoryOf(40, 's');
    const other = await directoryOf(40, 'o');
    const updated = await gql<{ updateDeprovisioningGuard: { settings: { thresholdPercent: number; thresholdMinimum: number } } }>(
      t, 'mutation { updateDeprovisioningGuard(thresholdPercent: 20, thresholdMinimum: 5) { settings { thresholdPercent thresholdMinimum } } }',
      {}, { token: small.company.apiToken });
    expect(updated.data?.updateDeprovisioningGuard.settings).toEqual({ thresholdPercent: 20, thresholdMinimum: 5 });
    const audit = await db.query("select detail from audit_entry where company_id = $1 and action = 'deprovisioning-guard.updated'", [small.company.companyId]);
    expect(audit.rows[0]?.detail).toEqual({ from: { thresholdPercent: 10, thresholdMinimum: 25 }, to: { thresholdPercent: 20, thresholdMinimum: 5 } });
    expect(await guardEvents(small.company.companyId)).toEqual([{
      type: 'deprovisioning_guard.updated', source: `api_token:${await idOf('api_token', small.company.companyId)}`,
      resourceType: 'DeprovisioningGuard', resourceId: small.company.companyId,
      data: expect.objectContaining({
        state: 'ARMED', settings: { enabled: true, thresholdPercent: 20, thresholdMinimum: 5, windowMinutes: 60 },
        from: { thresholdPercent: 10, thresholdMinimum: 25 }, to: { thresholdPercent: 20, thresholdMinimum: 5 },
      }),
    }]);
    // The same settings again change nothing: no audit entry, no event.
    await gql(t, 'mutation { updateDeprovisioningGuard(thresholdPercent: 20) { state } }', {}, { token: small.company.apiToken });
    expect(await guardEvents(small.company.companyId)).toHaveLength(1);

    const scim = scimClient(small.company);
    const statuses: number[] = [];
    for (const id of small.ids.slice(0, 12)) statuses.push((await scim('DELETE', `/Users/${id}`)).status);
    // 20 % of 40 is 8: eight deletions, then the ninth trips.
    expect(statuses).toEqual([...Array(8).fill(204), ...Array(4).fill(503)]);
    expect((await guardOf(small.company)).state).toBe('TRIPPED');

    // The other company's 40 users may all go: fewer than its minimum of 25 within 10 %? No: 25 trips it.
    const otherScim = scimClient(other.company);
    const otherStatuses: number[] = [];
    for (const id of other.ids.slice(0, 26)) otherStatuses.push((await otherScim('DELETE', `/Users/${id}`)).status);
    expect(otherStatuses).toEqual([...Array(24).fill(204), 503, 503]);
    const view = await guardOf(other.company);
    expect(view.heldBackByToken).toEqual([{ tokenLabel: 'Test IdP', count: 2 }]);
    expect((await guardOf(small.company)).heldBack).toBe(4);
  });

  it('forgets what has left the window', async () => {
    const d = await directoryOf(30, 'w');
    const scim = scimClient(d.company);
    for (const id of d.ids.slice(0, 24)) expect((await scim('PATCH', `/Users/${id}`, JSON.parse(DEACTIVATE))).status).toBe(200);
    await db.query("update deprovisioning_applied set occurred_at = now() - interval '61 minutes' where company_id = $1", [d.company.companyId]);
    expect((await guardOf(d.company)).appliedInWindow).toBe(0);
    expect((await scim('PATCH', `/Users/${d.ids[24]}`, JSON.parse(DEACTIVATE))).status).toBe(200);
    expect((await guardOf(d.company)).state).toBe('ARMED');
  });

  it('holds nothing back when switched off; the deletes still name their token and honour If-Match', async () => {
    const d = await directoryOf(30, 'x');
    await gql(t, 'mutation { updateDeprovisioningGuard(enabled: false) { state } }', {}, { token: d.company.apiToken });
    const scim = scimClient(d.company);
    const [first, ...rest] = d.ids;
    const stale = await scim('DELETE', `/Users/${first}`, undefined, { 'if-match': 'W/"999"' });
    expect(stale.status).toBe(412);
    for (const id of d.ids) expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim('DELETE', `/Users/${first}`)).status).toBe(404);
    const tokenId = await idOf('scim_token', d.company.companyId);
    const events = await db.query<{ source: string; n: number }>(`select source, count(*)::int as n from directory_event
      where company_id = $1 and type = 'user.deleted' group by source`, [d.company.companyId]);
    expect(events.rows).toEqual([{ source: `scim_token:${tokenId}`, n: 1 + rest.length }]);
    expect((await guardOf(d.company)).appliedInWindow).toBe(0);
  });

  it('writes deactivations uncounted while switched off, and counts them again from the moment it is switched on', async () => {
    const d = await directoryOf(130, 'y');
    await gql(t, 'mutation { updateDeprovisioningGuard(enabled: false) { state } }', {}, { token: d.company.apiToken });
    const entra = entraClient(d.company);
    try {
      const off = await replay(d.ids.slice(0, 110), 16, async (id) => (await entra.send('PATCH', `/Users/${id}`, DEACTIVATE)).status);
      expect(histogram(off)).toEqual({ 200: 110 });
      expect(await inactiveCount(d.company.companyId)).toBe(110);
      const events = await db.query("select count(*)::int as n from directory_event where company_id = $1 and type = 'user.deactivated'", [d.company.companyId]);
      expect(events.rows[0].n).toBe(110);
      expect((await guardOf(d.company)).appliedInWindow).toBe(0);

      await gql(t, 'mutation { updateDeprovisioningGuard(enabled: true) { state } }', {}, { token: d.company.apiToken });
      const on = await replay(d.ids.slice(110), 4, async (id) => (await entra.send('PATCH', `/Users/${id}`, DEACTIVATE)).status);
      expect(count(on, 200)).toBeGreaterThan(0);
      expect((await guardOf(d.company)).appliedInWindow).toBe(count(on, 200));
    } finally {
      entra.close();
    }
  });

  it('refuses bad settings and release lengths with BAD_USER_INPUT, and needs iam:manage', async () => {
    const d = await directoryOf(1, 'y');
    for (const mutation of [
      'mutation { updateDeprovisioningGuard(thresholdPercent: 0) { state } }',
      'mutation { updateDeprovisioningGuard(windowMinutes: 100000) { state } }',
      'mutation { updateDeprovisioningGuard(thresholdPercent: 30, thresholdMinimum: 0) { state } }',
      'mutation { releaseDeprovisioningGuard(minutes: -5) { state } }',
    ]) {
      const response = await gql(t, mutation, {}, { token: d.company.apiToken });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const reader = await seedCompany(t, { permissions: ['iam:read'] });
    const denied = await gql(t, 'mutation { releaseDeprovisioningGuard { state } }', {}, { token: reader.apiToken });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Refused changes write no event, and the guard keeps its defaults.
    expect(await guardEvents(d.company.companyId)).toEqual([]);
    expect(await guardEvents(reader.companyId)).toEqual([]);
    expect((await guardOf(d.company)).settings).toEqual({ enabled: true, thresholdPercent: 10, thresholdMinimum: 25, windowMinutes: 60 });
    expect((await guardOf(reader)).viewerCanManage).toBe(false);
  });
});

describe('Delete All Users by an operator', () => {
  it('is not subject to the guard, even while it is tripped', async () => {
    const d = await directoryOf(60, 'z');
    const scim = scimClient(d.company);
    for (const id of d.ids.slice(0, 26)) await scim('DELETE', `/Users/${id}`);
    expect((await guardOf(d.company)).state).toBe('TRIPPED');
    const cookie = await signIn(t, d.company.email, d.company.password);
    const started = await gql<{ deleteAllScimUsers: { id: string } }>(t, 'mutation { deleteAllScimUsers { id } }', {}, { cookie });
    const jobId = started.data!.deleteAllScimUsers.id;
    for (let i = 0; i < 100; i += 1) {
      const job = await db.query('select status from bulk_delete_job where id = $1', [jobId]);
      if (job.rows[0]?.status === 'SUCCEEDED') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const left = await db.query("select count(*)::int as n from directory_user where company_id = $1 and source = 'SCIM'", [d.company.companyId]);
    expect(left.rows[0].n).toBe(0);
  });
});
