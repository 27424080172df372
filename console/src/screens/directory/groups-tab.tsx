import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import type { GroupsTabQuery } from '../../gql/graphql.js';
import { exportPath } from '../../lib/download-export.js';
import { formatCount } from '../../lib/format-number.js';
import { Link } from '../../routing/router.js';
import { groupPath } from '../scim2/scim2-routes.js';
import { DirectoryTab } from './directory-tab.js';
import { DirectoryTable, RelativeTime, type DirectoryColumn } from './directory-table.js';
import { SourceText } from './source-text.js';
import { useKeysetPager } from './use-keyset-pager.js';
import { useSearchParam } from './use-search-param.js';

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

const COLUMNS: DirectoryColumn<GroupRow>[] = [
  {
    header: 'Group',
    cell: (group) => (
      <Link href={groupPath(group.id)} class="directory-table__name">
        {group.displayName}
      </Link>
    ),
  },
  { header: 'Members', cell: (group) => formatCount(group.memberCount) },
  { header: 'External id', class: 'mono', cell: (group) => group.externalId ?? '—' },
  { header: 'Source', cell: (group) => <SourceText source={group.source} token={group.createdByToken} /> },
  { header: 'Last modified', label: 'Modified', cell: (group) => <RelativeTime at={group.lastModified} /> },
];

/** SCIM2 › Groups: searched on the server, paged by key. */
export function GroupsTab() {
  const search = useSearchParam();
  const pager = useKeysetPager(search.query);
  const [{ data, error, fetching }] = useQuery({
    query: GroupsTabQueryDocument,
    variables: { search: search.query || null, first: PAGE_SIZE, after: pager.after },
  });
  return (
    <DirectoryTab
      what="groups"
      title="Groups"
      intro="Every group your identity providers synchronise, with its members."
      search={{ ...search, placeholder: 'displayName or external id' }}
      exportPath={exportPath('groups.csv', { search: search.query })}
      result={{ connection: data?.directoryGroups, error, fetching }}
      pager={pager}
      pageSize={PAGE_SIZE}
      emptyText="Groups appear here when your identity provider pushes them over SCIM."
      table={(groups, busy) => (
        <DirectoryTable rows={groups} columns={COLUMNS} caption="Groups, by displayName" testId="groups-table" rowTestId="group-row" busy={busy} />
      )}
    />
  );
}
