import { describe, expect, it } from 'vitest';
import { parsePatchRequest } from './patch-request.js';

describe('parsePatchRequest', () => {
  const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
  it('lower-cases op and accepts any key case', () => {
    expect(
      parsePatchRequest({ schemas: [PATCH], Operations: [{ Op: 'Replace', Path: 'active', Value: 'False' }, { op: 'Remove', path: 'title' }] }),
    ).toEqual([{ op: 'replace', path: 'active', value: 'False' }, { op: 'remove', path: 'title' }]);
  });

  it.each([
    ['not an object', [], 'invalidSyntax'],
    ['missing PatchOp schema', { schemas: [], Operations: [{ op: 'add', value: {} }] }, 'invalidSyntax'],
    ['no operations', { schemas: [PATCH], Operations: [] }, 'invalidSyntax'],
    ['bad op', { schemas: [PATCH], Operations: [{ op: 'move', path: 'a' }] }, 'invalidSyntax'],
    ['non-string path', { schemas: [PATCH], Operations: [{ op: 'add', path: 5, value: 1 }] }, 'invalidPath'],
    ['add without value', { schemas: [PATCH], Operations: [{ op: 'add', path: 'title' }] }, 'invalidValue'],
  ])('rejects %s', (_label, body, scimType) => {
    expect(() => parsePatchRequest(body)).toThrow(expect.objectContaining({ status: 400, scimType }));
  });
});
