import { useQuery } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { ActivityDetailScreenQuery } from '../../gql/graphql.js';
import { absoluteTime } from '../../lib/format-time.js';
import { errorMessage, hasErrorCode } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { AccessDeniedScreen } from '../access-denied/access-denied-screen.js';
import { resourcePath } from './activity-filters.js';
import { OutcomeBadge } from './activity-table.js';
import { SCIM2_PATH } from '../scim2/scim2-routes.js';

const ActivityDetailQuery = graphql(`
  query ActivityDetailScreen($id: ID!) {
    provisioningEvent(id: $id) {
      id
      occurredAt
      method
      path
      operation
      status
      succeeded
      throttled
      scimType
      message
      durationMs
      userAgent
      tokenLabel
      resourceType
      resourceId
      resourceName
      changedAttributes
    }
  }
`);

const ACTIVITY_PATH = `${SCIM2_PATH}/activity`;

/** One SCIM request: everything needed to tell why it failed, and what a write changed. */
export function ActivityDetailScreen({ id }: { id: string }) {
  const [{ data, error, fetching }] = useQuery({ query: ActivityDetailQuery, variables: { id } });
  useEffect(() => {
    document.title = 'SCIM request · Roster';
  }, []);
  if (hasErrorCode(error, 'FORBIDDEN')) return <AccessDeniedScreen area="IT Settings › IAM Settings › SCIM2" />;
  const event = data?.provisioningEvent;
  return (
    <>
      <header class="page-header">
        <p><Link href={ACTIVITY_PATH}>← All activity</Link></p>
        <h1>{event ? `${event.operation} · ${event.status}` : 'SCIM request'}</h1>
      </header>
      {error && <p class="notice notice--danger" role="alert">{errorMessage(error, 'The request could not be loaded.')}</p>}
      {fetching && !data && <p role="status">Loading…</p>}
      {data && !event && <p class="notice" role="alert">There is no such request in your company's activity (it may have aged out).</p>}
      {event && <EventDetail event={event} />}
    </>
  );
}

type Detail = NonNullable<ActivityDetailScreenQuery['provisioningEvent']>;

function EventDetail({ event }: { event: Detail }) {
  const link = resourcePath(event.resourceType ?? null, event.resourceId ?? null);
  const resource = event.resourceName ?? event.resourceId;
  return (
    <section class="card" aria-labelledby="detail-title" data-testid="activity-detail">
      <h2 id="detail-title">Request</h2>
      <dl class="detail-list">
        <dt>Time</dt>
        <dd><time dateTime={event.occurredAt}>{absoluteTime(event.occurredAt)}</time></dd>
        <dt>Request</dt>
        <dd class="mono" data-testid="detail-request">{event.method} {event.path ?? '(path not recorded)'}</dd>
        <dt>Status</dt>
        <dd><OutcomeBadge succeeded={event.succeeded} throttled={event.throttled} status={event.status} /></dd>
        <dt>SCIM error</dt>
        <dd data-testid="detail-error">{event.scimType || event.message ? [event.scimType, event.message].filter(Boolean).join(': ') : 'None'}</dd>
        <dt>Duration</dt>
        <dd>{new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(event.durationMs)} ms</dd>
        <dt>Identity provider</dt>
        <dd>{event.tokenLabel ?? 'Unknown (no valid token)'}</dd>
        <dt>User agent</dt>
        <dd class="mono">{event.userAgent ?? '—'}</dd>
        <dt>Resource</dt>
        <dd data-testid="detail-resource">
          {resource ? (link ? <Link href={link}>{resource}</Link> : resource) : '—'}
          {event.resourceType && <span class="muted"> ({event.resourceType}{event.resourceId ? ` ${event.resourceId}` : ''})</span>}
        </dd>
        <dt>Changed attributes</dt>
        <dd data-testid="detail-attributes">
          {event.changedAttributes?.length ? (
            <ul class="inline-list">
              {event.changedAttributes.map((name) => <li key={name} class="mono">{name}</li>)}
            </ul>
          ) : (
            'None'
          )}
        </dd>
      </dl>
    </section>
  );
}
