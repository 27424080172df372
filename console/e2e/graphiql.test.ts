import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as signInOverHttp } from '../../api/test/graphql-helpers.js';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { openBrowser, screenshot, type Browser } from './browser-harness.js';

describe('GraphiQL on /graphql (real server, real browser, no network)', () => {
  let t: TestApp;
  let browser: Browser;
  let company: SeededCompany;

  beforeAll(async () => {
    t = await startTestApp();
    company = await seedCompany(t, { permissions: ['iam:read'] });
    browser = await openBrowser(t.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('runs a query as the signed-in operator, with the CSRF header it presets', async () => {
    const { page, context } = browser;
    const [name, value] = (await signInOverHttp(t, company.email, company.password)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: t.baseUrl }]);
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(t.baseUrl) && !/^(blob|data):/.test(request.url())) external.push(request.url());
    });
    await page.goto(`${t.baseUrl}/graphql`);
    const run = page.getByRole('button', { name: /execute query/i });
    await run.waitFor();
    // Pasted, not typed: the editor would close each typed brace itself.
    await page.evaluate(() => navigator.clipboard.writeText('{ scimConfig { status } }'));
    await page.locator('.graphiql-query-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await run.click();
    // The response editor renders non-breaking spaces.
    const response = async () => (await page.locator('.graphiql-response').innerText()).replace(/\s+/g, ' ');
    await expect.poll(response, { timeout: 10_000 }).toContain('"scimConfig": { "status": "ACTIVE" }');
    await screenshot(page, 'graphiql');
    expect(external).toEqual([]);
  });
});
