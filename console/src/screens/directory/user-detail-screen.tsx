import { useQuery } from '@urql/preact';
import { graphql } from '../../gql/index.js';
import { ActiveBadge } from './active-badge.js';
import { DirectoryDetail } from './directory-detail.js';
import { Fact } from './entry-facts.js';
import { UserGroupsCard } from './user-groups-card.js';

const UserDetailQuery = graphql(`
  query UserDetail($id: ID!) {
    directoryUser(id: $id) {
      id
      userName
      displayName
      name {
        formatted
        givenName
        familyName
      }
      emails {
        value
        type
        primary
      }
      active
      externalId
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

// Laid out above, so not repeated among the other attributes.
const SHOWN = ['schemas', 'id', 'meta', 'userName', 'displayName', 'name', 'emails', 'active', 'externalId', 'groups'];

/** SCIM2 › Users › one user: every attribute, groups, origin, activity and the raw resource. */
export function UserDetailScreen({ id }: { id: string }) {
  const [{ data, error }] = useQuery({ query: UserDetailQuery, variables: { id } });
  const user = data?.directoryUser;
  return (
    <DirectoryDetail
      kind="user"
      result={{ loaded: data !== undefined, error }}
      entry={user}
      heading={user?.userName}
      subtitle={user && (
        <>
          <ActiveBadge active={user.active} /> {user.displayName}
        </>
      )}
      facts={user && (
        <>
          <Fact label="userName">{user.userName}</Fact>
          <Fact label="Display name">{user.displayName}</Fact>
          <Fact label="Given name">{user.name?.givenName}</Fact>
          <Fact label="Family name">{user.name?.familyName}</Fact>
          <Fact label="Formatted name">{user.name?.formatted}</Fact>
          <Fact label="Status">
            <ActiveBadge active={user.active} />
          </Fact>
          <Fact label="Emails">{user.emails.length > 0 && <EmailList emails={user.emails} />}</Fact>
        </>
      )}
      shown={SHOWN}
      related={user && <UserGroupsCard userId={user.id} />}
      activity={data?.recentActivity}
    />
  );
}

function EmailList({ emails }: { emails: readonly { value: string; type?: string | null; primary?: boolean | null }[] }) {
  return (
    <ul class="plain-list">
      {emails.map((email) => (
        <li key={email.value}>
          {email.value}
          <span class="muted"> {[email.type, email.primary ? 'primary' : null].filter(Boolean).join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
