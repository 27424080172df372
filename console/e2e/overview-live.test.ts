import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gql } from '../../api/test/graphql-helpers.js';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { scimClient } from '../../api/test/scim-client.js';
import { seedCompany } from '../../api/test/seed.js';
import { expectNoSeriousViolations } from './axe.js';
import { buildConsole, openBrowser, screenshot, signIn, type Browser } from './browser-harness.js';
import { expectPhoneFriendly, PHONE } from './layout-checks.js';

// Each step waits on a real browser and server; on a machine shared with other test runs a whole
// scenario can take longer than the default 30 s without anything being wrong.
vi.setConfig({ testTimeout: 90_000 });

const SCIM2 = '/it-settings/iam/scim2';
const SAML = '/it-settings/iam/saml-oauth';
const USERS = 12_345;

describe('SCIM overview: guided set-up, live numbers, states that agree (real server, real browser)', () => {
  let t: TestApp;
  let disabled: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const dist = await buildConsole();
    [t, disabled] = await Promise.all([startTestApp({}, { consoleDist: dist }), startTestApp({ SCIM_ENABLED: 'false' }, { consoleDist: dist })]);
    browser = await openBrowser(t.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([t?.close(), disabled?.close()]);
  });

  it('lands an operator with iam:read on the SCIM2 overview after sign-in', async () => {
    const reader = await seedCompany(t, { permissions: ['iam:read'] });
    await signIn(browser.page, t.baseUrl, reader.email, reader.password);
    expect(new URL(browser.page.url()).pathname).toBe(SCIM2);
  });

  it('ticks the three set-up steps from real data, and warns that cloud IdPs cannot reach a loopback Base URL', async () => {
    const fresh = await seedCompany(t);
    const [seeded] = await t.services().tokens.listScimTokens(fresh.companyId);
    await t.services().tokens.revokeScimToken(fresh.companyId, seeded!.id, 'test');
    const { page } = browser;
    await signIn(page, t.baseUrl, fresh.email, fresh.password, SCIM2);
    const checklist = page.getByTestId('setup-checklist');
    await checklist.waitFor();
    const done = () => Promise.all([1, 2, 3].map((n) => page.getByTestId(`setup-step-${n}`).getAttribute('data-done')));
    expect(await done()).toEqual(['false', 'false', 'false']);
    const warning = page.getByTestId('reachability-warning');
    expect(await warning.textContent()).toContain('Cloud identity providers cannot reach this Base URL');
    expect(await warning.textContent()).toContain('PUBLIC_URL');
    await expectNoSeriousViolations(page);
    await screenshot(page, 'scim-overview-setup');

    // Step 1 on SAML/OAuth, through the console; back on the overview it has ticked.
    await checklist.getByRole('link', { name: 'SAML/OAuth' }).click();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('create-token-dialog').getByLabel('Label').fill('Okta');
    await page.keyboard.press('Enter');
    const created = page.getByTestId('token-created-dialog');
    const secret = (await created.getByTestId('token-secret').textContent()) ?? '';
    await created.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SCIM2' }).click();
    await expect.poll(done).toEqual(['true', 'false', 'false']);

    // Step 2: the IdP's first request with that token (a 404 still proves the URL and token work) — live.
    const okta = scimClient({ ...fresh, scimToken: secret });
    expect((await okta('GET', '/Users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await expect.poll(done, { timeout: 10_000 }).toEqual(['true', 'true', 'false']);
    // Step 3: its Test Connection.
    expect((await okta('GET', '/ServiceProviderConfig')).status).toBe(200);
    await expect.poll(done, { timeout: 10_000 }).toEqual(['true', 'true', 'true']);
    expect(await checklist.textContent()).toContain('All set');
    await page.reload();
    await page.getByTestId('configuration-card').waitFor();
    expect(await page.getByTestId('setup-checklist').count()).toBe(0);
  });

  it('formats counts for the browser locale, and a Delete All Users started elsewhere updates them live', async () => {
    const acme = await seedCompany(t);
    const db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    await db.query(
      `insert into directory_user (id, company_id, source, user_name, active) select gen_random_uuid(), $1, 'SCIM', 'bulk-' || n, true from generate_series(1, $2::int) n`,
      [acme.companyId, USERS],
    );
    const { page } = browser;
    await signIn(page, t.baseUrl, acme.email, acme.password, SCIM2);
    const formatted = await page.evaluate((n) => new Intl.NumberFormat().format(n), USERS);
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe(formatted);
    expect(formatted).not.toBe(String(USERS));

    // One user stays locked (an IdP request in flight), so the job is still running when we look.
    await db.query('begin');
    await db.query(`select id from directory_user where company_id = $1 and user_name = 'bulk-1' for update`, [acme.companyId]);
    try {
      // Another operator's API token starts the job; this page never clicked anything.
      const started = await gql<{ deleteAllScimUsers: { id: string } }>(t, 'mutation { deleteAllScimUsers { id } }', {}, { token: acme.apiToken });
      expect(started.errors).toBeUndefined();
      const bar = page.getByRole('progressbar', { name: 'Deleting SCIM users' });
      await bar.waitFor({ timeout: 10_000 });
      expect(await page.getByRole('button', { name: 'Deleting users…' }).isDisabled()).toBe(true);
      // The fill and the text say the same share, at any moment.
      await expect.poll(async () => {
        const [fill, text] = await page.locator('.progress').evaluate((el) => [
          (el.querySelector('.progress__bar') as HTMLElement).getBoundingClientRect().width / (el.querySelector('.progress__track') as HTMLElement).getBoundingClientRect().width,
          el.textContent ?? '',
        ] as const);
        const percent = Number(/\((\d+)%\)/.exec(text)?.[1]);
        return percent > 0 && Math.abs(fill * 100 - percent) < 1;
      }, { timeout: 20_000 }).toBe(true);
    } finally {
      await db.query('commit');
      await db.end();
    }
    await page.getByTestId('toast-success').filter({ hasText: `${formatted} users deleted in total.` }).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('scim-users').textContent()).toBe('0');
  }, 120_000);

  it('keeps the copied check green while the pointer rests on it, and puts focus on the card after Deactivate', async () => {
    const acme = await seedCompany(t);
    const { page } = browser;
    await signIn(page, t.baseUrl, acme.email, acme.password, SCIM2);
    const copy = page.getByRole('button', { name: 'Copy Base URL' });
    await copy.click();
    await expect.poll(() => copy.getAttribute('data-copied')).toBe('true');
    await copy.hover();
    const [hovered, success] = await copy.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.documentElement).getPropertyValue('--color-success').trim()]);
    expect(hovered).toBe(await page.evaluate((hex) => {
      const probe = document.createElement('span');
      probe.style.color = hex;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }, success));

    await page.getByRole('button', { name: 'Deactivate' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scim-status').textContent()).toBe('Inactive');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Configuration');
  });

  it('shows the Entra ID block on SAML/OAuth and lets an iam:manage operator switch Entra ID off there, audited', async () => {
    const acme = await seedCompany(t);
    await t.services().companies.setEntraId(acme.companyId, true, 'cli');
    const { page } = browser;
    await signIn(page, t.baseUrl, acme.email, acme.password, SAML);
    const status = page.getByTestId('activation-status');
    await expect.poll(() => status.textContent()).toBe('Blocked by the Entra ID integration');
    expect(await page.getByRole('button', { name: /^(Activate|Deactivate) SCIM$/ }).count()).toBe(0);
    expect(await page.getByTestId('activation-blocked').textContent()).toContain('What to do');
    await expectNoSeriousViolations(page);
    await page.setViewportSize(PHONE);
    await expectPhoneFriendly(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'saml-oauth-entra-blocked');

    await page.getByRole('button', { name: 'Turn off Entra ID integration' }).click();
    const dialog = page.getByTestId('entra-off-dialog');
    await dialog.waitFor();
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: 'Turn off Entra ID' }).click();
    await page.getByTestId('toast-success').filter({ hasText: 'Entra ID integration turned off' }).waitFor();
    await expect.poll(() => status.textContent()).toBe('Active');
    expect(await page.getByRole('button', { name: 'Deactivate SCIM' }).count()).toBe(1);
    expect((await t.services().companies.getCompany(acme.companyId)).entraIdEnabled).toBe(false);
    const audit = await t.services().companies.listAudit(acme.companyId);
    expect(audit[0]).toMatchObject({ action: 'entra.disabled', actor: expect.stringContaining(acme.email) });

    // A reader sees the block, but no switch.
    const reader = await seedCompany(t, { permissions: ['iam:read'] });
    await t.services().companies.setEntraId(reader.companyId, true, 'cli');
    await signIn(page, t.baseUrl, reader.email, reader.password, SAML);
    await expect.poll(() => page.getByTestId('activation-status').textContent()).toBe('Blocked by the Entra ID integration');
    expect(await page.getByRole('button', { name: 'Turn off Entra ID integration' }).count()).toBe(0);
  });

  it('shows the platform-disabled block on SAML/OAuth, with no status and no toggle', async () => {
    const other = await seedCompany(disabled);
    const second = await openBrowser(disabled.baseUrl);
    try {
      await signIn(second.page, disabled.baseUrl, other.email, other.password, SAML);
      await expect.poll(() => second.page.getByTestId('activation-status').textContent()).toBe('Unavailable in this deployment');
      expect(await second.page.getByTestId('activation-blocked').textContent()).toContain('SCIM_ENABLED');
      expect(await second.page.getByRole('button', { name: /SCIM$|Entra ID/ }).count()).toBe(0);
      await expectNoSeriousViolations(second.page);
    } finally {
      await second.close();
    }
  }, 90_000);
});
