import { useQuery } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { UsersTabQuery } from '../../gql/graphql.js';
import { exportPath } from '../../lib/download-export.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { userPath } from '../scim2/scim2-routes.js';
import { ActiveBadge } from './active-badge.js';
import { DirectorySearch, EmptyList } from './directory-search.js';
import { ExportButton } from './export-button.js';
import { Pager } from './pager.js';
import { TableSkeleton } from './table-skeleton.js';
import { useKeysetPager } from './use-keyset-pager.js';
import { useSearchParam } from './use-search-param.js';

const UsersTabQueryDocument = graphql(`
  query UsersTab($search: String, $first: Int!, $after: String) {
    directoryUsers(search: $search, first: $first, after: $after) {
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

/** SCIM2 › Users: the whole directory, searched on the server and paged by key. */
export function UsersTab() {
  const { text, setText, query } = useSearchParam();
  const pager = useKeysetPager(query);
  const [{ data, error, fetching }] = useQuery({
    query: UsersTabQueryDocument,
    variables: { search: query || null, first: PAGE_SIZE, after: pager.after },
  });
  useEffect(() => {
    document.title = 'SCIM Users · Roster';
  }, []);
  if (hasErrorCode(error, 'FORBIDDEN')) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2 › Users" />;
  const connection = data?.directoryUsers;
  const users = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <header class="page-header">
        <h1>Users</h1>
        <p class="muted">Every user in your directory: who arrived, whether they are active, and which IdP sent them.</p>
      </header>
      <section class="card" aria-labelledby="users-title">
        <h2 id="users-title" class="visually-hidden">
          Directory users
        </h2>
        <div class="directory-toolbar">
          <DirectorySearch id="user-search" label="Search users" placeholder="userName, name, email or external id" text={text} onText={setText} />
          <ExportButton path={exportPath('users.csv', { search: query })} filename="users.csv" label="Export CSV" />
        </div>
        {error && !data && (
          <p class="notice notice--danger" role="alert">
            {errorMessage(error, 'The users could not be loaded.')}
          </p>
        )}
        {!connection && !error && <TableSkeleton label="Loading users…" />}
        {connection && users.length === 0 && (
          <EmptyList query={query} what="users" emptyText="Users appear here as soon as your identity provider provisions them over SCIM." onClear={() => setText('')} />
        )}
        {users.length > 0 && <UsersTable users={users} busy={fetching} />}
        {connection && (
          <Pager pager={pager} shown={users.length} pageSize={PAGE_SIZE} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what="Users" />
        )}
      </section>
    </>
  );
}

function UsersTable({ users, busy }: { users: UserRow[]; busy: boolean }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack directory-table" aria-busy={busy} data-testid="users-table">
        <caption class="visually-hidden">Users, by userName</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Source</th>
            <th scope="col">Last modified</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRowView key={user.id} user={user} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRowView({ user }: { user: UserRow }) {
  const email = user.emails.find((e) => e.primary) ?? user.emails[0];
  return (
    <tr data-testid="user-row" data-active={String(user.active === true)}>
      <td data-label="User">
        {/* One child: the phone layout puts the cell's label and its content side by side. */}
        <div>
          <Link href={userPath(user.id)} class="directory-table__name">
            {user.userName}
          </Link>
          {user.displayName && <div class="muted">{user.displayName}</div>}
        </div>
      </td>
      <td data-label="Email" class="directory-table__email">
        {email?.value ?? '—'}
      </td>
      <td data-label="Status">
        <ActiveBadge active={user.active} />
      </td>
      <td data-label="Source">
        <SourceText source={user.source} token={user.createdByToken} />
      </td>
      <td data-label="Modified">
        <time dateTime={user.lastModified} title={absoluteTime(user.lastModified)}>
          {relativeTime(user.lastModified)}
        </time>
      </td>
    </tr>
  );
}

/** "SCIM · Okta", or Manual. */
export function SourceText({ source, token }: { source: string; token: string | null | undefined }) {
  if (source === 'MANUAL') return <span>Manual</span>;
  return <span>{token ? `SCIM · ${token}` : 'SCIM'}</span>;
}
