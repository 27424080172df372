import { builder } from '../../graphql/builder.js';
import { PageInfoRef } from '../../graphql/connection.js';
import { DomainError } from '../../domain/domain-error.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { DirectoryEventTypeEnum } from './events.graphql.js';
import type { DirectoryEventType } from './event-catalogue.js';
import type { WebhookEndpointView } from './webhook.service.js';
import { DISABLED_BY_OPERATOR } from './webhook-endpoint.store.js';
import type { WebhookAttemptView, WebhookDeliveryView } from './webhook-delivery.view.js';

const iamManage = { permission: 'iam:manage' } as const;

const webhooksOf = (ctx: GraphqlContext) => ctx.services.webhooks;

const WebhookEndpointRef = builder.objectRef<WebhookEndpointView>('WebhookEndpoint').implement({
  description: 'A URL of the host application that receives the company\'s directory events, signed per Standard Webhooks.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Endpoint id.', authScopes: iamManage }),
    url: t.exposeString('url', { description: 'Where events are POSTed.', authScopes: iamManage }),
    description: t.exposeString('description', { nullable: true, description: 'What the endpoint is for.', authScopes: iamManage }),
    eventTypes: t.field({ type: [DirectoryEventTypeEnum], nullable: true, description: 'The types it receives; null: every type.', authScopes: iamManage, resolve: (e) => e.eventTypes as DirectoryEventType[] | null }),
    enabled: t.exposeBoolean('enabled', { description: 'False: nothing is sent; events wait (from where it stopped) until it is enabled again.', authScopes: iamManage }),
    disabledReason: t.exposeString('disabledReason', { nullable: true, description: 'Why it is disabled: by an operator, or after deliveries kept failing every attempt.', authScopes: iamManage }),
    disabledAfterFailures: t.boolean({
      description: 'True when Roster disabled it because deliveries kept failing every attempt (not an operator); enabling it again resumes from where it stopped.',
      authScopes: iamManage,
      resolve: (e) => !e.enabled && e.disabledReason !== null && e.disabledReason !== DISABLED_BY_OPERATOR,
    }),
    failedDeliveries: t.exposeInt('failedDeliveries', { description: 'Deliveries in a row that failed every attempt (reset by a success).', authScopes: iamManage }),
    previousSecretExpiresAt: t.field({ type: 'DateTime', nullable: true, description: 'Until when the secret replaced by the last rotation still signs beside the new one.', authScopes: iamManage, resolve: (e) => e.previousSecretExpiresAt }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was added.', authScopes: iamManage, resolve: (e) => e.createdAt }),
  }),
});

const CreatedWebhookEndpointRef = builder.objectRef<{ endpoint: WebhookEndpointView; secret: string }>('CreatedWebhookEndpoint').implement({
  description: 'An endpoint and its new signing secret, shown this once (stored encrypted, never shown again).',
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpointRef, description: 'The endpoint.', authScopes: iamManage, resolve: (r) => r.endpoint }),
    secret: t.exposeString('secret', { description: 'The Standard Webhooks secret (whsec_…) to verify signatures with.', authScopes: iamManage }),
  }),
});

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Waiting for its first attempt or a retry.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; the endpoint went on with the next event.' },
  },
});

const WebhookAttemptRef = builder.objectRef<WebhookAttemptView>('WebhookAttempt').implement({
  description: 'One HTTP attempt of a delivery.',
  fields: (t) => ({
    attemptedAt: t.field({ type: 'DateTime', description: 'When it was sent.', authScopes: iamManage, resolve: (a) => a.attemptedAt }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: 'HTTP status answered; null when there was no answer (see error).', authScopes: iamManage }),
    durationMs: t.exposeInt('durationMs', { description: 'Milliseconds until the answer (or the failure).', authScopes: iamManage }),
    responseBody: t.exposeString('responseBody', { nullable: true, description: 'The first 2,048 characters of the answer.', authScopes: iamManage }),
    error: t.exposeString('error', { nullable: true, description: 'Why no answer came: refused connection, timeout (10 s), a refused address.', authScopes: iamManage }),
  }),
});

const WebhookDeliveryRef = builder.objectRef<WebhookDeliveryView>('WebhookDelivery').implement({
  description: 'One event\'s delivery to one endpoint, over all its attempts.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Delivery id.', authScopes: iamManage }),
    eventId: t.exposeString('eventId', { description: 'The event (its id, also the webhook-id header); test_… for a test event.', authScopes: iamManage }),
    eventType: t.exposeString('eventType', { description: 'The event\'s wire type, e.g. user.created, or webhook.test.', authScopes: iamManage }),
    status: t.field({ type: WebhookDeliveryStatusEnum, description: 'Where it stands.', authScopes: iamManage, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.', authScopes: iamManage }),
    manual: t.exposeBoolean('manual', { description: 'A redelivery or a test event, sent beside the ordered stream.', authScopes: iamManage }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true, description: 'Status of the latest attempt.', authScopes: iamManage }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When it is tried again, while pending.', authScopes: iamManage, resolve: (d) => d.nextAttemptAt }),
    createdAt: t.field({ type: 'DateTime', description: 'First attempt (or request, for a manual one).', authScopes: iamManage, resolve: (d) => d.createdAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it succeeded or was marked failed.', authScopes: iamManage, resolve: (d) => d.finishedAt }),
    recentAttempts: t.field({ type: [WebhookAttemptRef], description: 'The latest five attempts, newest first.', authScopes: iamManage, resolve: (d) => d.recentAttempts }),
  }),
});

type DeliveryEdge = { node: WebhookDeliveryView; cursor: string };
const WebhookDeliveryEdgeRef = builder.objectRef<DeliveryEdge>('WebhookDeliveryEdge').implement({
  description: 'A delivery and its cursor.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Pass as after: to continue after this delivery.', authScopes: iamManage }),
    node: t.field({ type: WebhookDeliveryRef, description: 'The delivery.', authScopes: iamManage, resolve: (e) => e.node }),
  }),
});

const WebhookDeliveryConnectionRef = builder.objectRef<{ nodes: DeliveryEdge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>('WebhookDeliveryConnection').implement({
  description: 'An endpoint\'s deliveries, newest first.',
  fields: (t) => ({
    edges: t.field({ type: [WebhookDeliveryEdgeRef], description: 'Deliveries on this page.', authScopes: iamManage, resolve: (p) => p.nodes }),
    pageInfo: t.field({ type: PageInfoRef, description: 'Paging.', authScopes: iamManage, resolve: (p) => p.pageInfo }),
  }),
});

function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw new DomainError('INVALID_INPUT', 'first must be between 1 and 100');
  return size;
}

builder.queryField('webhookEndpoints', (t) =>
  t.withAuth(iamManage).field({
    type: [WebhookEndpointRef],
    nullable: true,
    description: 'The company\'s webhook endpoints, oldest first. Needs iam:manage.',
    resolve: (_root, _args, ctx) => webhooksOf(ctx).listEndpoints(ctx.principal.companyId),
  }),
);

builder.queryField('webhookDeliveries', (t) =>
  t.withAuth(iamManage).field({
    type: WebhookDeliveryConnectionRef,
    nullable: true,
    description: 'An endpoint\'s deliveries, newest first. Needs iam:manage.',
    args: {
      endpointId: t.arg.id({ required: true, description: 'The endpoint.' }),
      first: t.arg.int({ required: false, description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string({ required: false, description: 'endCursor of the previous page.' }),
      failedOnly: t.arg.boolean({ required: false, description: 'Only deliveries marked failed.' }),
    },
    resolve: (_root, args, ctx) => webhooksOf(ctx).listEndpointDeliveries(ctx.principal.companyId, String(args.endpointId), {
      first: pageSize(args.first), after: args.after ?? null, failedOnly: args.failedOnly ?? false,
    }),
  }),
);

export { CreatedWebhookEndpointRef, WebhookDeliveryRef, WebhookEndpointRef, webhooksOf };
