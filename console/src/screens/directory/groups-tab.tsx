import { useQuery } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { GroupsTabQuery } from '../../gql/graphql.js';
import { exportPath } from '../../lib/download-export.js';
import { formatCount } from '../../lib/format-number.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { groupPath } from '../scim2/scim2-routes.js';
import { DirectorySearch, EmptyList } from './directory-search.js';
import { ExportButton } from './export-button.js';
import { Pager } from './pager.js';
import { TableSkeleton } from './table-skeleton.js';
import { useKeysetPager } from './use-keyset-pager.js';
import { useSearchParam } from './use-search-param.js';
import { SourceText } from './users-tab.js';

const GroupsTabQueryDocument = graphql(`
  query GroupsTab($search: String, $first: Int!, $after: String) {
    directoryGroups(search: $search, first: $first, after: $after) {
      edges {
        node {
          id
          displayName
          externalId
          memberCount
          source
          createdByToken
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
type GroupRow = NonNullable<GroupsTabQuery['directoryGroups']>['edges'][number]['node'];

/** SCIM2 › Groups: searched on the server, paged by key. */
export function GroupsTab() {
  const { text, setText, query } = useSearchParam();
  const pager = useKeysetPager(query);
  const [{ data, error, fetching }] = useQuery({
    query: GroupsTabQueryDocument,
    variables: { search: query || null, first: PAGE_SIZE, after: pager.after },
  });
  useEffect(() => {
    document.title = 'SCIM Groups · Roster';
  }, []);
  if (hasErrorCode(error, 'FORBIDDEN')) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2 › Groups" />;
  const connection = data?.directoryGroups;
  const groups = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <header class="page-header">
        <h1>Groups</h1>
        <p class="muted">Every group your identity providers synchronise, with its members.</p>
      </header>
      <section class="card" aria-labelledby="groups-title">
        <h2 id="groups-title" class="visually-hidden">
          Directory groups
        </h2>
        <div class="directory-toolbar">
          <DirectorySearch id="group-search" label="Search groups" placeholder="displayName or external id" text={text} onText={setText} />
          <ExportButton path={exportPath('groups.csv', { search: query })} filename="groups.csv" label="Export CSV" />
        </div>
        {error && !data && (
          <p class="notice notice--danger" role="alert">
            {errorMessage(error, 'The groups could not be loaded.')}
          </p>
        )}
        {!connection && !error && <TableSkeleton label="Loading groups…" />}
        {connection && groups.length === 0 && (
          <EmptyList query={query} what="groups" emptyText="Groups appear here when your identity provider pushes them over SCIM." onClear={() => setText('')} />
        )}
        {groups.length > 0 && <GroupsTable groups={groups} busy={fetching} />}
        {connection && (
          <Pager pager={pager} shown={groups.length} pageSize={PAGE_SIZE} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what="Groups" />
        )}
      </section>
    </>
  );
}

function GroupsTable({ groups, busy }: { groups: GroupRow[]; busy: boolean }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack directory-table" aria-busy={busy} data-testid="groups-table">
        <caption class="visually-hidden">Groups, by displayName</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Members</th>
            <th scope="col">External id</th>
            <th scope="col">Source</th>
            <th scope="col">Last modified</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id} data-testid="group-row">
              <td data-label="Group">
                <Link href={groupPath(group.id)} class="directory-table__name">
                  {group.displayName}
                </Link>
              </td>
              <td data-label="Members">{formatCount(group.memberCount)}</td>
              <td data-label="External id" class="mono">
                {group.externalId ?? '—'}
              </td>
              <td data-label="Source">
                <SourceText source={group.source} token={group.createdByToken} />
              </td>
              <td data-label="Modified">
                <time dateTime={group.lastModified} title={absoluteTime(group.lastModified)}>
                  {relativeTime(group.lastModified)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
