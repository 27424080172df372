import { useQuery } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';
import { ActiveBadge } from './active-badge.js';
import { Fact, MoreAttributes, OriginFacts } from './entry-facts.js';
import { MissingEntry } from './missing-entry.js';
import { RawScimJson } from './raw-scim-json.js';
import { ResourceActivity } from './resource-activity.js';
import { TableSkeleton } from './table-skeleton.js';
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
  useEffect(() => {
    document.title = `${user?.userName ?? 'User'} · SCIM Users · Roster`;
  }, [user?.userName]);
  if (hasErrorCode(error, 'FORBIDDEN')) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2 › Users" />;
  if (error && !data) return <p class="notice notice--danger" role="alert">{errorMessage(error, 'The user could not be loaded.')}</p>;
  if (!data) return <TableSkeleton label="Loading the user…" />;
  if (!user) return <MissingEntry what="user" back={`${SCIM2_PATH}/users`} />;

  return (
    <>
      <header class="page-header">
        <p>
          <Link href={`${SCIM2_PATH}/users`}>← All users</Link>
        </p>
        <h1 class="break-anywhere">{user.userName}</h1>
        <p class="muted">
          <ActiveBadge active={user.active} /> {user.displayName}
        </p>
      </header>
      <section class="card" aria-labelledby="user-attributes-title">
        <h2 id="user-attributes-title">Attributes</h2>
        <dl class="attributes" data-testid="user-attributes">
          <Fact label="userName">{user.userName}</Fact>
          <Fact label="Display name">{user.displayName}</Fact>
          <Fact label="Given name">{user.name?.givenName}</Fact>
          <Fact label="Family name">{user.name?.familyName}</Fact>
          <Fact label="Formatted name">{user.name?.formatted}</Fact>
          <Fact label="Status">
            <ActiveBadge active={user.active} />
          </Fact>
          <Fact label="Emails">
            {user.emails.length > 0 && (
              <ul class="plain-list">
                {user.emails.map((email) => (
                  <li key={email.value}>
                    {email.value}
                    <span class="muted"> {[email.type, email.primary ? 'primary' : null].filter(Boolean).join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </Fact>
          <OriginFacts {...user} />
          <MoreAttributes resource={user.scimResource} shown={SHOWN} />
        </dl>
      </section>
      <UserGroupsCard userId={user.id} />
      {data.recentActivity && <ResourceActivity activity={data.recentActivity} what="user" />}
      <RawScimJson resource={user.scimResource} path={`/Users/${user.id}`} />
    </>
  );
}
