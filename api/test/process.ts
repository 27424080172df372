import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../src/node-flags.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RosterProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `npm start`'s entry point (without the console build) as a real child process. */
export function spawnRoster(env: Record<string, string>, nodeArgs: string[] = []): RosterProcess {
  return spawnTs('api/src/main.ts', [], env, [...SERVER_NODE_FLAGS, ...nodeArgs]);
}

export function spawnCli(args: string[], env: Record<string, string>, stdin = ''): RosterProcess {
  const run = spawnTs('api/src/cli/main.ts', args, env);
  run.child.stdin?.end(stdin);
  return run;
}

export function spawnTs(entry: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): RosterProcess {
  // node --import tsx keeps it one process, so signals and kill -9 reach Roster itself.
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    // METRICS_PORT 0: processes started side by side must not compete for the default port.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', METRICS_PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function runCli(args: string[], env: Record<string, string>, stdin = '') {
  const run = spawnCli(args, env, stdin);
  const code = await run.exited;
  return { code, output: run.output() };
}

export async function waitForReady(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
    if (response?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`${baseUrl} did not become ready`);
}

const tempDirs: string[] = [];

export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-data-'));
  tempDirs.push(dir);
  await chmod(dir, 0o755);
  return join(dir, 'data');
}

/** Removes what tempDataDir made (an embedded cluster is 64 MB); call once the processes have exited. */
export async function removeTempDataDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
