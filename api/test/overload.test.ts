/** Issue 11 §6: under a paging storm, probes stay fast and the SCIM in-flight cap sheds with 503. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { seedDirectory } from './directory-seed.js';
import { heldScimPost, keepAliveClient } from './keep-alive-client.js';
import { waitFor } from './graphql-helpers.js';
import { ERROR_URN } from './scim-client.js';

let t: TestApp;
let company: SeededCompany;
let accepted = 0;
beforeAll(async () => {
  t = await startTestApp();
  t.app.server.on('connection', () => void (accepted += 1));
  company = await seedCompany(t);
  const db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
  await seedDirectory(db, { companyId: company.companyId, prefix: 'load', users: 150 });
  await db.end();
});
afterAll(() => t?.close());

const CONNECTIONS = 200;
const LIVENESS_TIMEOUT_MS = 1000;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** 200 keep-alive connections, each paging through /Users until `stop.done`. */
function pageStorm(stop: { done: boolean }) {
  const load = keepAliveClient(t.baseUrl, CONNECTIONS);
  const path = new URL(company.scimBaseUrl).pathname;
  const headers = { authorization: `Bearer ${company.scimToken}` };
  const statuses = new Map<number, number>();
  const connection = async (index: number) => {
    for (let page = 0; !stop.done; page += 1) {
      const startIndex = ((index + page) % 3) * 50 + 1;
      const response = await load.request('GET', `${path}/Users?startIndex=${startIndex}&count=100`, { headers, discard: true });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  const all = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => connection(i)));
  return { statuses, finished: all.finally(() => load.close()) };
}

describe('probes under a paging storm', () => {
  it('answers /healthz and /readyz fast from a separate connection while 200 connections page /Users', async () => {
    const h = monitorEventLoopDelay({ resolution: 5 });
    const stop = { done: false };
    const probe = keepAliveClient(t.baseUrl);
    await probe.request('GET', '/healthz');
    const before = accepted;
    const storm = pageStorm(stop);
    let perSecond: number;
    let measuring = performance.now();
    const samples: Record<'/healthz' | '/readyz', number[]> = { '/healthz': [], '/readyz': [] };
    try {
      await waitFor(() => accepted - before >= CONNECTIONS, 30_000, 'every storm connection accepted');
      h.enable();
      storm.statuses.clear();
      measuring = performance.now();
      for (let i = 0; i < 20; i += 1) {
        for (const path of ['/healthz', '/readyz'] as const) {
          const started = performance.now();
          const response = await probe.request('GET', path);
          samples[path].push(performance.now() - started);
          expect(response.status).toBe(200);
        }
        await sleep(25);
      }
    } finally {
      stop.done = true;
      perSecond = [...storm.statuses.values()].reduce((sum, n) => sum + n, 0) / ((performance.now() - measuring) / 1000);
      await storm.finished;
      probe.close();
    }
    h.disable();
    const summary = Object.fromEntries(Object.entries(samples).map(([path, ms]) => [path, { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) }]));
    console.log(JSON.stringify({ loop: { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 }, summary, perSecond, statuses: [...storm.statuses] }));
    // The storm really ran while the probes were measured, and the default cap shed none of it.
    expect([...storm.statuses.keys()]).toEqual([200]);
    expect(storm.statuses.get(200)).toBeGreaterThan(CONNECTIONS);
    // Robust on a shared 2-core machine, yet far below the seconds seen before: the typical probe
    // is fast, and none comes near a 1 s liveness timeout.
    for (const path of ['/healthz', '/readyz'] as const) {
      expect(quantile(samples[path], 0.5), path).toBeLessThan(50);
      expect(Math.max(...samples[path]), path).toBeLessThan(LIVENESS_TIMEOUT_MS / 2);
    }
  }, 120_000);
});

describe('the SCIM in-flight cap', () => {
  it('answers 503 with Retry-After and a SCIM error beyond the cap, and serves again once below it', async () => {
    const capped = await startTestApp({ SCIM_MAX_CONCURRENCY: '1', SCIM_MAX_IN_FLIGHT: '2', SCIM_RETRY_AFTER_SECONDS: '3' });
    try {
      const c = await seedCompany(capped);
      const path = `${new URL(c.scimBaseUrl).pathname}/Users`;
      const client = keepAliveClient(capped.baseUrl);
      const headers = { authorization: `Bearer ${c.scimToken}` };
      const held = [heldScimPost(c, 'held-1@example.com'), heldScimPost(c, 'held-2@example.com')];
      let shed = await client.request('GET', path, { headers });
      for (let i = 0; i < 50 && shed.status !== 503; i += 1) {
        await sleep(20);
        shed = await client.request('GET', path, { headers });
      }
      expect(shed.status).toBe(503);
      expect(shed.headers['retry-after']).toBe('3');
      expect(shed.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(shed.body).toEqual({ schemas: [ERROR_URN], status: '503', detail: expect.stringMatching(/busy/) });
      for (const request of held) request.finish();
      expect(await Promise.all(held.map((request) => request.status))).toEqual([201, 201]);
      const after = await client.request('GET', path, { headers });
      expect(after.status).toBe(200);
      expect(after.body.totalResults).toBe(2);
      client.close();
    } finally {
      await capped.close();
    }
  });
});
