/** The SCIM2 screen's tabs, in tab-bar order (Overview · Users · Groups · Activity · Audit · Webhooks). */
export const SCIM2_PATH = '/it-settings/iam/scim2';

export type Scim2Tab = 'overview' | 'users' | 'groups' | 'activity' | 'audit' | 'webhooks';

export const SCIM2_TABS: readonly { tab: Scim2Tab; label: string; path: string }[] = [
  { tab: 'overview', label: 'Overview', path: SCIM2_PATH },
  { tab: 'users', label: 'Users', path: `${SCIM2_PATH}/users` },
  { tab: 'groups', label: 'Groups', path: `${SCIM2_PATH}/groups` },
  { tab: 'activity', label: 'Activity', path: `${SCIM2_PATH}/activity` },
  { tab: 'audit', label: 'Audit', path: `${SCIM2_PATH}/audit` },
  { tab: 'webhooks', label: 'Webhooks', path: `${SCIM2_PATH}/webhooks` },
];

/** A page under the SCIM2 screen: a tab's list, or one entry's detail page (`id`). */
export interface Scim2Route {
  tab: Scim2Tab;
  id?: string;
}

/** The route a path names; undefined for a path no page answers (the Audit tab has no detail pages). */
export function matchScim2Route(pathname: string): Scim2Route | undefined {
  if (pathname === SCIM2_PATH) return { tab: 'overview' };
  const rest = pathname.startsWith(`${SCIM2_PATH}/`) ? pathname.slice(SCIM2_PATH.length + 1).split('/') : [];
  const [segment, id, ...extra] = rest;
  const tab = SCIM2_TABS.find((candidate) => candidate.tab === segment && candidate.tab !== 'overview')?.tab;
  if (!tab || extra.length > 0) return undefined;
  if (id === undefined) return { tab };
  return tab === 'audit' ? undefined : { tab, id: decodeURIComponent(id) };
}

export const userPath = (id: string) => `${SCIM2_PATH}/users/${encodeURIComponent(id)}`;
export const groupPath = (id: string) => `${SCIM2_PATH}/groups/${encodeURIComponent(id)}`;
export const activityPath = (id: string) => `${SCIM2_PATH}/activity/${encodeURIComponent(id)}`;
export const webhookPath = (id: string) => `${SCIM2_PATH}/webhooks/${encodeURIComponent(id)}`;
