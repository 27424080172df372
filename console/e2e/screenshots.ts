/**
 * Refreshes the README's console screenshots (docs/screenshots/), by hand and not in `npm test`:
 *
 *   npx tsx console/e2e/screenshots.ts
 *
 * Starts Roster as `npm start` does (fresh DATA_DIR, free port), takes the demo sign-in from what
 * the first start prints, provisions a small directory over SCIM as two IdPs would, and saves
 * one PNG per screen at 1280 px, cropped to the viewport so each file stays small. The README's
 * other screenshots (a running Delete All Users, the guided set-up) come from the e2e tests:
 * SCREENSHOT_DIR=docs/screenshots npx vitest run console/e2e/<file>.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { findFreePort } from '../../api/src/db/free-port.js';
import { openBrowser, signIn } from './browser-harness.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(REPO, 'docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };
const MAX_BYTES = 200_000;
const SCIM2 = '/it-settings/iam/scim2';
const SAML = '/it-settings/iam/saml-oauth';

interface Demo {
  origin: string;
  email: string;
  password: string;
  scimBaseUrl: string;
  scimToken: string;
}

/** `npm start` on an empty data folder; resolves once the demo's secrets and the sign-in line are printed. */
async function startRoster(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; demo: Demo }> {
  const child = spawn('npm', ['start', '--silent'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let out = '';
  const demo = await new Promise<Demo>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const field = (name: string) => new RegExp(`^\\s*${name}:\\s+(\\S+)`, 'm').exec(out)?.[1];
      // Every start prints where to sign in; the first one also prints the demo's secrets above it.
      if (!/^Roster console: /m.test(out)) return;
      const [consoleUrl, email, password, scimBaseUrl, scimToken] = ['Console', 'Login', 'Password', 'SCIM base URL', 'SCIM token'].map(field);
      if (!consoleUrl || !email || !password || !scimBaseUrl || !scimToken) return reject(new Error(`no demo sign-in printed:\n${out}`));
      resolve({ origin: new URL(consoleUrl).origin, email, password, scimBaseUrl, scimToken });
    });
  });
  return { child, demo };
}

/** `npm run roster -- …` against the running instance (the CLI finds it through DATA_DIR). */
function roster(env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/main.ts', ...args], { cwd: REPO, env, stdio: ['ignore', 'ignore', 'inherit'] });
    cli.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`roster ${args.join(' ')} exited with ${code}`))));
  });
}

function scim(demo: Demo, token: string, userAgent: string) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: { id?: string } }> => {
    const response = await fetch(`${demo.scimBaseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json', 'user-agent': userAgent },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as { id?: string } };
  };
}

const PEOPLE = [
  ['Ada', 'Lovelace', 'Engineering', 'Analyst'], ['Grace', 'Hopper', 'Engineering', 'Rear Admiral'], ['Alan', 'Turing', 'Research', 'Mathematician'],
  ['Edsger', 'Dijkstra', 'Engineering', 'Programmer'], ['Barbara', 'Liskov', 'Research', 'Professor'], ['Katherine', 'Johnson', 'Finance', 'Analyst'],
  ['Donald', 'Knuth', 'Research', 'Author'], ['Margaret', 'Hamilton', 'Engineering', 'Director'], ['Linus', 'Torvalds', 'Engineering', 'Maintainer'],
  ['Radia', 'Perlman', 'Engineering', 'Network Architect'], ['Tim', 'Berners-Lee', 'Research', 'Director'], ['Frances', 'Allen', 'Research', 'Fellow'],
  ['John', 'Backus', 'Engineering', 'Engineer'], ['Hedy', 'Lamarr', 'Sales', 'Account Executive'], ['Ken', 'Thompson', 'Engineering', 'Engineer'],
  ['Joan', 'Clarke', 'Finance', 'Controller'], ['Dennis', 'Ritchie', 'Engineering', 'Engineer'], ['Annie', 'Easley', 'Sales', 'Sales Engineer'],
] as const;

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** As the console's own fetches do: the session cookie and the CSRF header. */
async function graphql<T>(page: Page, query: string): Promise<T> {
  return page.evaluate(async (text) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query: text }) });
    return ((await response.json()) as { data: T }).data;
  }, query);
}

/** Two IdPs, four departments, two suspended users and two refused requests. */
async function provision(demo: Demo, page: Page): Promise<{ adaId: string }> {
  const token = async (label: string) =>
    (await graphql<{ createScimToken: { secret: string } }>(page, `mutation { createScimToken(label: "${label}") { secret } }`)).createScimToken.secret;
  const entra = scim(demo, await token('Entra ID'), 'Azure AD SCIM Client');
  const okta = scim(demo, await token('Okta'), 'Okta SCIM Client 1.0.0');
  // A round trip an operator would make while setting up, so the audit tab has more than sign-ins.
  await graphql(page, 'mutation { deactivateScim { status } }');
  await graphql(page, 'mutation { activateScim { status } }');
  const ids = new Map<string, string>();
  for (const [index, [given, family, department, title]] of PEOPLE.entries()) {
    const userName = `${given.toLowerCase()}.${family.toLowerCase()}@example.com`;
    const created = await (index % 3 === 0 ? entra : okta)('POST', '/Users', {
      schemas: [CORE_USER, ENTERPRISE], userName, externalId: `00u${(index + 1).toString(16).padStart(6, '0')}`, active: true, title,
      displayName: `${given} ${family}`, name: { givenName: given, familyName: family }, emails: [{ value: userName, type: 'work', primary: true }],
      [ENTERPRISE]: { department, employeeNumber: String(1000 + index) },
    });
    ids.set(userName, created.body.id!);
  }
  for (const userName of ['hedy.lamarr@example.com', 'ada.lovelace@example.com']) {
    await okta('PATCH', `/Users/${ids.get(userName)}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] });
  }
  for (const department of ['Engineering', 'Research', 'Finance', 'Sales']) {
    const members = PEOPLE.filter((person) => person[2] === department).map(([given, family]) => ({ value: ids.get(`${given.toLowerCase()}.${family.toLowerCase()}@example.com`)! }));
    await okta('POST', '/Groups', { schemas: [CORE_GROUP], displayName: department, externalId: `okta-${department.toLowerCase()}`, members });
  }
  // What a sync problem looks like: a duplicate userName and a filter the server cannot parse.
  await okta('POST', '/Users', { schemas: [CORE_USER], userName: 'grace.hopper@example.com' });
  await entra('GET', '/Users?filter=userName%20sw');
  await okta('GET', `/Users/${ids.get('ada.lovelace@example.com')}`);
  return { adaId: ids.get('ada.lovelace@example.com')! };
}

async function save(page: Page, name: string, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor();
  // Relative times and the live dot settle; the pointer rests nowhere.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  const { size } = await stat(path);
  if (size > MAX_BYTES) throw new Error(`${name}.png is ${size} bytes, more than ${MAX_BYTES}`);
  process.stdout.write(`${name}.png  ${Math.round(size / 1024)} KB\n`);
}

/** The new token's one-time secret, and the blocked states while the native Entra ID integration is on. */
async function tokenAndEntraStates(page: Page, origin: string, env: NodeJS.ProcessEnv): Promise<void> {
  await page.goto(`${origin}${SAML}`);
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByTestId('create-token-dialog').getByLabel('Label').fill('OneLogin');
  await page.keyboard.press('Enter');
  await save(page, 'saml-oauth-token-created', '[data-testid="token-created-dialog"]');
  await page.getByTestId('token-created-dialog').getByRole('button', { name: 'Done' }).click();
  await roster(env, ['company', 'entra', 'demo', 'on']);
  await page.goto(`${origin}${SCIM2}`);
  await save(page, 'scim-overview-entra-conflict', '[data-testid="notice-entra-conflict"]');
  await page.goto(`${origin}${SAML}`);
  await save(page, 'saml-oauth-entra-conflict', '[data-testid="activation-blocked"]');
  await roster(env, ['company', 'entra', 'demo', 'off']);
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'roster-screenshots-'));
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(await findFreePort()), METRICS_PORT: String(await findFreePort()), LOG_LEVEL: 'warn' };
  const { child, demo } = await startRoster(env);
  const browser = await openBrowser(demo.origin);
  try {
    const { page } = browser;
    await page.setViewportSize(VIEWPORT);
    await signIn(page, demo.origin, demo.email, demo.password, SCIM2);
    const { adaId } = await provision(demo, page);
    // The request recorder writes in batches: wait until the last request is listed.
    await page.goto(`${demo.origin}${SCIM2}/activity`);
    await page.getByTestId('activity-row').filter({ hasText: 'Get User' }).first().waitFor({ timeout: 15_000 });
    // The overview is a long page: tall enough to show its recent-activity card as well.
    await page.setViewportSize({ width: VIEWPORT.width, height: 1560 });
    await page.goto(`${demo.origin}${SCIM2}`);
    await save(page, 'scim-overview', '[data-testid="activity-row"]');
    await page.setViewportSize(VIEWPORT);
    const shots: [string, string, string][] = [
      ['scim-users', `${SCIM2}/users`, '[data-testid="user-row"]'],
      ['scim-user-detail', `${SCIM2}/users/${adaId}`, '[data-testid="resource-activity-row"]'],
      ['scim-groups', `${SCIM2}/groups`, '[data-testid="group-row"]'],
      ['scim-activity', `${SCIM2}/activity?outcome=failed`, '[data-testid="activity-row"]'],
      ['scim-audit', `${SCIM2}/audit`, '[data-testid="audit-row"]'],
    ];
    for (const [name, path, ready] of shots) {
      await page.goto(`${demo.origin}${path}`);
      await save(page, name, ready);
    }
    // A write, to show the changed attributes beside the request.
    await page.goto(`${demo.origin}${SCIM2}/activity?operation=Update+User`);
    await page.getByTestId('activity-row').first().getByRole('link').click();
    await save(page, 'scim-activity-detail', '[data-testid="activity-detail"]');
    await tokenAndEntraStates(page, demo.origin, env);
  } finally {
    await browser.close();
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
