import { Link } from '../../routing/router.js';
import { SCIM2_TABS, type Scim2Tab } from './scim2-routes.js';

/**
 * Overview · Users · Groups · Activity · Audit · Webhooks. Links rather than an ARIA tablist: each tab is its
 * own address (bookmarkable, back button), so it is navigation, with `aria-current` on the open one.
 */
export function Scim2Tabs({ current }: { current: Scim2Tab }) {
  return (
    <nav class="tabs" aria-label="SCIM2">
      <ul>
        {SCIM2_TABS.map(({ tab, label, path }) => (
          <li key={tab}>
            <Link href={path} class="tabs__link" aria-current={tab === current ? 'page' : undefined} data-testid={`tab-${tab}`}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
