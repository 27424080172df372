import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { seedDirectory } from '../../api/test/directory-seed.js';
import { scimClient } from '../../api/test/scim-client.js';
import { buildConsole, openBrowser, signIn, type Browser } from './browser-harness.js';

const SAML = '/it-settings/iam/saml-oauth';
const SCIM2 = '/it-settings/iam/scim2';

describe('mass-deprovisioning guard panel and token rotation (real server, real browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: SeededCompany;
  let db: pg.Client;

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    acme = await seedCompany(t);
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, SCIM2);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('shows the red panel once SCIM deletions trip the guard, and releases it', async () => {
    await seedDirectory(db, { companyId: acme.companyId, prefix: 'g', users: 40 });
    const ids = (await db.query<{ id: string }>('select id from directory_user where company_id = $1', [acme.companyId])).rows.map((r) => r.id);
    const scim = scimClient(acme);
    const statuses: number[] = [];
    for (const id of ids.slice(0, 27)) statuses.push((await scim('DELETE', `/Users/${id}`)).status);
    expect(statuses.filter((s) => s === 503)).toHaveLength(3);

    const { page } = browser;
    await page.reload();
    const panel = page.getByTestId('guard-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('3 operations held back');
    expect(await page.getByTestId('guard-by-token').textContent()).toContain('Test IdP: 3 held back');
    await panel.getByText('Last refused requests').click();
    expect(await page.getByTestId('guard-last-refused').getByRole('listitem').count()).toBe(3);

    await page.getByLabel('Release for').selectOption('15');
    await panel.getByRole('button', { name: 'Release' }).click();
    await panel.waitFor({ state: 'detached' });
    expect((await scim('DELETE', `/Users/${ids[30]}`)).status).toBe(204);
  }, 120_000);

  it('rotates a token: the new secret once, the old token still listed with its last use', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${SAML}`);
    const row = page.getByTestId('token-row').filter({ hasText: 'Test IdP' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Rotate token Test IdP' }).click();
    const dialog = page.getByTestId('token-rotated-dialog');
    await dialog.waitFor();
    const secret = (await page.getByTestId('rotated-secret').textContent()) ?? '';
    expect(secret).toMatch(/^roster_scim_/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const note = page.getByTestId('rotation-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/old token last used .*, new token not used yet/);
    expect((await scimClient({ scimBaseUrl: acme.scimBaseUrl, scimToken: secret })('GET', '/Users')).status).toBe(200);
    expect((await scimClient(acme)('GET', '/Users')).status).toBe(200);
  }, 60_000);

  it('warns on the overview and on SAML/OAuth from 20 days before a token expires, not before', async () => {
    const { page } = browser;
    // The rotation's successor: the token the IdP uses now (its predecessor is replaced, so never announced).
    const successor = `update scim_token set expires_at = now() + $2::interval
      where company_id = $1 and revoked_at is null and exists (select 1 from scim_token old where old.id = scim_token.rotated_from_id)`;
    await db.query(successor, [acme.companyId, '21 days']);
    await page.goto(`${t.baseUrl}${SCIM2}`);
    await page.getByTestId('scim-users').waitFor();
    expect(await page.getByTestId('notice-token-expiry').count()).toBe(0);

    await db.query(successor, [acme.companyId, '19 days']);
    for (const screen of [SCIM2, SAML]) {
      await page.goto(`${t.baseUrl}${screen}`);
      const notice = page.getByTestId('notice-token-expiry');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/A SCIM token expires soon.*“Test IdP”.* expires in 3 weeks/);
    }
  }, 60_000);
});
