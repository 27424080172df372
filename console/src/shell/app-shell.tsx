import type { ComponentChildren } from 'preact';
import { useMutation } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../gql/index.js';
import { LOGIN_PATH, iamScreenFor, visibleIamScreens } from '../routing/iam-screens.js';
import { CloseIcon, MenuIcon } from '../ui/icons.js';
import { useNotify } from '../ui/notifications.js';
import { BreadcrumbBar } from './breadcrumb-bar.js';
import { SidebarNav } from './sidebar-nav.js';

export const AppShellFragment = graphql(`
  fragment AppShell_Viewer on Viewer {
    email
    permissions
    company {
      id
      name
    }
    ...SidebarNav_Viewer
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

interface AppShellProps {
  viewer: FragmentType<typeof AppShellFragment>;
  pathname: string;
  /** False on access-denied and not-found pages: no breadcrumb for screens one cannot open. */
  showBreadcrumb: boolean;
  children: ComponentChildren;
}

/** Sidebar, phone top bar, breadcrumb and the main column around every signed-in page. */
export function AppShell(props: AppShellProps) {
  const viewer = useFragment(AppShellFragment, props.viewer);
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useFocusOnNavigate(props.pathname);
  const visible = visibleIamScreens(viewer.permissions);
  const current = props.showBreadcrumb ? iamScreenFor(props.pathname) : undefined;

  return (
    <div class={`shell ${menuOpen ? 'shell--menu-open' : ''}`} onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <button
          type="button"
          class="icon-button"
          aria-label={menuOpen ? 'Close menu' : 'Open menu'}
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {menuOpen ? <CloseIcon /> : <MenuIcon />}
        </button>
        <span>Roster</span>
      </header>
      {menuOpen && <button class="sidebar-backdrop" aria-label="Close menu" tabIndex={-1} onClick={() => setMenuOpen(false)} />}
      <aside class="sidebar" id="sidebar">
        <div class="sidebar__brand">Roster</div>
        <SidebarNav viewer={viewer} pathname={props.pathname} onNavigate={() => setMenuOpen(false)} />
        <div class="sidebar__footer">
          <div class="sidebar__account">
            <span>{viewer.email}</span>
            <span>{viewer.company.name}</span>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main class="main" id="main" tabIndex={-1} ref={main}>
        <div class="main__inner">
          {current && <BreadcrumbBar current={current} visible={visible} />}
          {props.children}
        </div>
      </main>
    </div>
  );
}

/** Moves focus to the content after a client-side navigation, as a full page load would. */
function useFocusOnNavigate(pathname: string) {
  const ref = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [pathname]);
  return ref;
}

function SignOutButton() {
  const [{ fetching }, signOut] = useMutation(SignOutMutation);
  const notify = useNotify();
  const onClick = async () => {
    const result = await signOut({});
    if (result.error) {
      notify('error', 'Signing out failed. Please try again.');
      return;
    }
    // A full page load drops every cached answer and the WebSocket of the signed-out operator.
    window.location.assign(LOGIN_PATH);
  };
  return (
    <button type="button" class="button sidebar__signout" onClick={onClick} disabled={fetching}>
      Sign out
    </button>
  );
}
