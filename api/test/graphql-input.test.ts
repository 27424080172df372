/** GraphQL strings that could not be stored are BAD_USER_INPUT, never INTERNAL_SERVER_ERROR (issue 11, point 4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { anyText, fuzzParameters, fuzzTimeout, poisonText } from './fuzz-arbitraries.js';
import { encodeTimeCursor } from '../src/domain/paging.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { codes, gql } from './graphql-helpers.js';

let t: TestApp;
let company: SeededCompany;
beforeAll(async () => {
  t = await startTestApp();
  company = await seedCompany(t);
});
afterAll(async () => t?.close());

const CREATE = 'mutation($label: String!) { createScimToken(label: $label) { token { label } } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }';

async function tokenLabels(): Promise<string[]> {
  const response = await gql<{ scimTokens: { label: string }[] }>(t, '{ scimTokens { label } }', {}, { token: company.apiToken });
  return response.data!.scimTokens.map((token) => token.label).sort();
}

describe('unstorable strings', () => {
  it.each([
    ['NUL', 'Okta\u0000'],
    ['a lone surrogate', 'Okta \ud800'],
  ])('createScimToken with %s in a variable → BAD_USER_INPUT, no token', async (_name, label) => {
    const before = await tokenLabels();
    expect(codes(await gql(t, CREATE, { label }, { token: company.apiToken }))).toEqual(['BAD_USER_INPUT']);
    expect(await tokenLabels()).toEqual(before);
  });

  it('the same in a string literal of the document', async () => {
    const response = await gql(t, 'mutation { createScimToken(label: "Okta\\u0000") { secret } }', {}, { token: company.apiToken });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).not.toContain('\u0000');
  });

  it('signIn with NUL in the email, or a 100 kB email', async () => {
    expect(codes(await gql(t, SIGN_IN, { e: 'a\u0000@example.com', p: 'x' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t, SIGN_IN, { e: `${'a'.repeat(90_000)}@example.com`, p: 'x' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t, SIGN_IN, { e: `${'a'.repeat(240)}@example.com`, p: 'x' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('variables nested past 32 levels are refused', async () => {
    const deep = JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40));
    expect(codes(await gql(t, CREATE, { label: 'fine', deep }, { token: company.apiToken }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('cursors beyond bigint', () => {
  const AT = '2026-12-01T00:00:00.000000Z';
  it('an after cursor of 19 nines → BAD_USER_INPUT', async () => {
    const query = 'query($after: String) { recentActivity(first: 5, after: $after) { edges { cursor } } }';
    const response = await gql(t, query, { after: encodeTimeCursor({ at: AT, id: '9999999999999999999' }) }, { token: company.apiToken });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    const largest = await gql(t, query, { after: encodeTimeCursor({ at: AT, id: '9223372036854775807' }) }, { token: company.apiToken });
    expect(largest.errors).toBeUndefined();
  });
});

describe('fuzzed string arguments', () => {
  const RUNS = 30;
  const text = fc.oneof(anyText, poisonText, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 }));

  it('labels, cursors and ids never answer INTERNAL_SERVER_ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (label, cursor) => {
        const created = await gql(t, CREATE, { label }, { token: company.apiToken });
        const paged = await gql(t, 'query($a: String) { recentActivity(first: 1, after: $a) { edges { cursor } } }', { a: cursor }, { token: company.apiToken });
        const job = await gql(t, 'query($id: ID!) { bulkDeleteJob(id: $id) { id } }', { id: cursor }, { token: company.apiToken });
        for (const response of [created, paged, job]) {
          expect(response.status).toBeLessThan(500);
          expect(codes(response)).not.toContain('INTERNAL_SERVER_ERROR');
        }
      }),
      fuzzParameters(RUNS),
    );
  }, fuzzTimeout(RUNS));
});
