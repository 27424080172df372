import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { Link } from '../../routing/router.js';
import { groupPath } from '../scim2/scim2-routes.js';
import { Pager } from './pager.js';
import { useKeysetPager } from './use-keyset-pager.js';

const UserGroupsQuery = graphql(`
  query UserGroups($id: ID!, $first: Int!, $after: String) {
    directoryUser(id: $id) {
      id
      groups(first: $first, after: $after) {
        edges {
          node {
            id
            displayName
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const PAGE_SIZE = 25;

/** The user's direct groups, a page at a time. */
export function UserGroupsCard({ userId }: { userId: string }) {
  const pager = useKeysetPager(userId);
  const [{ data }] = useQuery({ query: UserGroupsQuery, variables: { id: userId, first: PAGE_SIZE, after: pager.after } });
  const connection = data?.directoryUser?.groups;
  const groups = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <section class="card" aria-labelledby="user-groups-title" data-testid="user-groups">
      <h2 id="user-groups-title">Groups</h2>
      {connection && groups.length === 0 && <p class="empty-state">This user is in no group.</p>}
      {groups.length > 0 && (
        <ul class="link-list">
          {groups.map((group) => (
            <li key={group.id}>
              <Link href={groupPath(group.id)}>{group.displayName}</Link>
            </li>
          ))}
        </ul>
      )}
      {connection && (
        <Pager pager={pager} shown={groups.length} pageSize={PAGE_SIZE} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what="Groups" />
      )}
    </section>
  );
}
