import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import type { BulkOperation } from './bulk-request.js';
import { buildBulkResponse, bulkFailure, bulkSuccess, shouldStopBulk } from './bulk-response.js';

const op: BulkOperation = { method: 'POST', path: '/Users', resource: 'Users', bulkId: 'qwerty', data: {} };

describe('bulk responses', () => {
  it('renders a success with string status', () => {
    expect(bulkSuccess(op, 201, { location: 'https://x/Users/1', version: 'W/"1"' })).toEqual({
      method: 'POST',
      bulkId: 'qwerty',
      version: 'W/"1"',
      location: 'https://x/Users/1',
      status: '201',
    });
  });

  it('renders a failure with the SCIM error body', () => {
    expect(bulkFailure(op, new ScimError(409, 'uniqueness', 'taken'))).toEqual({
      method: 'POST',
      bulkId: 'qwerty',
      status: '409',
      response: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'taken' },
    });
  });

  it('masks unexpected errors', () => {
    expect(bulkFailure(op, new Error('duplicate key value violates'))).toMatchObject({ status: '500', response: { detail: 'Internal server error' } });
  });

  it('wraps results in a BulkResponse', () => {
    expect(buildBulkResponse([])).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'], Operations: [] });
  });

  it.each([
    [undefined, ['400', '400'], false],
    [1, ['201'], false],
    [1, ['201', '409'], true],
    [2, ['400', '201'], false],
  ] as const)('failOnErrors %s after %j → stop %s', (limit, statuses, expected) => {
    const results = statuses.map((status) => ({ method: 'POST' as const, status }));
    expect(shouldStopBulk(results, limit)).toBe(expected);
  });
});
