import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CONSOLE = join(REPO, 'console');
// A test run must not dirty the checkout: screenshots land in .screenshots/ (ignored) unless
// SCREENSHOT_DIR=docs/screenshots asks to refresh the committed ones.
export const SCREENSHOTS = join(REPO, process.env.SCREENSHOT_DIR ?? '.screenshots');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat().sort();
}

/** A fingerprint of everything that goes into the bundle, so parallel test files share one build. */
async function consoleFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await sourceFiles(join(CONSOLE, 'src'))), join(CONSOLE, 'index.html'), join(CONSOLE, 'vite.config.ts')];
  for (const file of files) hash.update(relative(REPO, file)).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr}`))));
  });
}

/**
 * Builds the console with Vite into a temp folder named after the sources' fingerprint; a
 * second test file (or run) with the same sources reuses it. The rename makes the build appear
 * atomically, so a concurrent file never serves a half-written folder.
 */
export async function buildConsole(): Promise<string> {
  const root = join(tmpdir(), 'roster-console-e2e');
  await mkdir(root, { recursive: true });
  const target = join(root, await consoleFingerprint());
  if (existsSync(join(target, 'index.html'))) return target;
  const staging = `${target}.staging-${process.pid}`;
  await run(process.execPath, [
    join(REPO, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    join(CONSOLE, 'vite.config.ts'),
    '--outDir',
    staging,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  await rename(staging, target).catch(async () => rm(staging, { recursive: true, force: true }));
  await stat(join(target, 'index.html'));
  return target;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a throw-away profile (STACK.md pitfall 5). */
export async function openBrowser(origin: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'roster-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string, path = '/'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Saves a PNG of the state under SCREENSHOTS. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}

export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
