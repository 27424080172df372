import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { seedDirectory } from '../../api/test/directory-seed.js';
import type { Principal } from '../../api/src/modules/access/principal.js';
import { buildConsole, openBrowser, screenshot, signIn, type Browser } from './browser-harness.js';
import { provisionUser } from './scim-api.js';
import { expectNoSeriousViolations } from './axe.js';

const SCIM2 = '/it-settings/iam/scim2';

/** Issue 16 §2: restore from the SCIM overview's "Recently deleted users" (real server, real browser). */
describe('Recently deleted users (soft delete)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: SeededCompany;
  let db: pg.Pool;

  const scim = (method: string, path: string) =>
    fetch(`${acme.scimBaseUrl}${path}`, { method, headers: { authorization: `Bearer ${acme.scimToken}` } });

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    acme = await seedCompany(t);
    db = new pg.Pool({ connectionString: t.database.url, max: 2 });
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, SCIM2);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('lists a user deleted over SCIM and restores it with its id', async () => {
    const { page } = browser;
    const created = await (await provisionUser(acme, 'ada@example.test')).json() as { id: string };
    expect((await scim('DELETE', `/Users/${created.id}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${created.id}`)).status).toBe(404);
    await page.reload();
    const card = page.getByTestId('deleted-users');
    const row = card.getByTestId('deleted-user-row').filter({ hasText: 'ada@example.test' });
    await row.waitFor();
    await expectNoSeriousViolations(page);
    await row.getByRole('checkbox', { name: 'Select ada@example.test' }).check();
    await card.getByRole('button', { name: 'Restore selected (1)' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await scim('GET', `/Users/${created.id}`)).status).toBe(200);
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe('1');
  });

  it('pages past 100 deleted users, searches them, and restores the whole Delete All Users run with progress', async () => {
    const { page } = browser;
    await seedDirectory(db, { companyId: acme.companyId, prefix: 'run', users: 2_500, groupSize: 25 });
    const principal: Principal = { kind: 'operator', id: acme.companyId, companyId: acme.companyId, name: acme.email, permissions: ['users:delete'] };
    const job = await t.services().bulkDelete.start(acme.companyId, principal);
    await expect.poll(async () => (await t.services().bulkDelete.findJob(acme.companyId, job.id))?.status, { timeout: 30_000 }).toBe('SUCCEEDED');

    await page.reload();
    const card = page.getByTestId('deleted-users');
    await expect.poll(() => card.getByTestId('deleted-user-row').count(), { timeout: 20_000 }).toBe(50);
    await card.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => card.getByTestId('deleted-user-row').count(), { timeout: 20_000 }).toBe(100);
    await card.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => card.getByTestId('deleted-user-row').count(), { timeout: 20_000 }).toBe(150);

    await card.getByRole('searchbox', { name: 'Search deleted users' }).fill('runu2499');
    await expect.poll(() => card.getByTestId('deleted-user-row').count(), { timeout: 20_000 }).toBe(1);
    await card.getByRole('searchbox', { name: 'Search deleted users' }).fill('');

    const lastRun = card.getByTestId('last-run');
    // formatCount: the browser's locale groups the digits.
    expect((await lastRun.textContent())?.replace(/(\d)[,.\u00a0\u202f]?(?=\d{3}\b)/g, '$1')).toContain('2501 users');
    await lastRun.getByRole('button', { name: 'Restore run' }).click();
    await screenshot(page, 'scim-overview-restore-run');
    await expect.poll(async () => (await page.getByTestId('scim-users').textContent())?.replace(/\D/g, ''), { timeout: 30_000 }).toBe('2501');
    await expect.poll(() => card.getByTestId('deleted-user-row').count(), { timeout: 20_000 }).toBe(0);
    expect(Number((await db.query(`select count(*) as n from directory_membership where company_id = $1`, [acme.companyId])).rows[0].n)).toBe(2_500);
  }, 120_000);
});
