import { NotFoundScreen } from '../not-found/not-found-screen.js';
import { ActivityDetailScreen } from '../scim-activity/activity-detail-screen.js';
import { ActivityScreen } from '../scim-activity/activity-screen.js';
import { AuditScreen } from '../scim-audit/audit-screen.js';
import { GroupDetailScreen } from '../directory/group-detail-screen.js';
import { GroupsTab } from '../directory/groups-tab.js';
import { UserDetailScreen } from '../directory/user-detail-screen.js';
import { UsersTab } from '../directory/users-tab.js';
import { ScimOverviewScreen } from '../scim-overview/scim-overview-screen.js';
import { matchScim2Route, SCIM2_PATH, type Scim2Route } from './scim2-routes.js';
import { Scim2Tabs } from './scim2-tabs.js';
import { WebhookEndpointScreen } from '../webhooks/webhook-endpoint-screen.js';
import { WebhooksScreen } from '../webhooks/webhooks-screen.js';

function TabContent({ route, canManage }: { route: Scim2Route; canManage: boolean }) {
  switch (route.tab) {
    case 'overview':
      return <ScimOverviewScreen />;
    case 'users':
      return route.id === undefined ? <UsersTab /> : <UserDetailScreen id={route.id} />;
    case 'groups':
      return route.id === undefined ? <GroupsTab /> : <GroupDetailScreen id={route.id} />;
    case 'activity':
      return route.id === undefined ? <ActivityScreen /> : <ActivityDetailScreen id={route.id} />;
    case 'audit':
      return <AuditScreen />;
    case 'webhooks':
      return route.id === undefined ? <WebhooksScreen canManage={canManage} /> : <WebhookEndpointScreen id={route.id} canManage={canManage} />;
  }
}

/** IT Settings › IAM Settings › SCIM2 and its tabs; the caller has checked iam:read already. */
export function Scim2Screen({ pathname, canManage }: { pathname: string; canManage: boolean }) {
  const route = matchScim2Route(pathname);
  if (!route) return <NotFoundScreen home={SCIM2_PATH} />;
  return (
    <>
      <Scim2Tabs current={route.tab} />
      <TabContent route={route} canManage={canManage} />
    </>
  );
}
