import { describe, expect, it } from 'vitest';
import { exportHref, filtersFromSearch, queryVariables, resourcePath, searchFromFilters } from './activity-filters.js';

describe('activity filters', () => {
  it('round-trips through the URL, leaving empty filters out', () => {
    const search = new URLSearchParams('outcome=409&operation=Update+User&tokenId=t1&since=2026-12-01T10%3A00');
    const filters = filtersFromSearch(search);
    expect(filters).toMatchObject({ outcome: '409', operation: 'Update User', tokenId: 't1', resourceId: '', since: '2026-12-01T10:00' });
    expect(searchFromFilters(filters).toString()).toBe(search.toString());
  });

  it.each([
    ['failed', { failuresOnly: true, status: undefined }],
    ['ok', { failuresOnly: undefined, status: [200, 201, 204, 304] }],
    ['429', { failuresOnly: undefined, status: [429] }],
    ['', { failuresOnly: undefined, status: undefined }],
  ])('maps the outcome %j to the API\'s arguments', (outcome, expected) => {
    expect(queryVariables({ ...filtersFromSearch(new URLSearchParams()), outcome })).toMatchObject(expected);
  });

  it('builds the export link from the same filters', () => {
    const filters = { ...filtersFromSearch(new URLSearchParams()), outcome: 'ok', resourceId: ' u1 ' };
    expect(exportHref(filters)).toBe('/export/activity.csv?status=200%2C201%2C204%2C304&resourceId=u1');
    expect(exportHref(filtersFromSearch(new URLSearchParams()))).toBe('/export/activity.csv');
  });

  it('links users and groups to their directory pages only', () => {
    expect(resourcePath('User', 'a b')).toBe('/it-settings/iam/scim2/users/a%20b');
    expect(resourcePath('Group', 'g')).toBe('/it-settings/iam/scim2/groups/g');
    expect(resourcePath(null, 'x')).toBeUndefined();
    expect(resourcePath('User', null)).toBeUndefined();
  });
});
