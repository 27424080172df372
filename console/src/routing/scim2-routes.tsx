import type { JSX } from 'preact';
import type { Permission } from '../gql/graphql.js';
import { ActivityDetailScreen } from '../screens/scim-activity/activity-detail-screen.js';
import { ActivityScreen } from '../screens/scim-activity/activity-screen.js';
import { AuditScreen } from '../screens/scim-audit/audit-screen.js';

/** Screens under the SCIM2 tab bar (beside the overview, which is an IAM screen of its own). */
interface Scim2Route {
  pattern: RegExp;
  needs: Permission;
  render: (params: string[]) => JSX.Element;
}

const SCIM2_ROUTES: readonly Scim2Route[] = [
  { pattern: /^\/it-settings\/iam\/scim2\/activity$/, needs: 'IAM_READ', render: () => <ActivityScreen /> },
  { pattern: /^\/it-settings\/iam\/scim2\/activity\/([^/]+)$/, needs: 'IAM_READ', render: ([id]) => <ActivityDetailScreen id={decodeURIComponent(id ?? '')} /> },
  { pattern: /^\/it-settings\/iam\/scim2\/audit$/, needs: 'IAM_READ', render: () => <AuditScreen /> },
];

export function matchScim2Route(pathname: string): { needs: Permission; element: JSX.Element } | undefined {
  for (const route of SCIM2_ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match) return { needs: route.needs, element: route.render(match.slice(1)) };
  }
  return undefined;
}
