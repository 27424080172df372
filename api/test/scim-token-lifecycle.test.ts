/** SCIM token expiry, rotation with a grace period, expiry warnings, and lookup cost. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';
import { gql } from './graphql-helpers.js';
import { scimClient } from './scim-client.js';
import type { Sql } from '../src/db/sql.js';
import { renderSql, type SqlFragment } from '../src/db/sql-tag.js';
import { createScimTokenAuth } from '../src/modules/access/scim-token-auth.js';
import { createScimCallerCache } from '../src/modules/access/scim-caller-cache.js';

let t: TestApp;
let db: pg.Client;
beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

const DAY = 86_400_000;

interface TokenEvent { type: string; source: string | null; resourceType: string; resourceId: string; resourceVersion: string; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

/** The company's scim_token.* events in the outbox, oldest first. */
async function tokenEvents(companyId: string): Promise<TokenEvent[]> {
  const rows = await db.query<TokenEvent>(`select type, source, resource_type as "resourceType", resource_id as "resourceId",
      resource_version::text as "resourceVersion", data from directory_event where company_id = $1 and type like 'scim_token.%' order by id`, [companyId]);
  return rows.rows;
}

/** No event may carry a token's secret, its hash or its display prefix. */
async function expectNoSecrets(events: TokenEvent[], secrets: string[]): Promise<void> {
  const hashes = await db.query<{ token_hash: string; prefix: string }>('select token_hash, prefix from scim_token');
  const text = JSON.stringify(events);
  for (const secret of secrets) expect(text).not.toContain(secret);
  for (const row of hashes.rows) expect(text).not.toContain(row.token_hash);
  for (const event of events) expect(Object.keys(event.data).sort()).not.toContain('prefix');
}

async function apiTokenIdOf(companyId: string): Promise<string> {
  return (await db.query<{ id: string }>('select id from api_token where company_id = $1 order by created_at limit 1', [companyId])).rows[0]!.id;
}
const TOKEN = 'id label expiresAt expired lastUsedAt revokedAt rotatedFrom { id } replacedBy { id }';

async function createToken(apiToken: string, expiresIn?: string) {
  const response = await gql<{ createScimToken: { secret: string; token: Record<string, any> } }>( // eslint-disable-line @typescript-eslint/no-explicit-any
    t, `mutation ($expiresIn: ScimTokenExpiry) { createScimToken(label: "Okta", expiresIn: $expiresIn) { secret token { ${TOKEN} } } }`,
    { expiresIn }, { token: apiToken });
  expect(response.errors).toBeUndefined();
  return response.data!.createScimToken;
}

describe('expiry chosen at creation', () => {
  it('gives a token 90 days, a year, or no end', async () => {
    const c = await seedCompany(t);
    const never = await createToken(c.apiToken);
    const days90 = await createToken(c.apiToken, 'DAYS_90');
    const year = await createToken(c.apiToken, 'YEAR_1');
    expect(never.token.expiresAt).toBeNull();
    expect(new Date(days90.token.expiresAt).getTime() - Date.now()).toBeGreaterThan(90 * DAY - 60_000);
    expect(new Date(days90.token.expiresAt).getTime() - Date.now()).toBeLessThan(90 * DAY + 60_000);
    expect(new Date(year.token.expiresAt).getTime() - Date.now()).toBeGreaterThan(365 * DAY - 60_000);
    const audit = await db.query("select detail from audit_entry where company_id = $1 and action = 'scim-token.created' order by id", [c.companyId]);
    expect(audit.rows.at(-1)?.detail.expiresAt).toBe(year.token.expiresAt);
    const bad = await gql(t, 'mutation { createScimToken(label: "x", expiresIn: FOREVER) { secret } }', {}, { token: c.apiToken });
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const blank = await gql(t, 'mutation { createScimToken(label: "   ") { secret } }', {}, { token: c.apiToken });
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // One scim_token.created per token, naming the API token that asked; a refused creation writes none.
    const ids = [never, days90, year].map((created) => created.token.id);
    const events = (await tokenEvents(c.companyId)).filter((e) => ids.includes(e.resourceId));
    const source = `api_token:${await apiTokenIdOf(c.companyId)}`;
    expect(events.map((e) => [e.type, e.source, e.resourceType, e.resourceId])).toEqual([never, days90, year].map((created) =>
      ['scim_token.created', source, 'ScimToken', created.token.id]));
    expect(events[1]!.data).toEqual({
      id: days90.token.id, label: 'Okta', createdAt: expect.any(String), expiresAt: days90.token.expiresAt, revokedAt: null, rotatedFromId: null,
    });
    expect(events[0]!.data.expiresAt).toBeNull();
    await expectNoSecrets(events, [never.secret, days90.secret, year.secret]);
  });

  it('names the CLI as the source of a token it creates', async () => {
    const c = await seedCompany(t);
    const before = (await tokenEvents(c.companyId)).length;
    const { token } = await t.services().tokens.createScimToken(c.companyId, 'From the CLI', 'cli', 'NEVER', 'cli');
    const events = (await tokenEvents(c.companyId)).slice(before);
    expect(events.map((e) => [e.type, e.source, e.resourceId, e.data.label])).toEqual([['scim_token.created', 'cli', token.id, 'From the CLI']]);
  });

  it('answers an expired token 401 with a SCIM error saying so, even while it is cached', async () => {
    const c = await seedCompany(t);
    const created = await createToken(c.apiToken, 'DAYS_90');
    const scim = scimClient({ scimBaseUrl: c.scimBaseUrl, scimToken: created.secret });
    // Expiry two seconds out, set by plain SQL; the next request caches the caller with it.
    await db.query("update scim_token set expires_at = now() + interval '2 seconds' where id = $1", [created.token.id]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await scim('GET', '/Users')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    // Within the cache's five seconds: the cached caller's own expiry turns it away.
    const expired = await scim('GET', '/Users');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    expect(expired.body.detail).toMatch(/expired/);
    expect(expired.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await scim('GET', '/Users')).status).toBe(401);
    // The expiry is a state change of its own: audited once, however often the IdP keeps trying.
    const audited = await db.query("select actor, detail from audit_entry where company_id = $1 and action = 'scim-token.expired'", [c.companyId]);
    expect(audited.rows).toEqual([{ actor: 'system', detail: expect.objectContaining({ tokenId: created.token.id, label: 'Okta', rotated: false }) }]);
    // And one scim_token.expired event with it, by the system, however often the IdP keeps trying.
    const expiredEvents = (await tokenEvents(c.companyId)).filter((e) => e.type === 'scim_token.expired');
    expect(expiredEvents).toEqual([expect.objectContaining({
      source: 'system', resourceType: 'ScimToken', resourceId: created.token.id,
      data: expect.objectContaining({ id: created.token.id, label: 'Okta', successorId: null, revokedAt: null }),
    })]);
    expect(Date.parse(expiredEvents[0]!.data.expiresAt)).toBeLessThanOrEqual(Date.now());
    await expectNoSecrets(expiredEvents, [created.secret]);
    const wrong = await scimClient({ scimBaseUrl: c.scimBaseUrl, scimToken: `${created.secret}x` })('GET', '/Users');
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).not.toMatch(/expired/);
  });
});

describe('rotation', () => {
  it('creates a successor with the same label while the old token works through its grace period, until revoked', async () => {
    const c = await seedCompany(t);
    const first = await createToken(c.apiToken, 'DAYS_90');
    const oldScim = scimClient({ scimBaseUrl: c.scimBaseUrl, scimToken: first.secret });
    expect((await oldScim('GET', '/Users')).status).toBe(200);
    const rotated = await gql<{ rotateScimToken: { secret: string; token: Record<string, any> } }>( // eslint-disable-line @typescript-eslint/no-explicit-any
      t, `mutation ($id: ID!) { rotateScimToken(id: $id) { secret token { ${TOKEN} } } }`, { id: first.token.id }, { token: c.apiToken });
    expect(rotated.errors).toBeUndefined();
    const successor = rotated.data!.rotateScimToken;
    expect(successor.token).toMatchObject({ label: 'Okta', rotatedFrom: { id: first.token.id }, replacedBy: null });
    expect(new Date(successor.token.expiresAt).getTime() - Date.now()).toBeGreaterThan(90 * DAY - 60_000);

    const newScim = scimClient({ scimBaseUrl: c.scimBaseUrl, scimToken: successor.secret });
    expect((await newScim('GET', '/Users')).status).toBe(200);
    expect((await oldScim('GET', '/Users')).status).toBe(200);

    const tokens = await gql<{ scimTokens: Record<string, any>[] }>(t, `{ scimTokens { ${TOKEN} } }`, {}, { token: c.apiToken }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const old = tokens.data!.scimTokens.find((token) => token.id === first.token.id)!;
    expect(old.replacedBy).toEqual({ id: successor.token.id });
    expect(old.lastUsedAt).not.toBeNull();
    const graceLeft = new Date(old.expiresAt).getTime() - Date.now();
    expect(graceLeft).toBeGreaterThan(7 * DAY - 60_000);
    expect(graceLeft).toBeLessThan(7 * DAY + 60_000);
    const audit = await db.query("select detail from audit_entry where company_id = $1 and action = 'scim-token.rotated'", [c.companyId]);
    expect(audit.rows[0]?.detail).toMatchObject({ label: 'Okta', graceDays: 7, oldTokenExpiresAt: old.expiresAt });

    const again = await gql(t, 'mutation ($id: ID!) { rotateScimToken(id: $id) { secret } }', { id: first.token.id }, { token: c.apiToken });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await gql(t, 'mutation ($id: ID!) { revokeScimToken(id: $id) { id } }', { id: first.token.id }, { token: c.apiToken });
    await gql(t, 'mutation ($id: ID!) { revokeScimToken(id: $id) { id } }', { id: first.token.id }, { token: c.apiToken });
    expect((await oldScim('GET', '/Users')).status).toBe(401);
    expect((await newScim('GET', '/Users')).status).toBe(200);

    // created, rotated (once: the refused second rotation wrote nothing), revoked (once), all about the old token.
    const events = (await tokenEvents(c.companyId)).filter((e) => e.resourceId === first.token.id);
    const source = `api_token:${await apiTokenIdOf(c.companyId)}`;
    expect(events.map((e) => [e.type, e.source])).toEqual([['scim_token.created', source], ['scim_token.rotated', source], ['scim_token.revoked', source]]);
    const versions = events.map((e) => BigInt(e.resourceVersion));
    expect(versions[0]! < versions[1]! && versions[1]! < versions[2]!).toBe(true);
    expect(events[1]!.data).toMatchObject({
      id: first.token.id, label: 'Okta', expiresAt: old.expiresAt, graceDays: 7,
      successor: { id: successor.token.id, label: 'Okta', expiresAt: successor.token.expiresAt, rotatedFromId: first.token.id },
    });
    expect(events[2]!.data).toMatchObject({ id: first.token.id, revokedAt: expect.any(String) });
    await expectNoSecrets(events, [first.secret, successor.secret]);
  });

  it('ends the old token when a zero-day grace period is asked for; refuses bad grace periods and other companies\' tokens', async () => {
    const c = await seedCompany(t);
    const other = await seedCompany(t);
    const first = await createToken(c.apiToken);
    const bad = await gql(t, 'mutation ($id: ID!) { rotateScimToken(id: $id, graceDays: 91) { secret } }', { id: first.token.id }, { token: c.apiToken });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const foreign = await gql(t, 'mutation ($id: ID!) { rotateScimToken(id: $id) { secret } }', { id: first.token.id }, { token: other.apiToken });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreignRevoke = await gql(t, 'mutation ($id: ID!) { revokeScimToken(id: $id) { id } }', { id: first.token.id }, { token: other.apiToken });
    expect(foreignRevoke.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Refused: nothing beyond the creations (the seeded token's and this one's), in either company.
    expect((await tokenEvents(c.companyId)).map((e) => e.type)).toEqual(['scim_token.created', 'scim_token.created']);
    expect((await tokenEvents(other.companyId)).map((e) => e.type)).toEqual(['scim_token.created']);
    const rotated = await gql<{ rotateScimToken: { secret: string; token: { id: string } } }>(
      t, 'mutation ($id: ID!) { rotateScimToken(id: $id, graceDays: 0) { secret token { id expiresAt } } }', { id: first.token.id }, { token: c.apiToken });
    expect(rotated.errors).toBeUndefined();
    const old = await scimClient({ scimBaseUrl: c.scimBaseUrl, scimToken: first.secret })('GET', '/Users');
    expect(old.status).toBe(401);
    expect(old.body.detail).toMatch(/expired/);
    const expired = (await tokenEvents(c.companyId)).filter((e) => e.type === 'scim_token.expired');
    expect(expired).toEqual([expect.objectContaining({
      source: 'system', resourceId: first.token.id,
      data: { id: first.token.id, label: 'Okta', createdAt: expect.stringMatching(/Z$/), expiresAt: expect.stringMatching(/Z$/), revokedAt: null,
        rotatedFromId: null, successorId: rotated.data!.rotateScimToken.token.id },
    })]);
  });
});

describe('expiry warnings', () => {
  it('lists tokens expiring within 20 days for iam:read, but not those a rotation replaced', async () => {
    const c = await seedCompany(t);
    const soon = await createToken(c.apiToken, 'DAYS_90');
    const later = await createToken(c.apiToken, 'DAYS_90');
    const rotatedAway = await createToken(c.apiToken, 'DAYS_90');
    await db.query("update scim_token set expires_at = now() + interval '19 days' where id = any($1)", [[soon.token.id, rotatedAway.token.id]]);
    await db.query("update scim_token set expires_at = now() + interval '21 days' where id = $1", [later.token.id]);
    const successor = await gql<{ rotateScimToken: { token: { id: string } } }>(
      t, 'mutation ($id: ID!) { rotateScimToken(id: $id) { token { id } } }', { id: rotatedAway.token.id }, { token: c.apiToken });
    const reader = await gql<{ scimConfig: { tokenExpiryWarnings: { tokenId: string; label: string; expired: boolean }[] } }>(
      t, '{ scimConfig { tokenExpiryWarnings { tokenId label expiresAt expired } } }', {}, { token: (await readerOf(c.companyId)) });
    expect(reader.errors).toBeUndefined();
    // The successor inherits the 19 days its predecessor had left, so it is the one announced now.
    expect(reader.data!.scimConfig.tokenExpiryWarnings.map((w) => w.tokenId))
      .toEqual([soon.token.id, successor.data!.rotateScimToken.token.id]);
    expect(reader.data!.scimConfig.tokenExpiryWarnings[0]).toMatchObject({ label: 'Okta', expired: false });
  });
});

async function readerOf(companyId: string): Promise<string> {
  return (await t.services().tokens.createApiToken(companyId, 'reader', ['iam:read'])).secret;
}

/** Every statement a lookup sends, to run again under EXPLAIN ANALYZE. */
function recording(sql: Sql, log: { text: string; values: unknown[] }[]): Sql {
  const query = (statement: SqlFragment) => {
    log.push(renderSql(statement));
    return sql.query(statement);
  };
  return { query: query as Sql['query'], transaction: (work) => sql.transaction((tx) => work(recording(tx, log))) };
}

/** Rows PostgreSQL read from scim_token for a statement: returned plus filtered out, over every scan node. */
async function scimTokenRowsRead(text: string, values: unknown[]): Promise<number> {
  if (!/scim_token/.test(text) || /^\s*update/i.test(text)) return 0;
  const { rows } = await db.query(`explain (analyze, format json) ${text}`, values);
  let read = 0;
  const visit = (node: Record<string, any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (node['Relation Name'] === 'scim_token') read += node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
    for (const child of node['Plans'] ?? []) visit(child);
  };
  visit(rows[0]['QUERY PLAN'][0].Plan);
  return read;
}

describe('verification cost', () => {
  it('is the same with 1 and with 1,000 tokens in the company: the same statements, one token row read', async () => {
    const costs: { statements: number; rowsRead: number }[] = [];
    for (const tokens of [1, 1000]) {
      const c = await seedCompany(t);
      await db.query(
        `insert into scim_token (id, company_id, label, prefix, token_hash, created_at)
         select gen_random_uuid(), $1, 'bulk ' || i, 'roster_scim_x', md5(random()::text) || i, now() from generate_series(1, $2::int) i`,
        [c.companyId, tokens - 1]);
      await db.query('analyze scim_token');
      const log: { text: string; values: unknown[] }[] = [];
      // A fresh cache: the lookup reaches the database.
      const authenticate = createScimTokenAuth(recording(t.sql, log), createScimCallerCache());
      const caller = await authenticate(c.slug, c.scimToken);
      expect(caller).toMatchObject({ companyId: c.companyId });
      let rowsRead = 0;
      for (const statement of log) rowsRead += await scimTokenRowsRead(statement.text, statement.values);
      costs.push({ statements: log.length, rowsRead });
    }
    expect(costs[1]!.statements).toBe(costs[0]!.statements);
    // A table of a few rows may be scanned whole; with a thousand more the lookup still reads one row.
    expect(costs[1]!.rowsRead).toBe(1);
    expect(costs[0]!.rowsRead).toBeLessThanOrEqual(costs[1]!.rowsRead + 100);
  });
});
