import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/db/sql-tag.js';
import { gql } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';

let t: TestApp;
let acme: SeededCompany;
let other: SeededCompany;
let tokenA: string;
let tokenB: string;
const RESOURCE = '6f9619ff-8b86-d011-b42d-00c04fc964ff';

beforeAll(async () => {
  t = await startTestApp();
  acme = await seedCompany(t);
  other = await seedCompany(t);
  tokenA = (await t.services().tokens.createScimToken(acme.companyId, 'Okta', 'test')).token.id;
  tokenB = (await t.services().tokens.createScimToken(acme.companyId, 'Entra ID', 'test')).token.id;
  // 600 events over 10 minutes: every 3rd by Okta, every 5th a 409, every 4th on RESOURCE, every 6th a PATCH.
  await t.sql.query(
    sql`insert into provisioning_event (company_id, occurred_at, token_id, token_label, method, operation, resource_id, status, duration_ms)
     select ${acme.companyId}, now() - g * interval '1 second',
       case when g % 3 = 0 then ${tokenA}::uuid else ${tokenB}::uuid end, case when g % 3 = 0 then 'Okta' else 'Entra ID' end,
       case when g % 6 = 0 then 'PATCH' else 'GET' end, case when g % 6 = 0 then 'Update User' else 'Get User' end,
       case when g % 4 = 0 then ${RESOURCE} else null end,
       case when g % 5 = 0 then 409 when g % 7 = 0 then 429 else 200 end, 1
     from generate_series(1, 600) g`,
  );
  // The other company's events match every filter too, and must never show.
  await t.sql.query(
    sql`insert into provisioning_event (company_id, occurred_at, token_id, method, operation, resource_id, status, duration_ms)
     select ${other.companyId}, now() - g * interval '1 second', ${tokenA}::uuid, 'PATCH', 'Update User', ${RESOURCE}, 409, 1 from generate_series(1, 50) g`,
  );
});
afterAll(async () => t?.close());

interface Node { id: string; status: number; operation: string; tokenId: string | null; resourceId: string | null; occurredAt: string }
type Connection = { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const QUERY = `query($after: String, $failuresOnly: Boolean, $status: [Int!], $operation: String, $tokenId: ID, $resourceId: ID, $since: DateTime, $until: DateTime) {
  recentActivity(first: 100, after: $after, failuresOnly: $failuresOnly, status: $status, operation: $operation, tokenId: $tokenId,
    resourceId: $resourceId, since: $since, until: $until) {
    edges { node { id status operation tokenId resourceId occurredAt } } pageInfo { hasNextPage endCursor }
  }
}`;

/** Every page of the filtered list, 100 at a time. */
async function all(filters: Record<string, unknown>): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const response = await gql<{ recentActivity: Connection }>(t, QUERY, { ...filters, after }, { token: acme.apiToken });
    expect(response.errors).toBeUndefined();
    const page: Connection = response.data!.recentActivity;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return nodes;
}

function expectDistinctNewestFirst(nodes: Node[]): void {
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  const times = nodes.map((n) => Date.parse(n.occurredAt));
  expect(times.every((time, i) => i === 0 || time <= times[i - 1]!)).toBe(true);
}

const count = (predicate: (g: number) => boolean) => Array.from({ length: 600 }, (_, i) => i + 1).filter(predicate).length;

describe('recentActivity filters, across page boundaries', () => {
  it.each([
    ['tokenId (Entra ID)', () => ({ tokenId: tokenB }), (n: Node) => n.tokenId === tokenB, count((g) => g % 3 !== 0)],
    ['status [409]', () => ({ status: [409] }), (n: Node) => n.status === 409, count((g) => g % 5 === 0)],
    ['status [200, 429]', () => ({ status: [200, 429] }), (n: Node) => n.status === 200 || n.status === 429, count((g) => g % 5 !== 0)],
    ['failuresOnly (429 is not a failure)', () => ({ failuresOnly: true }), (n: Node) => n.status === 409, count((g) => g % 5 === 0)],
    ['operation', () => ({ operation: 'Get User' }), (n: Node) => n.operation === 'Get User', count((g) => g % 6 !== 0)],
    ['resourceId', () => ({ resourceId: RESOURCE }), (n: Node) => n.resourceId === RESOURCE, count((g) => g % 4 === 0)],
  ])('%s', async (_name, filters, matches, expected) => {
    const nodes = await all(filters());
    expect(expected).toBeGreaterThan(100);
    expect(nodes).toHaveLength(expected);
    expect(nodes.every(matches)).toBe(true);
    expectDistinctNewestFirst(nodes);
  });

  it('combines filters and a time range (since inclusive, until exclusive)', async () => {
    const nodes = await all({ tokenId: tokenB, status: [200], since: new Date(Date.now() - 400_000).toISOString(), until: new Date(Date.now() - 100_000).toISOString() });
    expect(nodes.length).toBeGreaterThan(100);
    expect(nodes.every((n) => n.tokenId === tokenB && n.status === 200)).toBe(true);
    expectDistinctNewestFirst(nodes);
    const combined = await all({ tokenId: tokenA, operation: 'Update User', status: [409] });
    expect(combined).toHaveLength(count((g) => g % 3 === 0 && g % 6 === 0 && g % 5 === 0));
  });

  it.each([
    [{ tokenId: 'not-a-uuid' }, 'tokenId'],
    [{ status: [999] }, 'status'],
    [{ operation: 'x'.repeat(301) }, 'operation'],
    [{ resourceId: 'a\u0000b' }, 'resourceId'],
  ])('refuses %j with BAD_USER_INPUT', async (filters, name) => {
    const response = await gql(t, QUERY, filters, { token: acme.apiToken });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(name);
  });
});

function download(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${acme.apiToken}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

describe('/export/activity.csv with the same filters', () => {
  it('exports the filtered rows only', async () => {
    const csv = await download(`/export/activity.csv?tokenId=${tokenA}&status=409,200&operation=${encodeURIComponent('Update User')}`);
    expect(csv.status).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('resourceName');
    expect(lines).toHaveLength(1 + count((g) => g % 6 === 0 && !(g % 5 !== 0 && g % 7 === 0)));
    expect(lines.slice(1).every((line) => line.includes('Update User') && line.includes('Okta'))).toBe(true);
  });

  it('refuses a bad filter with 400 and JSON', async () => {
    for (const query of ['status=abc', 'tokenId=x', 'status=999']) {
      const response = await download(`/export/activity.csv?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).error.code).toBe('BAD_USER_INPUT');
    }
  });
});
