import { useQuery } from '@urql/preact';
import { graphql } from '../gql/index.js';
import { AccessDeniedScreen } from '../screens/access-denied/access-denied-screen.js';
import { HomeScreen } from '../screens/home/home-screen.js';
import { LoginScreen } from '../screens/login/login-screen.js';
import { NotFoundScreen } from '../screens/not-found/not-found-screen.js';
import { SamlOauthScreen } from '../screens/saml-oauth/saml-oauth-screen.js';
import { Scim2Screen } from '../screens/scim2/scim2-screen.js';
import { AppShell } from '../shell/app-shell.js';
import { LOGIN_PATH, iamScreenFor, landingPath, type IamScreen } from './iam-screens.js';
import { Redirect, useLocation } from './router.js';
import type { Permission } from '../gql/graphql.js';

const ConsoleViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      id
      permissions
      ...AppShell_Viewer
    }
  }
`);

/** Strips one trailing slash so `/it-settings/iam/scim2/` is the same screen. */
function normalise(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
}

function ScreenFor({ screen, pathname, permissions }: { screen: IamScreen; pathname: string; permissions: readonly Permission[] }) {
  if (!permissions.includes(screen.needs)) return <AccessDeniedScreen area={`IT Settings › IAM Settings › ${screen.label}`} />;
  if (screen.path === '/it-settings/iam/scim2') return <Scim2Screen pathname={pathname} canManage={permissions.includes('IAM_MANAGE')} />;
  if (pathname !== screen.path) return <NotFoundScreen home={screen.path} />;
  return <SamlOauthScreen canManage={permissions.includes('IAM_MANAGE')} />;
}

/** Decides between sign-in, the shell around a screen, access denied and not found. */
export function AppRoutes() {
  const { pathname: rawPath, search } = useLocation();
  const pathname = normalise(rawPath);
  const [{ data, error }] = useQuery({ query: ConsoleViewerQuery });

  if (pathname === LOGIN_PATH) return <LoginScreen next={search.get('next')} />;
  if (!data) return error ? <ServerUnreachable /> : <ShellPlaceholder />;
  const viewer = data.viewer;
  if (!viewer) return <Redirect to={`${LOGIN_PATH}?next=${encodeURIComponent(rawPath)}`} />;

  const landing = landingPath(null, viewer.permissions);
  if (pathname === '/' && landing !== '/') return <Redirect to={landing} />;
  const screen = iamScreenFor(pathname);
  const allowed = screen ? viewer.permissions.includes(screen.needs) : false;
  return (
    <AppShell viewer={viewer} pathname={pathname} showBreadcrumb={allowed}>
      {pathname === '/' ? (
        <HomeScreen />
      ) : screen ? (
        <ScreenFor screen={screen} pathname={pathname} permissions={viewer.permissions} />
      ) : (
        <NotFoundScreen home={landing} />
      )}
    </AppShell>
  );
}

/** The shell's silhouette while the viewer loads, so the first paint does not jump. */
function ShellPlaceholder() {
  return (
    <div class="shell" aria-busy="true">
      <div class="sidebar" aria-hidden="true" />
      <main class="main">
        <span class="visually-hidden">Loading…</span>
      </main>
    </div>
  );
}

function ServerUnreachable() {
  return (
    <div class="centered-page">
      <main class="centered-page__panel">
        <div role="alert" class="stack">
        <h1>Roster is not reachable</h1>
        <p>The console could not reach its server. Check your connection, then reload the page.</p>
        <button type="button" class="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        </div>
      </main>
    </div>
  );
}
