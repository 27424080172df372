import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../src/db/free-port.js';
import { listen } from '../src/http/listen.js';
import { keepAliveClient } from './keep-alive-client.js';
import { removeTempDataDirs, spawnRoster, tempDataDir, waitForReady, type RosterProcess } from './process.js';
import { USER_URN } from './scim-client.js';

const running: RosterProcess[] = [];
afterAll(async () => {
  for (const run of running) run.child.kill('SIGKILL');
  await Promise.all(running.map((run) => run.exited));
  await removeTempDataDirs();
});

/** The node processes the primary forked (its PostgreSQL child is not one of them). */
function workerPids(primaryPid: number): number[] {
  let listing: string;
  try {
    listing = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(primaryPid)], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return listing.split('\n').map((line) => line.trim().split(/\s+/)).filter(([, comm]) => comm === 'node').map(([pid]) => Number(pid));
}

async function scimRequestsCounted(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return text.split('\n')
    .filter((line) => line.startsWith('roster_scim_requests_total{') && line.includes('company="demo"'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('WORKERS=2', () => {
  it('serves one port from two workers over one database, merges their metrics, replaces a dead worker and stops cleanly', async () => {
    const dataDir = await tempDataDir();
    const [port, metricsPort] = [await findFreePort(), await findFreePort()];
    const run = spawnRoster({ DATA_DIR: dataDir, PORT: String(port), METRICS_PORT: String(metricsPort), WORKERS: '2', SCIM_RATE_LIMIT_PER_SECOND: '0' });
    running.push(run);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForReady(baseUrl);
    await expect.poll(() => run.output(), { timeout: 30_000 }).toContain('Roster console:');
    const pid = run.child.pid!;
    expect(workerPids(pid)).toHaveLength(2);

    const token = /SCIM token: +(\S+)/.exec(run.output())![1]!;
    const client = keepAliveClient(baseUrl, 8);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
    const created = await Promise.all(Array.from({ length: 120 }, (_, i) => client.request('POST', '/pp/scim/v2/demo/Users', {
      headers, body: JSON.stringify({ schemas: [USER_URN], userName: `worker-user-${i}@example.com` }),
    })));
    expect(created.map((response) => response.status)).toEqual(Array(120).fill(201));
    const listed = await client.request('GET', '/pp/scim/v2/demo/Users?count=1', { headers });
    expect(listed.body.totalResults).toBe(120);
    // Both workers answered, and the primary's scrape sums them.
    await expect.poll(() => scimRequestsCounted(`http://127.0.0.1:${metricsPort}/metrics`)).toBe(121);

    const [victim] = workerPids(pid);
    process.kill(victim!, 'SIGKILL');
    await expect.poll(() => workerPids(pid).filter((worker) => worker !== victim).length, { timeout: 30_000 }).toBe(2);
    client.close();
    const afterRestart = keepAliveClient(baseUrl, 4);
    const again = await Promise.all(Array.from({ length: 8 }, () => afterRestart.request('GET', '/pp/scim/v2/demo/Users?count=1', { headers })));
    expect(again.map((response) => response.status)).toEqual(Array(8).fill(200));
    afterRestart.close();

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(workerPids(pid)).toEqual([]);
  }, 180_000);

  it('fails the start, and stops its PostgreSQL, when the workers cannot listen', async () => {
    const dataDir = await tempDataDir();
    const blocker = createServer();
    const taken = await listen(blocker, 0, '127.0.0.1');
    try {
      const run = spawnRoster({ DATA_DIR: dataDir, PORT: String(taken), WORKERS: '2' });
      running.push(run);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('worker exited during start-up');
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      blocker.close();
    }
  }, 180_000);
});
