/** Cached SCIM token checks never outlive a revocation or a change of the company's SCIM access. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';
import { scimClient } from './scim-client.js';

let t: TestApp;
let other: pg.Client;
beforeAll(async () => {
  t = await startTestApp();
  // Another process as far as the server can tell: its own connection, none of the server's code.
  other = new pg.Client({ connectionString: t.database.url });
  await other.connect();
});
afterAll(async () => {
  await other.end();
  await t.close();
});

/** Polls until the request answers `status`; returns how long that took. */
async function until(status: number, request: () => Promise<{ status: number }>, limitMs = 1_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await request()).status === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`still not ${status} after ${limitMs} ms`);
}

describe('SCIM token cache, same process', () => {
  it('refuses a revoked token on the very next request', async () => {
    const c = await seedCompany(t);
    const token = await t.services().tokens.createScimToken(c.companyId, 'Rotating IdP', 'test');
    const scim = scimClient(c, { token: token.secret });
    expect((await scim('GET', '/Users')).status).toBe(200);
    expect((await scim('GET', '/Users')).status).toBe(200);
    await t.services().tokens.revokeScimToken(c.companyId, token.token.id, 'test');
    expect((await scim('GET', '/Users')).status).toBe(401);
    expect((await scimClient(c)('GET', '/Users')).status).toBe(200);
  });

  it('refuses at once after deactivation or Entra ID, and accepts at once after reactivation', async () => {
    const c = await seedCompany(t);
    const scim = scimClient(c);
    expect((await scim('GET', '/Users')).status).toBe(200);
    await t.services().companies.deactivateScim(c.companyId, 'test');
    expect((await scim('GET', '/Users')).status).toBe(403);
    await t.services().companies.activateScim(c.companyId, 'test');
    expect((await scim('GET', '/Users')).status).toBe(200);
    await t.services().companies.setEntraId(c.companyId, true, 'test');
    expect((await scim('GET', '/Users')).body.detail).toMatch(/Entra ID/);
  });
});

describe('SCIM token cache, changes made by another process', () => {
  it('refuses a token revoked elsewhere within a second', async () => {
    const c = await seedCompany(t);
    const scim = scimClient(c);
    expect((await scim('GET', '/Users')).status).toBe(200);
    await other.query('update scim_token set revoked_at = now() where company_id = $1', [c.companyId]);
    expect(await until(401, () => scim('GET', '/Users'))).toBeLessThan(1_000);
  });

  // A distributed database runs the scim_auth trigger on a worker, whose NOTIFY never reaches the
  // application (docs/scaling.md): the cache's few seconds then bound how long a revoked token works.
  it('refuses a token revoked elsewhere without a notification once its cached check expires', async () => {
    const c = await seedCompany(t);
    const scim = scimClient(c);
    expect((await scim('GET', '/Users')).status).toBe(200);
    await other.query(`begin; set local session_replication_role = replica;
      update scim_token set revoked_at = now() where company_id = '${c.companyId}'; commit;`);
    expect((await scim('GET', '/Users')).status).toBe(200);
    const waited = await until(401, () => scim('GET', '/Users'), 7_000);
    expect(waited).toBeGreaterThan(1_000);
    expect(waited).toBeLessThan(6_000);
  });

  it('refuses a company deactivated elsewhere (the CLI, another replica) within a second', async () => {
    const c = await seedCompany(t);
    const scim = scimClient(c);
    expect((await scim('GET', '/Users')).status).toBe(200);
    await other.query(`update company set scim_status = 'INACTIVE' where id = $1`, [c.companyId]);
    expect(await until(403, () => scim('GET', '/Users'))).toBeLessThan(1_000);
    await other.query(`update company set scim_status = 'ACTIVE' where id = $1`, [c.companyId]);
    expect(await until(200, () => scim('GET', '/Users'))).toBeLessThan(1_000);
  });

  it('does not notify for last-used bookkeeping', async () => {
    const heard: unknown[] = [];
    const unsubscribe = await t.events.subscribe('scim_auth', (payload) => heard.push(payload));
    const c = await seedCompany(t);
    await other.query('update scim_token set last_used_at = now() where company_id = $1', [c.companyId]);
    await other.query(`update company set name = 'Renamed' where id = $1`, [c.companyId]);
    await other.query(`update company set scim_status = 'INACTIVE' where id = $1`, [c.companyId]);
    const mine = () => heard.filter((payload) => (payload as { companyId: string }).companyId === c.companyId);
    await until(1, async () => ({ status: mine().length }));
    expect(mine()).toEqual([{ companyId: c.companyId }]);
    await unsubscribe();
  });
});
