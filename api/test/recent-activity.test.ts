import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { scimClient } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { sql } from '../src/db/sql-tag.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

interface Node {
  id: string;
  occurredAt: string;
  tokenLabel: string | null;
  operation: string;
}
type Page = { recentActivity: { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
const PAGE_QUERY = `query($first: Int, $after: String) {
  recentActivity(first: $first, after: $after) { edges { node { id occurredAt tokenLabel operation } } pageInfo { hasNextPage endCursor } }
}`;

async function page(company: SeededCompany, first: number, after: string | null = null) {
  const response = await gql<Page>(t, PAGE_QUERY, { first, after }, { token: company.apiToken });
  expect(response.errors).toBeUndefined();
  return response.data!.recentActivity;
}

/** `count` events in `instants` distinct milliseconds, so several share a time (ties across page edges). */
async function insertSharingInstants(companyId: string, count: number, instants: number, label: string, agoMs: number): Promise<string[]> {
  const rows = await t.sql.query<{ id: string }>(
    sql`insert into provisioning_event (company_id, occurred_at, token_label, method, operation, status, duration_ms)
     select ${companyId}, date_trunc('milliseconds', now()) - ${agoMs} * interval '1 millisecond' + (g % ${instants}) * interval '1 millisecond',
       ${label}, 'GET', 'List Users', 200, 1
     from generate_series(1, ${count}) g returning id::text as id`,
  );
  return rows.map((row) => row.id);
}

const newestFirst = (a: Node, b: Node) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || Number(BigInt(b.id) - BigInt(a.id));

describe('recent activity', () => {
  it('lists a company\'s real SCIM requests newest first past 99 events, and the newest is the last request', async () => {
    const company = await seedCompany(t);
    const okta = scimClient(company);
    for (let n = 0; n < 120; n += 1) expect((await okta('GET', '/Users?count=1')).status).toBe(200);
    const entra = await t.services().tokens.createScimToken(company.companyId, 'Entra ID', 'test');
    expect((await scimClient({ ...company, scimToken: entra.secret })('GET', '/Groups?count=1')).status).toBe(200);

    let events: Node[] = [];
    for (let tries = 0; tries < 50 && events[0]?.tokenLabel !== 'Entra ID'; tries += 1) {
      await sleep(100); // the recorder writes every 200 ms
      events = (await page(company, 100)).edges.map((edge) => edge.node);
    }
    expect(events).toHaveLength(100);
    expect(events[0]).toMatchObject({ tokenLabel: 'Entra ID', operation: 'List Groups' });
    expect([...events].sort(newestFirst)).toEqual(events);
    const ids = events.map((event) => BigInt(event.id));
    expect(ids.every((id, index) => index === 0 || id < ids[index - 1]!)).toBe(true);
    expect(ids.some((id) => id >= 100n) && ids.some((id) => id < 100n)).toBe(true); // "99" vs "100" is where text sorting broke
    // What the console's "Last request from …" reads.
    const last = await gql<{ lastRequest: Page['recentActivity'] }>(t, '{ lastRequest: recentActivity(first: 1) { edges { node { id tokenLabel occurredAt operation } } pageInfo { hasNextPage endCursor } } }', {}, { token: company.apiToken });
    expect(last.data?.lastRequest.edges[0]?.node).toEqual(events[0]);
  });

  it('pages through 320 events with no duplicates or gaps while new events keep arriving', async () => {
    const company = await seedCompany(t);
    const existing = await insertSharingInstants(company.companyId, 320, 40, 'Okta', 3_600_000);
    const seen: Node[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const current: Page['recentActivity'] = await page(company, 100, after);
      seen.push(...current.edges.map((edge) => edge.node));
      // Newer events arrive between pages, as a live IdP's do.
      await insertSharingInstants(company.companyId, 15, 3, 'Entra ID', 0);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    const ids = seen.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...existing].sort());
    expect([...seen].sort(newestFirst)).toEqual(seen);
  });
});
