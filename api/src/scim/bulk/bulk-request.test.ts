import { describe, expect, it } from 'vitest';
import { parseBulkRequest } from './bulk-request.js';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const limits = { maxOperations: 3, maxPayloadSize: 1000 };
const request = (Operations: unknown[], extra: Record<string, unknown> = {}) => ({ schemas: [BULK], Operations, ...extra });

describe('parseBulkRequest', () => {
  it('parses the RFC 7644 §3.7.2 shapes', () => {
    const parsed = parseBulkRequest(
      request(
        [
          { method: 'POST', path: '/Users', bulkId: 'qwerty', data: { userName: 'Alice' } },
          { method: 'post', path: '/Groups', bulkId: 'ytrewq', data: { displayName: 'Tour', members: [{ type: 'User', value: 'bulkId:qwerty' }] } },
          { method: 'DELETE', path: '/Users/b7c1', version: 'W/"0"' },
        ],
        { failOnErrors: 1 },
      ),
      limits,
    );
    expect(parsed.failOnErrors).toBe(1);
    expect(parsed.operations).toEqual([
      { method: 'POST', path: '/Users', resource: 'Users', bulkId: 'qwerty', data: { userName: 'Alice' } },
      { method: 'POST', path: '/Groups', resource: 'Groups', bulkId: 'ytrewq', data: { displayName: 'Tour', members: [{ type: 'User', value: 'bulkId:qwerty' }] } },
      { method: 'DELETE', path: '/Users/b7c1', resource: 'Users', id: 'b7c1', version: 'W/"0"' },
    ]);
  });

  it('accepts bulkId references in paths', () => {
    const parsed = parseBulkRequest(request([{ method: 'PATCH', path: '/Groups/bulkId:g', data: { Operations: [] } }]), limits);
    expect(parsed.operations[0]).toMatchObject({ resource: 'Groups', id: 'bulkId:g' });
  });

  it.each([
    ['too many operations', request([1, 2, 3, 4].map(() => ({ method: 'DELETE', path: '/Users/x' }))), 0, 413, undefined],
    ['payload too large', request([{ method: 'DELETE', path: '/Users/x' }]), 5000, 413, undefined],
    ['missing schema', { Operations: [{ method: 'DELETE', path: '/Users/x' }] }, 0, 400, 'invalidSyntax'],
    ['no operations', request([]), 0, 400, 'invalidSyntax'],
    ['bad method', request([{ method: 'GET', path: '/Users/x' }]), 0, 400, 'invalidSyntax'],
    ['bad path', request([{ method: 'DELETE', path: '/Widgets/x' }]), 0, 400, 'invalidSyntax'],
    ['POST without bulkId', request([{ method: 'POST', path: '/Users', data: {} }]), 0, 400, 'invalidSyntax'],
    ['POST with an id', request([{ method: 'POST', path: '/Users/x', bulkId: 'a', data: {} }]), 0, 400, 'invalidSyntax'],
    ['PUT without id', request([{ method: 'PUT', path: '/Users', data: {} }]), 0, 400, 'invalidSyntax'],
    ['PATCH without data', request([{ method: 'PATCH', path: '/Users/x' }]), 0, 400, 'invalidSyntax'],
    ['duplicate bulkId', request([{ method: 'POST', path: '/Users', bulkId: 'a', data: {} }, { method: 'POST', path: '/Users', bulkId: 'a', data: {} }]), 0, 400, 'invalidValue'],
    ['bad failOnErrors', request([{ method: 'DELETE', path: '/Users/x' }], { failOnErrors: 0 }), 0, 400, 'invalidValue'],
  ])('rejects %s', (_label, body, bytes, status, scimType) => {
    expect(() => parseBulkRequest(body, limits, bytes)).toThrow(expect.objectContaining({ status, scimType }));
  });
});
