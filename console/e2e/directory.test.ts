import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDirectory } from '../../api/test/directory-seed.js';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { scimClient } from '../../api/test/scim-client.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { expectNoSeriousViolations } from './axe.js';
import { buildConsole, openBrowser, readClipboard, screenshot, signIn, type Browser } from './browser-harness.js';
import { csvRecords } from './csv.js';
import { expectPhoneFriendly, PHONE } from './layout-checks.js';

// Each step waits on a real browser and server; on a machine shared with other test runs a whole
// scenario can take longer than the default 30 s without anything being wrong.
vi.setConfig({ testTimeout: 90_000 });

const SCIM2 = '/it-settings/iam/scim2';
const USERS = `${SCIM2}/users`;
const GROUPS = `${SCIM2}/groups`;
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
/** Seeded straight into the tables: enough to cross the 100-row mark and two page boundaries. */
const BULK = 130;
const GROUP_MEMBERS = 60;

const rows = (page: Page) => page.getByTestId('user-row');
const firstUserNames = (page: Page) => page.getByTestId('user-row').locator('td:first-child a').allTextContents();

describe('SCIM2 Users and Groups tabs (real server, real browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: SeededCompany;
  let ada: { id: string };
  let team: { id: string };

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp({}, { consoleDist: dist });
    acme = await seedCompany(t);
    const db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    try {
      await seedDirectory(db, { companyId: acme.companyId, prefix: 'bulk-', users: BULK });
      await db.query(`update directory_user set active = true where company_id = $1`, [acme.companyId]);
    } finally {
      await db.end();
    }
    const idp = scimClient(acme);
    ada = (await idp('POST', '/Users', {
      schemas: [CORE_USER, ENTERPRISE], userName: 'ada@example.test', displayName: 'Ada Lovelace', externalId: 'okta-ada', title: 'Analyst',
      [ENTERPRISE]: { department: 'Research' },
      name: { givenName: 'Ada', familyName: 'Lovelace' }, emails: [{ value: 'ada@example.test', type: 'work', primary: true }],
    })).body as { id: string };
    const okta = await t.services().tokens.createScimToken(acme.companyId, 'Okta', 'test');
    const suspend = await scimClient({ ...acme, scimToken: okta.secret })('PATCH', `/Users/${ada.id}`, {
      schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(suspend.status).toBe(200);
    const bulkIds = await t.services().em.getConnection().execute<{ id: string }[]>(
      `select id::text as id from directory_user where company_id = ? and user_name like 'bulk-%' order by user_name limit ?`,
      [acme.companyId, GROUP_MEMBERS - 1],
    );
    team = (await idp('POST', '/Groups', {
      schemas: [CORE_GROUP], displayName: 'Engineering', externalId: 'okta-eng',
      members: [{ value: ada.id }, ...bulkIds.map((row) => ({ value: row.id }))],
    })).body as { id: string };
    expect((await idp('POST', '/Groups', { schemas: [CORE_GROUP], displayName: 'Sales' })).status).toBe(201);
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, USERS);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the tab bar on every SCIM2 route with the open tab marked', async () => {
    const { page } = browser;
    for (const [path, current] of [[SCIM2, 'overview'], [USERS, 'users'], [GROUPS, 'groups'], [`${USERS}/${ada.id}`, 'users'], [`${GROUPS}/${team.id}`, 'groups'], [`${SCIM2}/activity`, 'activity'], [`${SCIM2}/audit`, 'audit'], [`${SCIM2}/webhooks`, 'webhooks']] as const) {
      await page.goto(`${t.baseUrl}${path}`);
      const tabs = page.getByRole('navigation', { name: 'SCIM2' });
      await tabs.waitFor();
      expect(await tabs.getByRole('link').allTextContents()).toEqual(['Overview', 'Users', 'Groups', 'Activity', 'Audit', 'Webhooks']);
      expect(await page.getByTestId(`tab-${current}`).getAttribute('aria-current')).toBe('page');
      expect(await tabs.locator('[aria-current="page"]').count()).toBe(1);
    }
    await page.getByTestId('tab-users').click();
    await page.waitForURL(`${t.baseUrl}${USERS}`);
    await rows(page).first().waitFor();
  });

  it('pages through the users by key, past the 100-row mark and back', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}`);
    await rows(page).first().waitFor();
    const all: string[] = [];
    all.push(...(await firstUserNames(page)));
    expect(all).toHaveLength(50);
    const next = page.getByRole('button', { name: 'Next', exact: true });
    for (const expected of ['51–100', '101–131']) {
      const before = all.at(-1);
      await next.click();
      await expect.poll(async () => (await firstUserNames(page))[0] !== all[0] && (await firstUserNames(page)).at(-1) !== before).toBe(true);
      expect(await page.locator('.pager').textContent()).toContain(expected);
      all.push(...(await firstUserNames(page)));
    }
    expect(all).toHaveLength(BULK + 1);
    expect(new Set(all).size).toBe(BULK + 1);
    expect([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en'))).toEqual(all);
    expect(await next.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous', exact: true }).click();
    await expect.poll(() => page.locator('.pager').textContent()).toContain('51–100');
    expect(await firstUserNames(page)).toEqual(all.slice(50, 100));
  });

  it('searches as the operator types (debounced), keeps the search in the address, and says when nothing matches', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}`);
    await rows(page).first().waitFor();
    const searches: string[] = [];
    const listen = (request: { postData(): string | null }) => {
      const body = request.postData() ?? '';
      if (body.includes('query UsersTab')) searches.push(body);
    };
    page.on('request', listen);
    await page.getByLabel('Search users').pressSequentially('LOVELACE', { delay: 40 });
    await page.waitForURL(/\?q=LOVELACE$/);
    // A trigram search on a machine shared with other test runs can take longer than poll's 1 s.
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1);
    page.off('request', listen);
    // One request for the settled text, not one per keystroke.
    expect(searches.length).toBeLessThanOrEqual(2);
    const row = rows(page).first();
    expect(await row.textContent()).toContain('ada@example.test');
    expect(await row.getAttribute('data-active')).toBe('false');
    expect(await row.locator('.badge').textContent()).toBe('Inactive');
    await page.reload();
    expect(await page.getByLabel('Search users').inputValue()).toBe('LOVELACE');
    await expect.poll(() => rows(page).count()).toBe(1);

    await page.getByLabel('Search users').fill('okta-ada');
    await expect.poll(() => page.url()).toContain('q=okta-ada');
    await expect.poll(() => rows(page).count()).toBe(1);

    await page.getByLabel('Search users').fill('nobody-like-this');
    await page.getByTestId('no-match').waitFor();
    expect(await page.getByTestId('no-match').textContent()).toContain('No users match “nobody-like-this”');
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await rows(page).first().waitFor();
    expect(new URL(page.url()).search).toBe('');
    // Ada (suspended) sorts first, bulk-u1 (active) next: the word and the colour both differ.
    const badge = (n: number) => rows(page).nth(n).locator('.badge').evaluate((el) => [el.textContent, getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    const [suspended, active] = [await badge(0), await badge(1)];
    expect([suspended[0], active[0]]).toEqual(['Inactive', 'Active']);
    expect(suspended[1]).not.toBe(active[1]);
    expect(suspended[2]).not.toBe(active[2]);
  });

  it('filters by status from the address, keeps the filter over a reload, and exports what it shows', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}`);
    await rows(page).first().waitFor();
    const status = page.getByLabel('Status');
    await status.selectOption('false');
    await page.waitForURL(/\?active=false$/);
    // Ada is the one suspended user; the 130 bulk users are active.
    await expect.poll(() => firstUserNames(page)).toEqual(['ada@example.test']);
    expect(await rows(page).first().getAttribute('data-active')).toBe('false');
    await page.reload();
    expect(await page.getByLabel('Status').inputValue()).toBe('false');
    await expect.poll(() => firstUserNames(page)).toEqual(['ada@example.test']);
    const exportButton = page.getByRole('button', { name: 'Export CSV' });
    expect(await exportButton.getAttribute('data-export-path')).toBe('/export/users.csv?active=false');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const records = csvRecords(await readFile((await download.path())!, 'utf8'));
    expect(records.map((record) => [record.userName, record.active])).toEqual([['ada@example.test', 'false']]);

    // The search and the filter together, shared as one address: nobody active is called Lovelace.
    await page.goto(`${t.baseUrl}${USERS}?q=lovelace&active=true`);
    await page.getByTestId('no-match').waitFor();
    expect(await page.getByTestId('no-match').textContent()).toContain('No active users match “lovelace”');
    expect(await page.getByLabel('Status').inputValue()).toBe('true');
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => rows(page).count()).toBe(50);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByLabel('Status').inputValue()).toBe('');
    expect(await page.getByLabel('Search users').inputValue()).toBe('');

    await page.getByLabel('Status').selectOption('true');
    await expect.poll(() => page.url()).toContain('active=true');
    await expect.poll(async () => (await firstUserNames(page))[0]).toBe('bulk-u1');
    expect(await rows(page).evaluateAll((all) => all.every((row) => row.getAttribute('data-active') === 'true'))).toBe(true);
  });

  it('shows one user in full: attributes, groups, source tokens, times, activity and the raw SCIM JSON', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}?q=ada`);
    await page.getByRole('link', { name: 'ada@example.test' }).click();
    await page.waitForURL(`${t.baseUrl}${USERS}/${ada.id}`);
    const attributes = page.getByTestId('user-attributes');
    await attributes.waitFor();
    const text = (await attributes.textContent()) ?? '';
    for (const expected of ['Ada Lovelace', 'Lovelace', ada.id, 'okta-ada', 'Created by tokenTest IdP', 'Last changed by tokenOkta', 'titleAnalyst', 'Inactive']) {
      expect(text).toContain(expected);
    }
    expect(await page.getByTestId('user-groups').getByRole('link').allTextContents()).toEqual(['Engineering']);
    // The enterprise extension's long attribute path wraps in its label: values keep their column.
    expect(text).toContain(`${ENTERPRISE}.departmentResearch`);
    const valueLefts = await attributes.locator('dd').evaluateAll((all) => [...new Set(all.map((dd) => Math.round(dd.getBoundingClientRect().left)))]);
    const listLeft = await attributes.evaluate((dl) => dl.getBoundingClientRect().left);
    expect(valueLefts).toHaveLength(1);
    expect(valueLefts[0]! - listLeft).toBeLessThan(360);

    const scim = await scimClient(acme)('GET', `/Users/${ada.id}`);
    const shown = JSON.parse((await page.getByTestId('raw-json').textContent()) ?? '') as Record<string, unknown>;
    expect(shown).toEqual(scim.body);
    const copy = page.getByRole('button', { name: 'Copy raw SCIM JSON' });
    await copy.click();
    await expect.poll(() => copy.getAttribute('data-copied')).toBe('true');
    expect(JSON.parse(await readClipboard(page))).toEqual(scim.body);

    // The requests about Ada, newest first (the recorder writes in batches: reload until they are in).
    await expect.poll(async () => {
      await page.reload();
      await page.getByTestId('resource-activity').waitFor();
      return page.getByTestId('resource-activity-row').allTextContents();
    }, { timeout: 10_000 }).toEqual([expect.stringContaining('Get User'), expect.stringContaining('Update User'), expect.stringContaining('Create User')]);
    expect(await page.getByTestId('resource-activity-row').nth(1).textContent()).toContain('Okta');
    await screenshot(page, 'scim-user-detail');
    await expectNoSeriousViolations(page);
  });

  it('shows a group with its members a page at a time', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${GROUPS}`);
    await page.getByTestId('group-row').first().waitFor();
    expect(await page.getByTestId('group-row').locator('td:first-child').allTextContents()).toEqual(['Engineering', 'Sales']);
    expect(await page.getByTestId('group-row').first().textContent()).toContain(String(GROUP_MEMBERS));
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: 'Engineering' }).click();
    await page.waitForURL(`${t.baseUrl}${GROUPS}/${team.id}`);
    const members = page.getByTestId('group-members');
    await members.getByTestId('member-row').first().waitFor();
    expect(await members.getByTestId('member-row').count()).toBe(50);
    await members.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => members.getByTestId('member-row').count()).toBe(GROUP_MEMBERS - 50);
    expect(await page.getByTestId('group-attributes').textContent()).toContain('okta-eng');
    expect(JSON.parse((await page.getByTestId('raw-json').textContent()) ?? '{}')).toMatchObject({ id: team.id, displayName: 'Engineering' });
    await expectNoSeriousViolations(page);
  });

  it('exports the users of the current search as CSV, and the file opens with every match', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}?q=bulk-u1`);
    await rows(page).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('users.csv');
    const records = csvRecords(await readFile((await download.path())!, 'utf8'));
    // bulk-u1, bulk-u10…u19, bulk-u100…u130: 1 + 10 + 31.
    expect(records).toHaveLength(42);
    expect(records.every((record) => record.userName!.startsWith('bulk-u1'))).toBe(true);
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['id', 'userName', 'active', 'createdByToken', 'lastModified']));

    await page.goto(`${t.baseUrl}${GROUPS}`);
    await page.getByTestId('group-row').first().waitFor();
    const [groups] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const groupRecords = csvRecords(await readFile((await groups.path())!, 'utf8'));
    expect(groupRecords.map((record) => [record.displayName, record.memberCount])).toEqual([['Engineering', String(GROUP_MEMBERS)], ['Sales', '0']]);
  });

  it('works by keyboard alone: search, open a user, come back', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}`);
    await rows(page).first().waitFor();
    await page.getByLabel('Search users').focus();
    await page.keyboard.type('ada@');
    await expect.poll(() => rows(page).count()).toBe(1);
    // Search → Status → Export → the user's link.
    for (let n = 0; n < 3; n += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('ada@example.test');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}${USERS}/${ada.id}`);
    await page.getByTestId('user-attributes').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: '← All users' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}${USERS}`);
  });

  it('fits a 1280 px screen without sideways scrolling of the table, and a 390 px phone', async () => {
    const { page } = browser;
    await page.goto(`${t.baseUrl}${USERS}`);
    await rows(page).first().waitFor();
    const wrap = page.locator('.table-wrap').first();
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'scim-users');
    await page.goto(`${t.baseUrl}${GROUPS}`);
    await page.getByTestId('group-row').first().waitFor();
    expect(await page.locator('.table-wrap').first().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize(PHONE);
    try {
      for (const path of [USERS, `${USERS}/${ada.id}`, GROUPS, `${GROUPS}/${team.id}`]) {
        await page.goto(`${t.baseUrl}${path}`);
        await page.locator('[data-testid="user-row"], [data-testid="group-row"], [data-testid="raw-json"]').first().waitFor();
        await expectPhoneFriendly(page);
      }
      await page.goto(`${t.baseUrl}${USERS}`);
      await rows(page).first().waitFor();
      await screenshot(page, 'scim-users-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows empty states to a company without users or groups, and refuses operators without iam:read', async () => {
    const empty = await seedCompany(t);
    const outsider = await seedCompany(t, { permissions: [] });
    const { page } = browser;
    await signIn(page, t.baseUrl, empty.email, empty.password, USERS);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('No users yet.');
    await expectNoSeriousViolations(page);
    await page.getByTestId('tab-groups').click();
    await expect.poll(() => page.getByTestId('empty-state').textContent()).toContain('No groups yet.');
    // Another company's user is answered like a missing one.
    await page.goto(`${t.baseUrl}${USERS}/${ada.id}`);
    await page.getByTestId('missing-entry').waitFor();

    await signIn(page, t.baseUrl, outsider.email, outsider.password, `${USERS}/${ada.id}`);
    await page.getByTestId('access-denied').waitFor();
    for (const path of [USERS, GROUPS, `${GROUPS}/${team.id}`]) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByTestId('access-denied').waitFor();
      expect(await page.getByTestId('user-row').count()).toBe(0);
    }
    await signIn(page, t.baseUrl, acme.email, acme.password, USERS);
  });
});
