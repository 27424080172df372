import type { Permission } from '../gql/graphql.js';

/** The IAM Settings screens in sidebar order; the breadcrumb arrows step through this list. */
export interface IamScreen {
  path: string;
  label: string;
  title: string;
  /** The server permission that opens the screen (the server refuses the data without it). */
  needs: Permission;
}

export const IAM_SCREENS: readonly IamScreen[] = [
  { path: '/it-settings/iam/saml-oauth', label: 'SAML/OAuth', title: 'SAML/OAuth', needs: 'IAM_READ' },
  { path: '/it-settings/iam/scim2', label: 'SCIM2', title: 'SCIM Overview', needs: 'IAM_READ' },
];

export const LOGIN_PATH = '/login';

/** The screen a path belongs to: its own path or one below it (the SCIM2 tabs and detail pages). */
export function iamScreenFor(pathname: string): IamScreen | undefined {
  return IAM_SCREENS.find((screen) => pathname === screen.path || pathname.startsWith(`${screen.path}/`));
}

/** The screens this viewer may open, in menu order. */
export function visibleIamScreens(permissions: readonly Permission[]): IamScreen[] {
  return IAM_SCREENS.filter((screen) => permissions.includes(screen.needs));
}

/** Previous and next screen around `path` among those visible; undefined at either end. */
export function iamNeighbours(
  path: string,
  visible: readonly IamScreen[],
): { previous?: IamScreen; next?: IamScreen } {
  const index = visible.findIndex((screen) => screen.path === path);
  if (index < 0) return {};
  return { previous: visible[index - 1], next: visible[index + 1] };
}

/** Where an operator with iam:read starts: the SCIM overview answers "is provisioning working?". */
const HOME_SCREEN = '/it-settings/iam/scim2';

/**
 * Where to land after sign-in: the requested page when it is one of ours (never another site,
 * never the sign-in page itself), else the SCIM overview, else the first screen the operator may open.
 */
export function landingPath(requested: string | null, permissions: readonly Permission[]): string {
  const ours = requested?.startsWith('/') && !requested.startsWith('//') && !requested.startsWith('/\\');
  if (requested && ours && requested !== '/' && !requested.startsWith(LOGIN_PATH)) {
    return requested;
  }
  const visible = visibleIamScreens(permissions);
  return (visible.find((screen) => screen.path === HOME_SCREEN) ?? visible[0])?.path ?? '/';
}
