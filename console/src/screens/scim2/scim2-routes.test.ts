import { describe, expect, it } from 'vitest';
import { groupPath, matchScim2Route, userPath } from './scim2-routes.js';

describe('SCIM2 routes', () => {
  it.each([
    ['/it-settings/iam/scim2', { tab: 'overview' }],
    ['/it-settings/iam/scim2/users', { tab: 'users' }],
    ['/it-settings/iam/scim2/users/5f0c', { tab: 'users', id: '5f0c' }],
    ['/it-settings/iam/scim2/groups', { tab: 'groups' }],
    ['/it-settings/iam/scim2/groups/a%20b', { tab: 'groups', id: 'a b' }],
    ['/it-settings/iam/scim2/activity', { tab: 'activity' }],
    ['/it-settings/iam/scim2/audit', { tab: 'audit' }],
  ])('%s is %o', (path, route) => {
    expect(matchScim2Route(path)).toEqual(route);
  });

  it.each(['/it-settings/iam/scim2/overview', '/it-settings/iam/scim2/people', '/it-settings/iam/scim2/users/1/2', '/it-settings/iam/scim2/audit/7'])(
    '%s is no page',
    (path) => expect(matchScim2Route(path)).toBeUndefined(),
  );

  it('builds detail paths that match back', () => {
    expect(matchScim2Route(userPath('x/y'))).toEqual({ tab: 'users', id: 'x/y' });
    expect(matchScim2Route(groupPath('g1'))).toEqual({ tab: 'groups', id: 'g1' });
  });
});
