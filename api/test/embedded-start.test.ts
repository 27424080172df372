import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/free-port.js';
import { removeTempDataDirs, runCli, spawnRoster, tempDataDir, waitForReady, type RosterProcess } from './process.js';

const running: RosterProcess[] = [];
afterAll(async () => {
  for (const run of running) run.child.kill('SIGKILL');
  await Promise.all(running.map((run) => run.exited));
  await removeTempDataDirs();
});

async function start(dataDir: string) {
  const port = await findFreePort();
  const run = spawnRoster({ DATA_DIR: dataDir, PORT: String(port) });
  running.push(run);
  return { run, baseUrl: `http://127.0.0.1:${port}`, port };
}

async function signIn(baseUrl: string, password: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
    body: JSON.stringify({ query: 'mutation($p: String!) { signIn(email: "admin@demo.example", password: $p) { id } }', variables: { p: password } }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  return response.status === 200 && !body.errors;
}

describe('npm start on the embedded database', () => {
  it('bootstraps once, refuses a second instance, serves the CLI while running, stops gracefully, reuses data', async () => {
    const dataDir = await tempDataDir();
    const first = await start(dataDir);
    await waitForReady(first.baseUrl);
    await expect.poll(() => first.run.output()).toContain('Roster console:');
    expect(first.run.output()).toContain(`SCIM base URL:  http://localhost:${first.port}/pp/scim/v2/demo`);
    expect(first.run.output()).toContain(`Roster console: http://localhost:${first.port}/login — sign in as admin@demo.example`);
    // Ready means bootstrapped: the printed login works as soon as /readyz says 200.
    expect(await signIn(first.baseUrl, /Password: +(\S+)/.exec(first.run.output())?.[1] ?? '')).toBe(true);

    const second = await start(dataDir);
    expect(await second.run.exited).toBe(2);
    expect(second.run.output()).toContain('already running');

    const created = await runCli(['company', 'create', 'acme', '--name', 'Acme'], { DATA_DIR: dataDir });
    expect(created).toMatchObject({ code: 0 });
    const token = await runCli(['scim-token', 'create', 'acme', '--label', 'Okta'], { DATA_DIR: dataDir });
    expect(token.output.trim().split('\n').at(-1)).toMatch(/^roster_scim_[\w-]{43}$/);

    first.run.child.kill('SIGTERM');
    expect(await first.run.exited).toBe(0);
    expect(existsSync(join(dataDir, 'instance.json'))).toBe(false);

    const listed = await runCli(['company', 'list'], { DATA_DIR: dataDir });
    expect(listed.output).toContain('acme\tAcme');
    expect(listed.output).toContain('demo\tDemo Company');

    const again = await start(dataDir);
    await waitForReady(again.baseUrl);
    await expect.poll(() => again.run.output()).toContain('Roster console:');
    expect(again.run.output()).not.toContain('SCIM token:');
    expect(again.run.output()).toContain('operator reset-password admin@demo.example');
    again.run.child.kill('SIGTERM');
    expect(await again.run.exited).toBe(0);
  }, 120_000);

  it('stopped during start-up, still stops its PostgreSQL and releases the data folder', async () => {
    const dataDir = await tempDataDir();
    const { run } = await start(dataDir);
    const postmasterPid = join(dataDir, 'pg', 'postmaster.pid');
    await expect.poll(() => existsSync(postmasterPid), { timeout: 60_000, interval: 20 }).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(existsSync(postmasterPid)).toBe(false);
    expect(existsSync(join(dataDir, 'instance.json'))).toBe(false);
  }, 120_000);

  it('recovers after a kill -9 that left PostgreSQL running', async () => {
    const dataDir = await tempDataDir();
    const first = await start(dataDir);
    await waitForReady(first.baseUrl);
    first.run.child.kill('SIGKILL');
    await first.run.exited;
    const second = await start(dataDir);
    await waitForReady(second.baseUrl);
    second.run.child.kill('SIGTERM');
    expect(await second.run.exited).toBe(0);
  }, 120_000);
});
