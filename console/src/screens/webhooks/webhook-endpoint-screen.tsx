import { useQuery } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { Link } from '../../routing/router.js';
import { WarningIcon } from '../../ui/icons.js';
import { useKeysetPager } from '../directory/use-keyset-pager.js';
import { SCIM2_TABS } from '../scim2/scim2-routes.js';
import { DeliveriesCard } from './deliveries-card.js';
import { EndpointActions } from './endpoint-actions.js';
import { EndpointStatus } from './endpoint-status.js';
import { describeEventTypes } from './event-types.js';
import { WebhooksReadOnlyNotice } from './read-only-notice.js';

const WebhookEndpointScreenQuery = graphql(`
  query WebhookEndpointScreen($id: ID!, $first: Int!, $after: String, $failedOnly: Boolean) {
    webhookEndpoints {
      id
      url
      description
      eventTypes
      enabled
      disabledAfterFailures
      disabledReason
      createdAt
      previousSecretExpiresAt
      ...EndpointStatus_WebhookEndpoint
      ...EndpointActions_WebhookEndpoint
    }
    webhookDeliveries(endpointId: $id, first: $first, after: $after, failedOnly: $failedOnly) {
      edges {
        node {
          id
          status
        }
      }
      ...DeliveriesCard_Connection
    }
  }
`);

const PAGE = 20;
const WEBHOOKS_PATH = SCIM2_TABS.find((tab) => tab.tab === 'webhooks')!.path;
// Deliveries move on their own (the worker, retries): quickly while one is pending, slowly otherwise.
const PENDING_REFRESH_MS = 1_500;
const IDLE_REFRESH_MS = 10_000;

function BackLink() {
  return <Link href={WEBHOOKS_PATH}>← All endpoints</Link>;
}

/** One endpoint: its settings and status, its actions, and its deliveries. */
export function WebhookEndpointScreen({ id, canManage }: { id: string; canManage: boolean }) {
  useEffect(() => {
    document.title = 'Webhook endpoint · Roster';
  }, []);
  if (!canManage) {
    return (
      <>
        <header class="page-header">
          <h1>Webhook endpoint</h1>
          <BackLink />
        </header>
        <WebhooksReadOnlyNotice />
      </>
    );
  }
  return <EndpointDetail id={id} />;
}

function useRefresh(pending: boolean, refresh: () => void) {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, pending ? PENDING_REFRESH_MS : IDLE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);
}

function EndpointDetail({ id }: { id: string }) {
  const [failedOnly, setFailedOnly] = useState(false);
  const pager = useKeysetPager(`${id}:${failedOnly}`);
  const context = useMemo(() => ({ additionalTypenames: ['WebhookDelivery', 'WebhookEndpoint'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: WebhookEndpointScreenQuery,
    variables: { id, first: PAGE, after: pager.after, failedOnly },
    context,
  });
  const refresh = useMemo(() => () => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const pending = data?.webhookDeliveries?.edges.some((edge) => edge.node.status === 'PENDING') ?? false;
  useRefresh(pending, refresh);

  const endpoint = data?.webhookEndpoints?.find((candidate) => candidate.id === id);
  if (data?.webhookEndpoints && !endpoint) {
    return (
      <section class="status-page" data-testid="webhook-missing">
        <h1>No such endpoint</h1>
        <p>It may have been deleted.</p>
        <BackLink />
      </section>
    );
  }
  return (
    <>
      <header class="page-header">
        <BackLink />
        <h1 class="break-anywhere">{endpoint?.url ?? 'Webhook endpoint'}</h1>
        {endpoint?.description && <p class="muted">{endpoint.description}</p>}
      </header>
      {error && !endpoint && (
        <p class="notice notice--danger" role="alert">
          {errorMessage(error, 'The endpoint could not be loaded.')}
        </p>
      )}
      {!data && !error && <p class="muted" role="status">Loading…</p>}
      {endpoint && (
        <>
          {endpoint.disabledAfterFailures && (
            <p class="notice notice--danger" role="status" data-testid="disabled-after-failures">
              <WarningIcon />
              <span>
                <strong>Roster disabled this endpoint:</strong> {endpoint.disabledReason}. Nothing is sent until you enable it
                again; events wait, in order, from where it stopped.
              </span>
            </p>
          )}
          <section class="card" aria-labelledby="webhook-settings-title" data-testid="webhook-endpoint">
            <div class="card__header">
              <h2 id="webhook-settings-title">Endpoint</h2>
              <EndpointActions endpoint={endpoint} />
            </div>
            <dl class="detail-list">
              <dt>Status</dt>
              <dd><EndpointStatus endpoint={endpoint} /></dd>
              <dt>Events</dt>
              <dd class="break-anywhere">{describeEventTypes(endpoint.eventTypes)}</dd>
              <dt>Added</dt>
              <dd><time dateTime={endpoint.createdAt} title={absoluteTime(endpoint.createdAt)}>{relativeTime(endpoint.createdAt)}</time></dd>
              <SecretOverlap until={endpoint.previousSecretExpiresAt} />
            </dl>
          </section>
        </>
      )}
      {endpoint && data?.webhookDeliveries && (
        <DeliveriesCard
          endpointId={id}
          deliveries={data.webhookDeliveries}
          pager={pager}
          pageSize={PAGE}
          failedOnly={failedOnly}
          onFailedOnly={setFailedOnly}
          busy={fetching}
        />
      )}
    </>
  );
}

/** After a rotation, until when the previous secret still signs beside the new one. */
function SecretOverlap({ until }: { until: string | null | undefined }) {
  if (!until || Date.parse(until) <= Date.now()) return null;
  return (
    <>
      <dt>Previous secret</dt>
      <dd data-testid="previous-secret">
        Still signs beside the new one until <time dateTime={until}>{absoluteTime(until)}</time>
      </dd>
    </>
  );
}
