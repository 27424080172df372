import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../api/src/db/sql-tag.js';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { expectNoSeriousViolations } from './axe.js';
import { buildConsole, openBrowser, screenshot, signIn, type Browser } from './browser-harness.js';
import { expectControlsInsideFields } from './layout-checks.js';
import { provisionUser } from './scim-api.js';

const ACTIVITY = '/it-settings/iam/scim2/activity';
const AUDIT = '/it-settings/iam/scim2/audit';

async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // No word-by-word wrapping: no table cell or heading narrower than a short word.
    const narrow = await page.evaluate(() =>
      [...document.querySelectorAll('main td, main h1, main h2, main dd, main label')].filter((el) => {
        const width = el.getBoundingClientRect().width;
        return width > 0 && width < 60 && (el.textContent ?? '').trim().length > 8;
      }).length);
    expect(narrow).toBe(0);
    await expectNoSeriousViolations(page);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

/** Every cell of an RFC 4180 CSV with CRLF records (the exports' format). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') { row.push(cell); cell = ''; }
    else if (!quoted && c === '\r' && text[i + 1] === '\n') { rows.push([...row, cell]); row = []; cell = ''; i += 1; }
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('SCIM Activity and Audit tabs (real server, real browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: SeededCompany;

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    acme = await seedCompany(t);
    // 130 failures and 60 successes, older than anything the test sends itself.
    await t.sql.query(
      sql`insert into provisioning_event (company_id, occurred_at, token_label, method, operation, resource_type, resource_name, status, scim_type, message, duration_ms)
       select ${acme.companyId}, now() - interval '1 hour' - g * interval '1 second', 'Okta', 'POST', 'Create User', 'User', 'user' || g || '@example.test',
         case when g <= 130 then 409 else 201 end, case when g <= 130 then 'uniqueness' end, case when g <= 130 then 'userName is taken' end, 3
       from generate_series(1, 190) g`,
    );
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, ACTIVITY);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('filters failures across the 100-row page boundary, with the filter in the URL, by keyboard', async () => {
    const { page } = browser;
    await page.getByTestId('activity-list').waitFor();
    await expectControlsInsideFields(page);
    await page.getByLabel('Outcome').selectOption('failed');
    // Enter in a text field submits the filters (keyboard only).
    await page.getByLabel('Resource id').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('outcome=failed');
    const statuses = async () => page.getByTestId('activity-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    await expect.poll(async () => (await statuses()).length).toBe(100);
    expect(new Set(await statuses())).toEqual(new Set(['409']));
    await page.getByRole('button', { name: 'Older' }).click();
    await expect.poll(async () => (await statuses()).length).toBe(30);
    expect(new Set(await statuses())).toEqual(new Set(['409']));
    expect(await page.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Newer' }).click();
    await expect.poll(async () => (await statuses()).length).toBe(100);
    await expectFitsPhone(page);
    await screenshot(page, 'scim-activity');
  }, 60_000);

  it('exports the filtered activity as a CSV that parses', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${ACTIVITY}?outcome=failed`);
    await page.getByTestId('activity-list').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('activity-export').click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const rows = parseCsv(await readFile(path, 'utf8'));
    const header = rows[0]!;
    expect(header).toEqual(expect.arrayContaining(['id', 'occurredAt', 'status', 'resourceName', 'changedAttributes']));
    expect(rows).toHaveLength(131);
    const status = header.indexOf('status');
    expect(rows.slice(1).every((row) => row[status] === '409')).toBe(true);
  });

  it('shows a new request live, with its resource name, and opens its detail', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${ACTIVITY}`);
    await page.getByText('Live', { exact: true }).waitFor();
    expect((await provisionUser(acme, 'live.arrival@example.test')).status).toBe(201);
    const row = page.getByTestId('activity-row').filter({ hasText: 'live.arrival@example.test' });
    await row.waitFor({ timeout: 10_000 });
    await row.getByRole('link', { name: 'Create User' }).click();
    await page.waitForURL(/\/activity\/\d+$/);
    const detail = page.getByTestId('activity-detail');
    await detail.waitFor();
    expect(await page.getByTestId('detail-request').textContent()).toBe(`POST /pp/scim/v2/${acme.slug}/Users`);
    expect(await page.getByTestId('detail-attributes').textContent()).toContain('userName');
    expect(await page.getByTestId('detail-attributes').textContent()).toContain('emails');
    const link = page.getByTestId('detail-resource').getByRole('link', { name: 'live.arrival@example.test' });
    expect(await link.getAttribute('href')).toMatch(/^\/it-settings\/iam\/scim2\/users\/[0-9a-f-]{36}$/);
    expect(await detail.textContent()).toContain('Test IdP');
    await expectFitsPhone(page);
    await screenshot(page, 'scim-activity-detail');
  });

  it('narrows by a status code, OK, operation, IdP token, resource and time range, and exports the same', async () => {
    const { page } = browser;
    const arrival = await provisionUser(acme, 'filtered.arrival@example.test');
    const arrivalId = ((await arrival.json()) as { id: string }).id;
    const testIdp = (await t.services().tokens.listScimTokens(acme.companyId)).find((token) => token.label === 'Test IdP')!.id;
    // Activity is recorded in batches after the response: open the tab once the arrival is stored.
    await expect.poll(async () => (await t.sql.query<{ n: number }>(sql`select count(*)::int as n from provisioning_event
      where company_id = ${acme.companyId} and resource_id = ${arrivalId}`))[0]!.n, { timeout: 10_000 }).toBe(1);
    await page.goto(`${t.baseUrl}${ACTIVITY}`);
    await page.getByTestId('activity-row').filter({ hasText: 'filtered.arrival@example.test' }).waitFor({ timeout: 10_000 });
    const shown = () => page.getByTestId('activity-row').evaluateAll((rows) => rows.map((row) => ({
      status: row.getAttribute('data-status'),
      text: row.textContent ?? '',
    })));
    const apply = async (label: string, value: string, expected: string) => {
      await page.getByLabel(label).selectOption(value);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect.poll(() => page.url()).toContain(expected);
    };

    await apply('Outcome', '409', 'outcome=409');
    await expect.poll(async () => (await shown()).length).toBe(100);
    expect(new Set((await shown()).map((row) => row.status))).toEqual(new Set(['409']));
    await apply('Outcome', 'ok', 'outcome=ok');
    await expect.poll(async () => new Set((await shown()).map((row) => row.status))).toEqual(new Set(['201']));

    // The seeded rows carry no token: only what the test's own token sent is left.
    // The list shown before a filter may already satisfy a looser check: wait for every row to match.
    const everyRow = (text: string) => async () => {
      const rows = await shown();
      return rows.length > 0 && rows.every((row) => row.text.includes(text));
    };
    await apply('Identity provider (token)', testIdp, `tokenId=${testIdp}`);
    await expect.poll(everyRow('Test IdP')).toBe(true);
    expect((await shown()).map((row) => row.text)).toEqual(expect.arrayContaining([expect.stringContaining('filtered.arrival@example.test')]));
    await apply('Operation', 'Create User', 'operation=Create+User');
    await expect.poll(everyRow('Create User')).toBe(true);

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Resource id').fill(arrivalId);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await shown()).map((row) => row.text)).toEqual([expect.stringContaining('filtered.arrival@example.test')]);

    // Time range: the seeded requests are an hour old; half an hour ago splits them from the test's own.
    const halfHourAgo = await page.evaluate(() => {
      const at = new Date(Date.now() - 30 * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
    });
    await page.goto(`${t.baseUrl}${ACTIVITY}?outcome=ok&until=${encodeURIComponent(halfHourAgo)}`);
    await expect.poll(async () => (await shown()).length).toBe(60);
    expect(await page.getByLabel('Until').inputValue()).toBe(halfHourAgo);
    await page.goto(`${t.baseUrl}${ACTIVITY}?outcome=ok&since=${encodeURIComponent(halfHourAgo)}`);
    await expect.poll(async () => (await shown()).map((row) => row.text)).toEqual(expect.arrayContaining([expect.stringContaining('filtered.arrival@example.test')]));
    expect((await shown()).some((row) => /user\d+@example\.test/.test(row.text))).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('activity-export').click()]);
    const { readFile } = await import('node:fs/promises');
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    const header = rows[0]!;
    expect(rows.length - 1).toBe((await shown()).length);
    expect(rows.slice(1).every((row) => !/^user\d+@example\.test$/.test(row[header.indexOf('resourceName')]!))).toBe(true);
  }, 90_000);

  it('shows names on the overview\'s activity card, each row linking to its detail', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}/it-settings/iam/scim2`);
    const card = page.getByTestId('recent-activity');
    await card.getByText('live.arrival@example.test').waitFor();
    const href = await card.getByTestId('activity-row').first().getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/it-settings\/iam\/scim2\/activity\/\d+$/);
  });

  it('lists sign-ins and token changes on the audit tab, filters them and exports them', async () => {
    const { page } = browser;
    await t.services().tokens.createScimToken(acme.companyId, 'Entra ID', acme.email);
    await page.goto(`${t.baseUrl}${AUDIT}`);
    await page.getByTestId('audit-list').waitFor();
    await page.locator('[data-action="operator.signed-in"]').first().waitFor();
    await expectControlsInsideFields(page);
    await page.getByLabel('Action').selectOption('scim-token.created');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain('action=scim-token.created');
    await expect.poll(() => page.getByTestId('audit-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-action')))])).toEqual(['scim-token.created']);
    expect(await page.getByTestId('audit-list').textContent()).toContain('SCIM token created: Entra ID');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const { readFile } = await import('node:fs/promises');
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(rows[0]).toEqual(['id', 'occurredAt', 'actor', 'action', 'detail']);
    expect(rows.slice(1).every((row) => row[3] === 'scim-token.created')).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    await expectFitsPhone(page);
    await screenshot(page, 'scim-audit');
  });

  it('shows the access-denied page without iam:read', async () => {
    const limited = await seedCompany(t, { permissions: ['users:delete'] });
    const page = await browser.context.newPage();
    try {
      await signIn(page, t.baseUrl, limited.email, limited.password, ACTIVITY);
      for (const path of [ACTIVITY, `${ACTIVITY}/1`, AUDIT]) {
        await page.goto(`${t.baseUrl}${path}`);
        await page.getByRole('heading', { name: /access/i }).waitFor();
      }
    } finally {
      await page.close();
      await signIn(browser.page, t.baseUrl, acme.email, acme.password, ACTIVITY);
    }
  });
});
