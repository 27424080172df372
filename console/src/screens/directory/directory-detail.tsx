import type { CombinedError } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { FragmentType } from '../../gql/index.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';
import { MoreAttributes, OriginFacts, type OriginEntry } from './entry-facts.js';
import { MissingEntry } from './missing-entry.js';
import { RawScimJson } from './raw-scim-json.js';
import { ResourceActivity, type ResourceActivityFragment } from './resource-activity.js';
import { TableSkeleton } from './table-skeleton.js';

const KINDS = {
  user: { plural: 'users', title: 'Users', endpoint: 'Users' },
  group: { plural: 'groups', title: 'Groups', endpoint: 'Groups' },
} as const;

interface DirectoryDetailProps {
  kind: keyof typeof KINDS;
  result: { loaded: boolean; error: CombinedError | undefined };
  entry: (OriginEntry & { scimResource: unknown }) | null | undefined;
  /** The entry's name, as the page's heading. */
  heading: string | undefined;
  /** Beside the heading: the status of a user. */
  subtitle?: ComponentChildren;
  /** The facts laid out first; the origin and the remaining SCIM attributes follow. */
  facts: ComponentChildren;
  /** SCIM attributes the facts show already, not repeated among the rest. */
  shown: readonly string[];
  /** The user's groups or the group's members. */
  related: ComponentChildren;
  activity: FragmentType<typeof ResourceActivityFragment> | null | undefined;
}

/** One user's or group's page: attributes, origin, related entries, last activity and the raw resource. */
export function DirectoryDetail({ kind, result, entry, heading, subtitle, facts, shown, related, activity }: DirectoryDetailProps) {
  const { plural, title, endpoint } = KINDS[kind];
  const back = `${SCIM2_PATH}/${plural}`;
  useEffect(() => {
    document.title = `${heading ?? (kind === 'user' ? 'User' : 'Group')} · SCIM ${title} · Roster`;
  }, [heading, kind, title]);
  if (hasErrorCode(result.error, 'FORBIDDEN')) return <AccessDeniedScreen area={`IT Settings › IAM Settings › SCIM2 › ${title}`} />;
  if (result.error && !result.loaded) return <p class="notice notice--danger" role="alert">{errorMessage(result.error, `The ${kind} could not be loaded.`)}</p>;
  if (!result.loaded) return <TableSkeleton label={`Loading the ${kind}…`} />;
  if (!entry) return <MissingEntry what={kind} back={back} />;

  return (
    <>
      <header class="page-header">
        <p>
          <Link href={back}>← All {plural}</Link>
        </p>
        <h1 class="break-anywhere">{heading}</h1>
        {subtitle && <p class="muted">{subtitle}</p>}
      </header>
      <section class="card" aria-labelledby={`${kind}-attributes-title`}>
        <h2 id={`${kind}-attributes-title`}>Attributes</h2>
        <dl class="attributes" data-testid={`${kind}-attributes`}>
          {facts}
          <OriginFacts {...entry} />
          <MoreAttributes resource={entry.scimResource} shown={shown} />
        </dl>
      </section>
      {related}
      {activity && <ResourceActivity activity={activity} what={kind} />}
      <RawScimJson resource={entry.scimResource} path={`/${endpoint}/${entry.id}`} />
    </>
  );
}
