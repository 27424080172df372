import { describe, expect, it } from 'vitest';
import { buildListResponse } from './list-response.js';

describe('buildListResponse', () => {
  it('builds the empty shape Entra expects (SCIM-NOTES §1.6)', () => {
    expect(buildListResponse([], 0, 1)).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      itemsPerPage: 0,
      startIndex: 1,
      Resources: [],
    });
  });

  it.each([
    [[{ id: 'a' }, { id: 'b' }], 10, 3, 2],
    [[{ id: 'a' }], 1, 1, 1],
  ])('counts itemsPerPage from the page (%#)', (resources, total, start, perPage) => {
    const response = buildListResponse(resources, total, start);
    expect(response.itemsPerPage).toBe(perPage);
    expect(response.totalResults).toBe(total);
    expect(response.startIndex).toBe(start);
    expect(response.Resources).toBe(resources);
  });
});
