import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { buildConsole, openBrowser, readClipboard, screenshot, signIn, type Browser } from './browser-harness.js';
import { provisionBrokenUser, provisionUser } from './scim-api.js';

const SCIM2 = '/it-settings/iam/scim2';
const BULK_USERS = 30_000;

describe('SCIM Overview screen (real server, real browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: SeededCompany;

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    acme = await seedCompany(t);
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, SCIM2);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the configuration card and the three endpoint rows in the normal state (O6, O7, O15)', async () => {
    const { page } = browser;
    await page.getByTestId('configuration-card').waitFor();
    expect(await page.getByTestId('scim-status').textContent()).toBe('Active');
    expect(await page.getByTestId('scim-users').textContent()).toBe('0');
    expect(await page.getByTestId('scim-groups').textContent()).toBe('0');
    expect(await page.getByTestId('endpoint-baseUrl').locator('code').textContent()).toBe(acme.scimBaseUrl);
    expect(await page.getByTestId('endpoint-usersEndpoint').locator('code').textContent()).toBe(`${acme.scimBaseUrl}/Users`);
    expect(await page.getByTestId('endpoint-groupsEndpoint').locator('code').textContent()).toBe(`${acme.scimBaseUrl}/Groups`);
    // The actions sit in the card header, right of the heading (O9); no Activate here (O11).
    const header = page.getByTestId('configuration-card').locator('.card__header');
    expect(await header.getByRole('button', { name: 'Deactivate' }).count()).toBe(1);
    expect(await header.getByRole('button', { name: 'Delete All Users' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Activate/ }).count()).toBe(0);
  });

  it('copies each endpoint on its own and turns each icon into a checkmark (O16)', async () => {
    const { page } = browser;
    const base = page.getByRole('button', { name: 'Copy Base URL' });
    const groups = page.getByRole('button', { name: 'Copy Endpoint Info — Groups' });
    const copied = () => Promise.all([base.getAttribute('data-copied'), groups.getAttribute('data-copied')]);
    await base.click();
    // The clipboard write is asynchronous: the checkmark follows it, not the click.
    await expect.poll(copied).toEqual(['true', 'false']);
    expect(await readClipboard(page)).toBe(acme.scimBaseUrl);
    await groups.click();
    await expect.poll(copied).toEqual(['true', 'true']);
    expect(await readClipboard(page)).toBe(`${acme.scimBaseUrl}/Groups`);
    expect(await page.getByRole('button', { name: 'Copy Endpoint Info — Users' }).getAttribute('data-copied')).toBe('false');
    await expect.poll(() => base.getAttribute('data-copied'), { timeout: 5_000 }).toBe('false');
  });

  it('shows a SCIM request in recent activity and the new count without a reload (O8, O18)', async () => {
    const { page } = browser;
    await page.getByText(/No SCIM requests yet/).waitFor();
    expect((await provisionUser(acme, 'ada@example.test')).status).toBe(201);
    const rows = page.getByTestId('activity-row');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('data-succeeded')).toBe('true');
    expect(await rows.first().textContent()).toContain('Test IdP');
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe('1');

    expect((await provisionBrokenUser(acme)).status).toBeGreaterThanOrEqual(400);
    await expect.poll(() => rows.count()).toBe(2);
    const failed = page.locator('[data-testid="activity-row"][data-succeeded="false"]');
    expect(await failed.textContent()).toContain('Failed');
    await screenshot(page, 'scim-overview-active');

    await page.getByLabel('Show failures only').check();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Show failures only').uncheck();
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('deletes all SCIM users after a confirmation, with progress and the final count (O13)', async () => {
    const { page } = browser;
    for (const name of ['grace', 'alan', 'edsger']) {
      expect((await provisionUser(acme, `${name}@example.test`)).status).toBe(201);
    }
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe('4');

    const deleteAll = page.getByRole('button', { name: 'Delete All Users' });
    await deleteAll.click();
    const dialog = page.getByTestId('delete-all-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('permanently deletes 4 users');
    expect(await dialog.textContent()).toContain('loses its assignee');
    await screenshot(page, 'scim-overview-delete-confirm');
    // Escape closes without deleting; focus goes back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => deleteAll.evaluate((el) => el === document.activeElement)).toBe(true);

    await deleteAll.click();
    await page.getByRole('button', { name: 'Delete 4 users' }).click();
    const toast = page.getByTestId('toast-success').filter({ hasText: 'users deleted in total.' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('4 users deleted in total.');
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe('0');
    expect(await page.getByRole('button', { name: 'Delete All Users' }).isDisabled()).toBe(false);
  });

  it('follows a long delete with a progress bar, also after a page reload (O13 beyond)', async () => {
    const { page } = browser;
    // Enough users for a moving progress bar; inserted in one statement, as a big IdP sync would leave them.
    await t.orm.em.getConnection().execute(
      `insert into directory_user (id, company_id, source, user_name)
       select gen_random_uuid(), ?, 'SCIM', 'bulk-' || n || '@example.test' from generate_series(1, ?) as n`,
      [acme.companyId, BULK_USERS],
    );
    await page.reload();
    const bulkUsers = await page.evaluate((n) => new Intl.NumberFormat().format(n), BULK_USERS);
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe(bulkUsers);
    // One user stays locked, as by an IdP request in flight: the job's final sweep waits for it
    // (up to its lock timeout), so the job is surely still running when the page comes back.
    const idp = new pg.Client({ connectionString: t.database.url });
    await idp.connect();
    try {
      await idp.query('begin');
      await idp.query(`select id from directory_user where company_id = $1 and user_name = 'bulk-1@example.test' for update`, [acme.companyId]);
      await page.getByRole('button', { name: 'Delete All Users' }).click();
      await page.getByRole('button', { name: `Delete ${bulkUsers} users` }).click();
      await page.getByRole('progressbar', { name: 'Deleting SCIM users' }).waitFor();
      await screenshot(page, 'scim-overview-deleting');

      await page.reload();
      // After the reload the console finds the running job again: button disabled, bar back.
      const running = page.getByRole('button', { name: 'Deleting users…' });
      await running.waitFor();
      expect(await running.isDisabled()).toBe(true);
      await page.getByRole('progressbar', { name: 'Deleting SCIM users' }).waitFor();
    } finally {
      await idp.query('commit').catch(() => undefined);
      await idp.end();
    }
    const toast = page.getByTestId('toast-success').filter({ hasText: 'users deleted in total.' });
    await toast.waitFor({ timeout: 60_000 });
    expect(await toast.textContent()).toContain(`${bulkUsers} users deleted in total.`);
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe('0');
  }, 90_000);

  it('keeps focus inside the confirmation dialog (keyboard)', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Delete All Users' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('delete-all-dialog');
    await dialog.waitFor();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('deactivates SCIM: green notification, Inactive at once, button gone (O10)', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByTestId('toast-success').filter({ hasText: 'SCIM deactivated' }).waitFor();
    await expect.poll(() => page.getByTestId('scim-status').textContent()).toBe('Inactive');
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    await screenshot(page, 'scim-overview-inactive');
    // Deactivation deletes nothing and refuses SCIM requests (O12).
    expect((await provisionUser(acme, 'late@example.test')).status).toBe(403);
  });

  it('shows the Entra ID warning with no buttons or URLs (O5)', async () => {
    const { page } = browser;
    await t.services().companies.setEntraId(acme.companyId, true, 'e2e');
    await page.reload();
    await page.getByTestId('notice-entra-conflict').waitFor();
    expect(await page.getByTestId('notice-entra-conflict').textContent()).toContain('turn off the Entra ID integration first');
    expect(await page.getByTestId('configuration-card').count()).toBe(0);
    expect(await page.locator('[data-testid^="endpoint-"]').count()).toBe(0);
    expect(await page.getByRole('main').getByRole('button').count()).toBe(2); // the breadcrumb arrows only
    await screenshot(page, 'scim-overview-entra-conflict');
    await t.services().companies.setEntraId(acme.companyId, false, 'e2e');
  });
});
