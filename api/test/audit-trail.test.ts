import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../src/db/sql-tag.js';
import { gql, signIn, type GqlResponse } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

interface Entry { id: string; actor: string; action: string; detail: string; occurredAt: string }
type Connection = { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const QUERY = `query($after: String, $action: String, $actor: String, $since: DateTime, $until: DateTime) {
  auditTrail(first: 100, after: $after, action: $action, actor: $actor, since: $since, until: $until) {
    edges { node { id actor action detail occurredAt } } pageInfo { hasNextPage endCursor }
  }
}`;

function csv(path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

describe('audit trail: sign-ins, filters and export', () => {
  it('records a sign-in, filters by action and actor across pages, and exports the same rows', async () => {
    const company = await seedCompany(t);
    const other = await seedCompany(t);
    await signIn(t, company.email, company.password);
    const db = t.sql;
    // 150 token creations by a formula-looking actor, across a page boundary.
    await db.query(
      sql`insert into audit_entry (company_id, actor, action, detail, occurred_at)
       select ${company.companyId}, '=HYPERLINK("x")', 'scim-token.created', jsonb_build_object('label', 'IdP ' || g), now() - g * interval '1 second'
       from generate_series(1, 150) g`,
    );
    await db.query(sql`insert into audit_entry (company_id, actor, action, detail) values (${other.companyId}, 'x', 'scim-token.created', '{}')`);

    const list = async (filters: Record<string, unknown>) => {
      const nodes: Entry[] = [];
      let after: string | null = null;
      do {
        const response: GqlResponse<{ auditTrail: Connection }> = await gql<{ auditTrail: Connection }>(t, QUERY, { ...filters, after }, { token: company.apiToken });
        expect(response.errors).toBeUndefined();
        nodes.push(...response.data!.auditTrail.edges.map((edge) => edge.node));
        after = response.data!.auditTrail.pageInfo.hasNextPage ? response.data!.auditTrail.pageInfo.endCursor : null;
      } while (after);
      return nodes;
    };
    const signIns = await list({ action: 'operator.signed-in' });
    expect(signIns).toEqual([expect.objectContaining({ actor: company.email, action: 'operator.signed-in' })]);
    const created = await list({ action: 'scim-token.created', actor: '=HYPERLINK("x")' });
    expect(created).toHaveLength(150);
    expect(new Set(created.map((entry) => entry.id)).size).toBe(150);
    const recent = await list({ action: 'scim-token.created', since: new Date(Date.now() - 50_500).toISOString() });
    expect(recent.length).toBeGreaterThanOrEqual(49);
    expect(recent.length).toBeLessThanOrEqual(51);

    const exported = await csv(`/export/audit.csv?action=scim-token.created&actor=${encodeURIComponent('=HYPERLINK("x")')}`, company.apiToken);
    expect(exported.status).toBe(200);
    const lines = exported.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,actor,action,detail');
    expect(lines).toHaveLength(151);
    // Formula-injection safe: the actor cell starts with a quote, not "=".
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('needs iam:read for the export', async () => {
    const company = await seedCompany(t, { permissions: ['users:delete'] });
    expect((await csv('/export/audit.csv', company.apiToken)).status).toBe(403);
  });
});
