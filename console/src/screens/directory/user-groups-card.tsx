import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { Link } from '../../routing/router.js';
import { groupPath } from '../scim2/scim2-routes.js';
import { PagedLinkCard } from './paged-link-card.js';
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
  return (
    <PagedLinkCard
      id="user-groups-title"
      title="Groups"
      testId="user-groups"
      emptyText="This user is in no group."
      connection={data?.directoryUser?.groups}
      pager={pager}
      pageSize={PAGE_SIZE}
      what="Groups"
      item={(group) => <Link href={groupPath(group.id)}>{group.displayName}</Link>}
    />
  );
}
