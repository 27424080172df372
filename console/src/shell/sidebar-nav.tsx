import { graphql, useFragment, type FragmentType } from '../gql/index.js';
import { visibleIamScreens } from '../routing/iam-screens.js';
import { Link } from '../routing/router.js';

export const SidebarNavFragment = graphql(`
  fragment SidebarNav_Viewer on Viewer {
    permissions
  }
`);

/** IT Settings › IAM Settings › screens: only the entries this operator may open (O1). */
export function SidebarNav(props: { viewer: FragmentType<typeof SidebarNavFragment>; pathname: string; onNavigate: () => void }) {
  const viewer = useFragment(SidebarNavFragment, props.viewer);
  const screens = visibleIamScreens(viewer.permissions);
  return (
    <nav aria-label="Main">
      {screens.length === 0 ? (
        <p class="sidebar__empty">Your role gives you no settings areas yet.</p>
      ) : (
        <ul>
          <li>
            <div class="sidebar__group-label" id="nav-it-settings">
              IT Settings
            </div>
            <ul aria-labelledby="nav-it-settings">
              <li>
                <div class="sidebar__subgroup-label" id="nav-iam">
                  IAM Settings
                </div>
                <ul aria-labelledby="nav-iam">
                  {screens.map((screen) => (
                    <li key={screen.path}>
                      <Link
                        class="sidebar__link"
                        href={screen.path}
                        aria-current={currentness(props.pathname, screen.path)}
                        onClick={props.onNavigate}
                      >
                        {screen.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            </ul>
          </li>
        </ul>
      )}
    </nav>
  );
}

/** `page` on the screen itself, `true` on its tabs and detail pages (still "where I am"). */
function currentness(pathname: string, screenPath: string): 'page' | 'true' | undefined {
  if (pathname === screenPath) return 'page';
  return pathname.startsWith(`${screenPath}/`) ? 'true' : undefined;
}
