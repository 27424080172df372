import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDirectory } from '../../api/test/directory-seed.js';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { buildConsole, openBrowser, signIn, type Browser } from './browser-harness.js';
import { provisionUser } from './scim-api.js';

// Each step waits on a real browser and server; on a machine shared with other test runs a whole
// scenario can take longer than the default 30 s without anything being wrong.
vi.setConfig({ testTimeout: 90_000 });

const USERS = '/it-settings/iam/scim2/users';
const SIZE = 100_000;
/** Typing, the debounce (250 ms), the search and the render, on a machine shared with other tests. */
const SEARCH_BUDGET_MS = 5_000;

describe('Users tab on a 100,000-user company (real server, real browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let big: SeededCompany;

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    big = await seedCompany(t);
    const other = await seedCompany(t);
    const db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    try {
      // Set-based, through the app's own tables: seconds, not the hours 100k SCIM POSTs would take.
      await seedDirectory(db, { companyId: big.companyId, prefix: 'big-', users: SIZE });
      await seedDirectory(db, { companyId: other.companyId, prefix: 'big-', users: 1_000 });
      await db.query('vacuum analyze directory_user');
    } finally {
      await db.end();
    }
    expect((await provisionUser(big, 'needle.haystack@example.test')).status).toBe(201);
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, big.email, big.password, USERS);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds one user among 100,000 by a fragment of the email, quickly', async () => {
    const { page } = browser;
    await page.getByTestId('user-row').first().waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(50);
    const started = performance.now();
    await page.getByLabel('Search users').fill('haystack');
    await page.waitForURL(/\?q=haystack$/);
    await expect.poll(() => page.getByTestId('user-row').allTextContents(), { timeout: SEARCH_BUDGET_MS }).toEqual([
      expect.stringContaining('needle.haystack@example.test'),
    ]);
    expect(performance.now() - started).toBeLessThan(SEARCH_BUDGET_MS);
  });

  it('searches a common fragment and pages on from the middle of 100,000 by key', async () => {
    const { page } = browser;
    await page.getByLabel('Search users').fill('big-u9999');
    // big-u9999 and big-u99990 … big-u99999: 11 matches, sorted; none from the other company.
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(11);
    expect(await page.getByTestId('user-row').first().textContent()).toContain('big-u9999');
    await page.getByLabel('Search users').fill('');
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(50);
    const next = page.getByRole('button', { name: 'Next', exact: true });
    for (let n = 0; n < 3; n += 1) {
      const first = await page.getByTestId('user-row').first().textContent();
      const started = performance.now();
      await next.click();
      await expect.poll(() => page.getByTestId('user-row').first().textContent()).not.toBe(first);
      expect(performance.now() - started).toBeLessThan(SEARCH_BUDGET_MS);
    }
    expect(await page.locator('.pager').textContent()).toContain('151–200');
  });
});
