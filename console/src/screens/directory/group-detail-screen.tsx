import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { DirectoryDetail } from './directory-detail.js';
import { Fact } from './entry-facts.js';
import { GroupMembersCard } from './group-members-card.js';

const GroupDetailQuery = graphql(`
  query GroupDetail($id: ID!) {
    directoryGroup(id: $id) {
      id
      displayName
      externalId
      memberCount
      source
      createdByToken
      updatedByToken
      created
      lastModified
      scimResource
    }
    recentActivity(first: 10, resourceId: $id) {
      ...ResourceActivity_Connection
    }
  }
`);

const SHOWN = ['schemas', 'id', 'meta', 'displayName', 'externalId', 'members'];

/** SCIM2 › Groups › one group: attributes, members (paged), origin, activity and the raw resource. */
export function GroupDetailScreen({ id }: { id: string }) {
  const [{ data, error }] = useQuery({ query: GroupDetailQuery, variables: { id } });
  const group = data?.directoryGroup;
  return (
    <DirectoryDetail
      kind="group"
      result={{ loaded: data !== undefined, error }}
      entry={group}
      heading={group?.displayName}
      facts={group && <Fact label="Display name">{group.displayName}</Fact>}
      shown={SHOWN}
      related={group && <GroupMembersCard groupId={group.id} memberCount={group.memberCount} />}
      activity={data?.recentActivity}
    />
  );
}
