import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { buildConsole, openBrowser, screenshot, signIn, type Browser } from './browser-harness.js';
import { provisionUser } from './scim-api.js';

const SCIM2 = '/it-settings/iam/scim2';
const SAML = '/it-settings/iam/saml-oauth';

describe('console shell (real server, real browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: SeededCompany;
  let reader: SeededCompany;
  let outsider: SeededCompany;

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    [admin, reader, outsider] = await Promise.all([
      seedCompany(t),
      seedCompany(t, { permissions: ['iam:read'] }),
      seedCompany(t, { permissions: [] }),
    ]);
    browser = await openBrowser(t.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends a signed-out visitor to sign-in and back to the page asked for', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await page.goto(`${t.baseUrl}${SAML}`);
    await page.waitForURL(/\/login\?next=/);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A refused sign-in costs a password hash (and the throttle's delay): slow on a loaded machine.
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toMatch(/\S/);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${t.baseUrl}${SAML}`);
    await page.getByRole('heading', { level: 1, name: 'SAML/OAuth' }).waitFor();
  });

  it('shows IAM entries in the sidebar to an operator with iam:read (O1)', async () => {
    const { page } = browser;
    await signIn(page, t.baseUrl, reader.email, reader.password);
    // With iam:read the console starts on the SCIM2 overview.
    await page.waitForURL(`${t.baseUrl}${SCIM2}`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The menu fills in once the operator's scopes are loaded.
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['SAML/OAuth', 'SCIM2']);
    await nav.getByRole('link', { name: 'SCIM2' }).click();
    await page.getByTestId('configuration-card').waitFor();
    // iam:read only: facts and URLs, but neither Deactivate nor Delete All Users.
    expect(await page.getByTestId('scim-status').textContent()).toBe('Active');
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Delete All Users/ }).count()).toBe(0);
    await nav.getByRole('link', { name: 'SAML/OAuth' }).click();
    await page.getByTestId('scim-activation').waitFor();
    expect(await page.getByTestId('scim-tokens').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Activate SCIM|Deactivate SCIM/ }).count()).toBe(0);
  });

  it('hides the IAM menu and shows a full access-denied page without iam:read (O2)', async () => {
    const { page } = browser;
    await signIn(page, t.baseUrl, outsider.email, outsider.password);
    await page.getByTestId('home-empty').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(0);

    let graphqlScimConfig = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('scimConfig')) graphqlScimConfig++;
    });
    await page.goto(`${t.baseUrl}${SCIM2}`);
    await page.getByTestId('access-denied').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Access denied');
    expect(await page.getByText('Configuration').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).count()).toBe(0);
    expect(graphqlScimConfig).toBe(0);
    await screenshot(page, 'access-denied');

    await page.goto(`${t.baseUrl}${SAML}`);
    await page.getByTestId('access-denied').waitFor();
  });

  it('steps between the IAM screens with the breadcrumb arrows (O3)', async () => {
    const { page } = browser;
    await signIn(page, t.baseUrl, admin.email, admin.password, SCIM2);
    await page.waitForURL(`${t.baseUrl}${SCIM2}`);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect((await crumbs.textContent())?.replace(/\s+/g, ' ')).toContain('IT Settings›IAM Settings›SCIM2');
    expect(await page.getByTestId('breadcrumb-next').isDisabled()).toBe(true);

    await page.getByTestId('breadcrumb-previous').click();
    await page.waitForURL(`${t.baseUrl}${SAML}`);
    await page.getByRole('heading', { level: 1, name: 'SAML/OAuth' }).waitFor();
    expect(await page.getByTestId('breadcrumb-previous').isDisabled()).toBe(true);

    // Keyboard only: focus the next arrow and press Enter.
    await page.getByTestId('breadcrumb-next').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}${SCIM2}`);
    await page.getByRole('heading', { level: 1, name: 'SCIM Overview' }).waitFor();

    await page.goBack();
    await page.waitForURL(`${t.baseUrl}${SAML}`);
  });

  it('answers an unknown address with the not-found page', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}/it-settings/nothing-here`);
    await page.getByTestId('not-found').waitFor();
    await page.getByRole('link', { name: /start page/ }).click();
    await page.waitForURL(`${t.baseUrl}${SCIM2}`);
  });

  it('signs out and then refuses the screens until signed in again', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${t.baseUrl}${SCIM2}`);
    await page.waitForURL(/\/login\?next=/);
    const viewer = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      return (await response.json()) as { data: { viewer: unknown } };
    });
    expect(viewer.data.viewer).toBeNull();
  });

  it('keeps the layout usable at a 375 px phone width', async () => {
    const { page } = browser;
    await signIn(page, t.baseUrl, admin.email, admin.password, SCIM2);
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.getByTestId('configuration-card').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Open menu' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SCIM2' }).waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await screenshot(page, 'scim-overview-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('keeps the screen current without a WebSocket, by polling', async () => {
    // Same session cookie, but a page where WebSocket does not exist (blocked by a proxy, say).
    const page = await browser.context.newPage();
    await page.addInitScript(() => Reflect.deleteProperty(window, 'WebSocket'));
    try {
      await page.goto(`${t.baseUrl}${SCIM2}`);
      await page.getByText('Live updates unavailable').waitFor();
      expect(await page.getByTestId('scim-users').textContent()).toBe('0');
      expect((await provisionUser(admin, 'polled@example.test')).status).toBe(201);
      await expect.poll(() => page.getByTestId('scim-users').textContent(), { timeout: 15_000 }).toBe('1');
      await page.getByTestId('activity-row').first().waitFor();
    } finally {
      await page.close();
    }
  }, 60_000);
});
