import { describe, expect, it } from 'vitest';
import { parseListQuery, parseSearchRequest } from './list-params.js';

const limits = { defaultCount: 100, maxCount: 200 };
const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const query = (text: string) => parseListQuery(new URLSearchParams(text), limits);

describe('parseListQuery', () => {
  it('defaults', () => {
    expect(query('')).toEqual({
      startIndex: 1,
      count: 100,
      sortOrder: 'ascending',
      projection: { attributes: [], excludedAttributes: [] },
    });
  });

  it.each([
    ['startIndex=0', { startIndex: 1 }],
    ['startIndex=-5', { startIndex: 1 }],
    ['startIndex=101&count=100', { startIndex: 101, count: 100 }],
    ['count=-1', { count: 0 }],
    ['count=0', { count: 0 }],
    ['count=5000', { count: 200 }],
    ['sortBy=userName&sortOrder=Descending', { sortBy: 'userName', sortOrder: 'descending' }],
    ['STARTINDEX=3&Count=2', { startIndex: 3, count: 2 }],
    ['aadOptscim062020&count=1', { count: 1 }],
    ['excludedAttributes=members', { projection: { attributes: [], excludedAttributes: ['members'] } }],
    ['attributes=userName,emails.value', { projection: { attributes: ['userName', 'emails.value'], excludedAttributes: [] } }],
    // Past bigint: clamped, so PostgreSQL's OFFSET never overflows (issue 11).
    ['startIndex=9223372036854775808&count=9223372036854775808', { startIndex: Number.MAX_SAFE_INTEGER, count: 200 }],
    [`startIndex=${'9'.repeat(400)}`, { startIndex: Number.MAX_SAFE_INTEGER }],
    ['startIndex=-9223372036854775809&count=-9223372036854775809', { startIndex: 1, count: 0 }],
  ])('%s', (text, expected) => {
    expect(query(text)).toMatchObject(expected);
  });

  it('parses the Okta filter (SCIM-NOTES §3.2)', () => {
    expect(query('filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100').filter).toEqual({
      kind: 'compare',
      path: { name: 'userName' },
      operator: 'eq',
      value: 'test.user@okta.local',
    });
  });

  it.each([
    ['startIndex=abc', 'invalidValue'],
    ['count=1.5', 'invalidValue'],
    ['sortOrder=up', 'invalidValue'],
    ['filter=userName%20eq', 'invalidFilter'],
  ])('rejects %s', (text, scimType) => {
    expect(() => query(text)).toThrow(expect.objectContaining({ status: 400, scimType }));
  });
});

describe('parseSearchRequest', () => {
  it('reads a SearchRequest body with array attributes', () => {
    const params = parseSearchRequest(
      {
        schemas: [SEARCH],
        attributes: ['displayName', 'userName'],
        excludedAttributes: [],
        filter: 'displayName sw "smith"',
        startIndex: 1,
        count: 10,
      },
      limits,
    );
    expect(params).toMatchObject({ startIndex: 1, count: 10, projection: { attributes: ['displayName', 'userName'] } });
    expect(params.filter).toMatchObject({ kind: 'compare', operator: 'sw' });
  });

  it('accepts numeric strings', () => {
    expect(parseSearchRequest({ schemas: [SEARCH], startIndex: '2', count: '3' }, limits)).toMatchObject({ startIndex: 2, count: 3 });
  });

  it.each([
    ['no schemas', { count: 1 }, 'invalidSyntax'],
    ['not an object', 'x', 'invalidSyntax'],
    ['count as text', { schemas: [SEARCH], count: 'ten' }, 'invalidValue'],
    ['filter as number', { schemas: [SEARCH], filter: 5 }, 'invalidValue'],
  ])('rejects %s', (_label, body, scimType) => {
    expect(() => parseSearchRequest(body, limits)).toThrow(expect.objectContaining({ status: 400, scimType }));
  });
});

describe('huge numbers in a search body', () => {
  it.each([
    ['1e23', Number.MAX_SAFE_INTEGER, 200],
    ['9223372036854775808', Number.MAX_SAFE_INTEGER, 200],
    ['1e300', Number.MAX_SAFE_INTEGER, 200],
    ['1e400', Number.MAX_SAFE_INTEGER, 200],
    ['-1e400', 1, 0],
  ])('%s', (number, startIndex, count) => {
    const body = JSON.parse(`{"schemas":["${SEARCH}"],"startIndex":${number},"count":${number}}`);
    expect(parseSearchRequest(body, limits)).toMatchObject({ startIndex, count });
  });
});
