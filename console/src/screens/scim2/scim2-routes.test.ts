import { describe, expect, it } from 'vitest';
import { activityPath, groupPath, matchScim2Route, userPath, webhookPath } from './scim2-routes.js';

describe('SCIM2 routes', () => {
  it.each([
    ['/it-settings/iam/scim2', { tab: 'overview' }],
    ['/it-settings/iam/scim2/users', { tab: 'users' }],
    ['/it-settings/iam/scim2/users/5f0c', { tab: 'users', id: '5f0c' }],
    ['/it-settings/iam/scim2/groups', { tab: 'groups' }],
    ['/it-settings/iam/scim2/groups/a%20b', { tab: 'groups', id: 'a b' }],
    ['/it-settings/iam/scim2/activity', { tab: 'activity' }],
    ['/it-settings/iam/scim2/activity/468', { tab: 'activity', id: '468' }],
    ['/it-settings/iam/scim2/audit', { tab: 'audit' }],
    ['/it-settings/iam/scim2/webhooks', { tab: 'webhooks' }],
    ['/it-settings/iam/scim2/webhooks/0d6f', { tab: 'webhooks', id: '0d6f' }],
  ])('%s is %o', (path, route) => {
    expect(matchScim2Route(path)).toEqual(route);
  });

  it.each(['/it-settings/iam/scim2/overview', '/it-settings/iam/scim2/people', '/it-settings/iam/scim2/users/1/2', '/it-settings/iam/scim2/audit/7', '/it-settings/iam/scim2/webhooks/1/deliveries'])(
    '%s is no page',
    (path) => expect(matchScim2Route(path)).toBeUndefined(),
  );

  it('builds detail paths that match back', () => {
    expect(matchScim2Route(userPath('x/y'))).toEqual({ tab: 'users', id: 'x/y' });
    expect(matchScim2Route(groupPath('g1'))).toEqual({ tab: 'groups', id: 'g1' });
    expect(matchScim2Route(activityPath('42'))).toEqual({ tab: 'activity', id: '42' });
    expect(matchScim2Route(webhookPath('e1'))).toEqual({ tab: 'webhooks', id: 'e1' });
  });
});
