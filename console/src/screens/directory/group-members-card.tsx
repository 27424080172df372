import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { formatCount } from '../../lib/format-number.js';
import { Link } from '../../routing/router.js';
import { groupPath, userPath } from '../scim2/scim2-routes.js';
import { PagedLinkCard } from './paged-link-card.js';
import { useKeysetPager } from './use-keyset-pager.js';

const GroupMembersQuery = graphql(`
  query GroupMembers($id: ID!, $first: Int!, $after: String) {
    directoryGroup(id: $id) {
      id
      members(first: $first, after: $after) {
        edges {
          node {
            id
            type
            display
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

const PAGE_SIZE = 50;

/** Direct members a page at a time: a group of thousands is never loaded at once. */
export function GroupMembersCard({ groupId, memberCount }: { groupId: string; memberCount: number }) {
  const pager = useKeysetPager(groupId);
  const [{ data }] = useQuery({ query: GroupMembersQuery, variables: { id: groupId, first: PAGE_SIZE, after: pager.after } });
  return (
    <PagedLinkCard
      id="group-members-title"
      title="Members"
      subtitle={`${formatCount(memberCount)} direct members`}
      testId="group-members"
      emptyText="This group has no members."
      connection={data?.directoryGroup?.members}
      pager={pager}
      pageSize={PAGE_SIZE}
      what="Members"
      itemTestId="member-row"
      item={(member) => (
        <>
          <Link href={member.type === 'USER' ? userPath(member.id) : groupPath(member.id)}>{member.display ?? member.id}</Link>
          <span class="muted"> {member.type === 'USER' ? 'user' : 'group'}</span>
        </>
      )}
    />
  );
}
