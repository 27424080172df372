import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import type { UsersTabQuery } from '../../gql/graphql.js';
import { exportPath } from '../../lib/download-export.js';
import { Link } from '../../routing/router.js';
import { userPath } from '../scim2/scim2-routes.js';
import { ActiveBadge } from './active-badge.js';
import { DirectoryTab } from './directory-tab.js';
import { DirectoryTable, RelativeTime, type DirectoryColumn } from './directory-table.js';
import { SourceText } from './source-text.js';
import { activeArgument, STATUS_CHOICES, StatusFilter } from './status-filter.js';
import { useKeysetPager } from './use-keyset-pager.js';
import { useChoiceParam, useSearchParam } from './use-search-param.js';

const UsersTabQueryDocument = graphql(`
  query UsersTab($search: String, $active: Boolean, $first: Int!, $after: String) {
    directoryUsers(search: $search, active: $active, first: $first, after: $after) {
      edges {
        node {
          id
          userName
          displayName
          active
          source
          createdByToken
          emails {
            value
            primary
          }
          lastModified
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE_SIZE = 50;
type UserRow = NonNullable<UsersTabQuery['directoryUsers']>['edges'][number]['node'];

const COLUMNS: DirectoryColumn<UserRow>[] = [
  {
    header: 'User',
    // One child: the phone layout puts the cell's label and its content side by side.
    cell: (user) => (
      <div>
        <Link href={userPath(user.id)} class="directory-table__name">
          {user.userName}
        </Link>
        {user.displayName && <div class="muted">{user.displayName}</div>}
      </div>
    ),
  },
  { header: 'Email', class: 'directory-table__email', cell: (user) => (user.emails.find((e) => e.primary) ?? user.emails[0])?.value ?? '—' },
  { header: 'Status', cell: (user) => <ActiveBadge active={user.active} /> },
  { header: 'Source', cell: (user) => <SourceText source={user.source} token={user.createdByToken} /> },
  { header: 'Last modified', label: 'Modified', cell: (user) => <RelativeTime at={user.lastModified} /> },
];

/** SCIM2 › Users: the whole directory, searched on the server and paged by key. */
export function UsersTab() {
  const search = useSearchParam();
  const [status, setStatus] = useChoiceParam('active', STATUS_CHOICES);
  const active = activeArgument(status);
  const pager = useKeysetPager(`${search.query}\n${status}`);
  const [{ data, error, fetching }] = useQuery({
    query: UsersTabQueryDocument,
    variables: { search: search.query || null, active, first: PAGE_SIZE, after: pager.after },
  });
  return (
    <DirectoryTab
      what="users"
      title="Users"
      intro="Every user in your directory: who arrived, whether they are active, and which IdP sent them."
      search={{ ...search, placeholder: 'userName, name, email or external id' }}
      narrowed={status ? { word: status === 'true' ? 'active' : 'inactive', clear: () => setStatus('') } : undefined}
      filters={<StatusFilter value={status} onChange={setStatus} />}
      exportPath={exportPath('users.csv', { search: search.query, active })}
      result={{ connection: data?.directoryUsers, error, fetching }}
      pager={pager}
      pageSize={PAGE_SIZE}
      emptyText="Users appear here as soon as your identity provider provisions them over SCIM."
      table={(users, busy) => (
        <DirectoryTable
          rows={users}
          columns={COLUMNS}
          caption="Users, by userName"
          testId="users-table"
          rowTestId="user-row"
          rowData={(user) => ({ 'data-active': String(user.active === true) })}
          busy={busy}
        />
      )}
    />
  );
}
