import { useQuery } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';
import { Fact, MoreAttributes, OriginFacts } from './entry-facts.js';
import { GroupMembersCard } from './group-members-card.js';
import { MissingEntry } from './missing-entry.js';
import { RawScimJson } from './raw-scim-json.js';
import { ResourceActivity } from './resource-activity.js';
import { TableSkeleton } from './table-skeleton.js';

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
  useEffect(() => {
    document.title = `${group?.displayName ?? 'Group'} · SCIM Groups · Roster`;
  }, [group?.displayName]);
  if (hasErrorCode(error, 'FORBIDDEN')) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2 › Groups" />;
  if (error && !data) return <p class="notice notice--danger" role="alert">{errorMessage(error, 'The group could not be loaded.')}</p>;
  if (!data) return <TableSkeleton label="Loading the group…" />;
  if (!group) return <MissingEntry what="group" back={`${SCIM2_PATH}/groups`} />;

  return (
    <>
      <header class="page-header">
        <p>
          <Link href={`${SCIM2_PATH}/groups`}>← All groups</Link>
        </p>
        <h1 class="break-anywhere">{group.displayName}</h1>
      </header>
      <section class="card" aria-labelledby="group-attributes-title">
        <h2 id="group-attributes-title">Attributes</h2>
        <dl class="attributes" data-testid="group-attributes">
          <Fact label="Display name">{group.displayName}</Fact>
          <OriginFacts {...group} />
          <MoreAttributes resource={group.scimResource} shown={SHOWN} />
        </dl>
      </section>
      <GroupMembersCard groupId={group.id} memberCount={group.memberCount} />
      {data.recentActivity && <ResourceActivity activity={data.recentActivity} what="group" />}
      <RawScimJson resource={group.scimResource} path={`/Groups/${group.id}`} />
    </>
  );
}
