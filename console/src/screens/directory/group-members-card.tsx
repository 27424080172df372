import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { formatCount } from '../../lib/format-number.js';
import { Link } from '../../routing/router.js';
import { groupPath, userPath } from '../scim2/scim2-routes.js';
import { Pager } from './pager.js';
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
  const connection = data?.directoryGroup?.members;
  const members = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <section class="card" aria-labelledby="group-members-title" data-testid="group-members">
      <div class="card__header">
        <h2 id="group-members-title">Members</h2>
        <p class="card__subtitle">{formatCount(memberCount)} direct members</p>
      </div>
      {connection && members.length === 0 && <p class="empty-state">This group has no members.</p>}
      {members.length > 0 && (
        <ul class="link-list">
          {members.map((member) => (
            <li key={member.id} data-testid="member-row">
              <Link href={member.type === 'USER' ? userPath(member.id) : groupPath(member.id)}>{member.display ?? member.id}</Link>
              <span class="muted"> {member.type === 'USER' ? 'user' : 'group'}</span>
            </li>
          ))}
        </ul>
      )}
      {connection && (
        <Pager pager={pager} shown={members.length} pageSize={PAGE_SIZE} hasNextPage={connection.pageInfo.hasNextPage} endCursor={connection.pageInfo.endCursor} what="Members" />
      )}
    </section>
  );
}
