import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the HTTP server over a real database', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('reports 503 on /readyz when the database is unreachable', async () => {
    const other = await startTestApp();
    await other.orm.close();
    const ready = await fetch(`${other.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    await other.app.stop();
    await other.events.close();
    await other.database.drop();
  });

  it('exposes request duration by route family and pool stats on the metrics port', async () => {
    await fetch(`${t.baseUrl}/healthz`);
    const text = await (await fetch(`${t.metricsUrl}/metrics`)).text();
    expect(text).toMatch(/roster_http_request_duration_seconds_count\{family="health",method="GET",status="200"\} \d+/);
    expect(text).toMatch(/roster_db_pool_connections\{state="used"\} \d+/);
  });

  it('gives every response a request id, keeping a well-formed one from the caller', async () => {
    const own = await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(own.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the console shell for client-side routes and refuses path traversal', async () => {
    const page = await fetch(`${t.baseUrl}/it-settings/iam/scim2`);
    expect([200, 503]).toContain(page.status);
    const traversal = await fetch(`${t.baseUrl}/assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });
});
