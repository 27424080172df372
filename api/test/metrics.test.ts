import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { gql } from './graphql-helpers.js';
import { scimClient } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';

let t: TestApp;
let company: SeededCompany;
beforeAll(async () => {
  t = await startTestApp();
  company = await seedCompany(t);
});
afterAll(() => t.close());

const scrape = async (app: TestApp = t) => (await fetch(`${app.metricsUrl}/metrics`)).text();

/** The value of one series, e.g. `sample(text, 'roster_x_total{a="b"}')`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Ends the app's LISTEN connection from the server side, as a PostgreSQL restart would. */
async function terminateListener(app: TestApp): Promise<number> {
  const rows = await app.orm.em.getConnection().execute<{ pg_terminate_backend: boolean }[]>(
    `select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`,
  );
  return rows.length;
}

describe('metrics', () => {
  it('are served on the metrics port only: the public port has no /metrics without a token', async () => {
    const hidden = await fetch(`${t.baseUrl}/metrics`);
    expect(hidden.status).toBe(404);
    await hidden.text();
    const elsewhere = await fetch(`${t.metricsUrl}/graphql`);
    expect(elsewhere.status).toBe(404);
    await elsewhere.text();
    expect(await scrape()).toContain('roster_http_request_duration_seconds');
  });

  it('count SCIM requests by company, operation and status class, and refused ones by reason', async () => {
    const scim = scimClient(company);
    expect((await scim('GET', '/Users')).status).toBe(200);
    expect((await scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'm@x.test' })).status).toBe(201);
    expect((await scimClient(company, { token: 'roster_scim_wrong' })('GET', '/Users')).status).toBe(401);
    expect((await scimClient({ ...company, scimBaseUrl: `${t.baseUrl}/pp/scim/v2/no-such-co` })('GET', '/x')).status).toBe(401);
    const text = await scrape();
    const slug = company.slug;
    expect(sample(text, `roster_scim_requests_total{company="${slug}",operation="List Users",status_class="2xx"}`)).toBe(1);
    expect(sample(text, `roster_scim_requests_total{company="${slug}",operation="Create User",status_class="2xx"}`)).toBe(1);
    expect(sample(text, `roster_scim_requests_total{company="${slug}",operation="List Users",status_class="4xx"}`)).toBe(1);
    expect(sample(text, 'roster_scim_requests_total{company="unknown",operation="Other",status_class="4xx"}')).toBe(1);
    expect(sample(text, 'roster_refused_requests_total{family="scim",reason="unauthenticated"}')).toBe(2);
  });

  it('count GraphQL refusals and sign-in lock-outs', async () => {
    await gql(t, '{ scimConfig { status } }');
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await gql(t, 'mutation { signIn(email: "locked@x.test", password: "wrong password!") { id } }');
    }
    const text = await scrape();
    expect(sample(text, 'roster_refused_requests_total{family="graphql",reason="unauthenticated"}')).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'roster_throttled_requests_total{family="graphql",reason="sign_in_lockout"}')).toBe(1);
  });

  it('report the activity recorder, bulk-delete jobs running and event-bus reconnects', async () => {
    const before = await scrape();
    expect(sample(before, 'roster_activity_recorder_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(before, 'roster_activity_recorder_lost_events')).toBe(0);
    expect(sample(before, 'roster_bulk_delete_jobs_running')).toBe(0);
    expect(sample(before, 'roster_event_bus_reconnects_total')).toBe(0);
    expect(await terminateListener(t)).toBeGreaterThan(0);
    // At least one: the bus may report a drop that surfaced as two connection errors twice.
    await expect.poll(async () => sample(await scrape(), 'roster_event_bus_reconnects_total'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  });

  it('ask for METRICS_TOKEN on both ports when it is set', async () => {
    const token = 'metrics-token-for-the-test';
    const guarded = await startTestApp({ METRICS_TOKEN: token });
    try {
      for (const origin of [guarded.baseUrl, guarded.metricsUrl]) {
        const refused = await fetch(`${origin}/metrics`);
        expect(refused.status).toBe(401);
        await refused.text();
        const wrong = await fetch(`${origin}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
        expect(wrong.status).toBe(401);
        await wrong.text();
        const allowed = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
        expect(allowed.status).toBe(200);
        expect(await allowed.text()).toContain('roster_scim_requests_total');
      }
    } finally {
      await guarded.close();
    }
  });
});
