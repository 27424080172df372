import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { buildConsole, openBrowser, readClipboard, screenshot, signIn, type Browser } from './browser-harness.js';
import { provisionUser } from './scim-api.js';

const SAML = '/it-settings/iam/saml-oauth';
const SCIM2 = '/it-settings/iam/scim2';

describe('SAML/OAuth screen, SCIM part (real server, real browser)', () => {
  let t: TestApp;
  let disabled: TestApp;
  let browser: Browser;
  let acme: SeededCompany;

  beforeAll(async () => {
    const dist = await buildConsole();
    [t, disabled] = await Promise.all([
      startTestApp({}, { consoleDist: dist }),
      startTestApp({ SCIM_ENABLED: 'false' }, { consoleDist: dist }),
    ]);
    acme = await seedCompany(t);
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, SAML);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([t?.close(), disabled?.close()]);
  });

  it('creates a token: the secret is shown once with a copy icon, and it works (O20)', async () => {
    const { page } = browser;
    await page.getByTestId('scim-tokens').waitFor();
    expect(await page.getByTestId('token-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Create token' }).click();
    // Scoped to the dialog: a page-wide match could settle on the opener before the dialog opens.
    const form = page.getByTestId('create-token-dialog');
    await form.getByRole('button', { name: 'Create token' }).click();
    expect(await form.getByRole('alert').textContent()).toMatch(/Enter a label/);
    await page.getByLabel('Label').fill('Okta');
    await page.keyboard.press('Enter');
    const created = page.getByTestId('token-created-dialog');
    await created.waitFor();
    expect(await created.textContent()).toContain('It will not be shown again.');
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await created.getByRole('button', { name: 'Copy token' }).click();
    expect(await readClipboard(page)).toBe(secret);
    await screenshot(page, 'saml-oauth-token-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    expect(await page.getByText(secret).count()).toBe(0);

    const okta = page.getByTestId('token-row').filter({ hasText: 'Okta' });
    await okta.waitFor();
    expect(await okta.textContent()).toContain('Never');
    const res = await provisionUser({ ...acme, scimToken: secret }, 'okta-user@example.test');
    expect(res.status).toBe(201);
    await page.reload();
    await expect.poll(() => page.getByTestId('token-row').filter({ hasText: 'Okta' }).textContent()).toContain('just now');
  });

  it('revokes a token after a confirmation; SCIM then refuses it', async () => {
    const { page } = browser;
    const okta = page.getByTestId('token-row').filter({ hasText: 'Okta' });
    await okta.getByRole('button', { name: 'Revoke token Okta' }).click();
    const dialog = page.getByTestId('revoke-token-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('refused from their next request');
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByTestId('toast-success').filter({ hasText: 'Token “Okta” revoked.' }).waitFor();
    await expect.poll(() => okta.getAttribute('data-revoked')).toBe('true');
    expect(await okta.getByRole('button').count()).toBe(0);
    // Focus lands on the list's heading, not on the start of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('SCIM tokens');
    await screenshot(page, 'saml-oauth-tokens');
  });

  it('deactivates and activates SCIM here (O19)', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Deactivate SCIM' }).click();
    await expect.poll(() => page.getByTestId('activation-status').textContent()).toBe('Inactive');
    await page.getByRole('button', { name: 'Activate SCIM' }).click();
    await page.getByTestId('toast-success').filter({ hasText: 'SCIM activated' }).waitFor();
    await expect.poll(() => page.getByTestId('activation-status').textContent()).toBe('Active');
  });

  it('shows the Entra ID block instead of a status and a toggle, and refuses activation', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Deactivate SCIM' }).click();
    await expect.poll(() => page.getByTestId('activation-status').textContent()).toBe('Inactive');
    await t.services().companies.setEntraId(acme.companyId, true, 'e2e');
    await page.reload();
    await expect.poll(() => page.getByTestId('activation-status').textContent()).toBe('Blocked by the Entra ID integration');
    expect(await page.getByRole('button', { name: /^(Activate|Deactivate) SCIM$/ }).count()).toBe(0);
    expect(await page.getByTestId('activation-blocked').textContent()).toContain('Turn off the Entra ID integration first');
    await screenshot(page, 'saml-oauth-entra-conflict');
    // The server refuses on its own, whatever the console shows.
    const refused = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query: 'mutation { activateScim { status } }' }),
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('shows the platform-disabled warning on a deployment with SCIM_ENABLED=false (O4)', async () => {
    const other = await seedCompany(disabled);
    const second = await openBrowser(disabled.baseUrl);
    try {
      await signIn(second.page, disabled.baseUrl, other.email, other.password, SCIM2);
      const notice = second.page.getByTestId('notice-platform-disabled');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('SCIM_ENABLED');
      expect(await second.page.getByTestId('notice-entra-conflict').count()).toBe(0);
      expect(await second.page.getByTestId('configuration-card').count()).toBe(0);
      expect(await second.page.locator('[data-testid^="endpoint-"]').count()).toBe(0);
      await screenshot(second.page, 'scim-overview-platform-disabled');
    } finally {
      await second.close();
    }
  });
});
