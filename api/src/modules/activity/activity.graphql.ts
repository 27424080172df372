import { builder } from '../../graphql/builder.js';
import { PageInfoRef } from '../../graphql/connection.js';
import { timePageRequest, type Page } from '../../domain/paging.js';
import type { ListedProvisioningEvent, ProvisioningEventView, SetupProgress } from './activity.service.js';
import { streamActivity } from './activity-stream.js';

const iamRead = { permission: 'iam:read' } as const;

const ProvisioningEventRef = builder.objectRef<ProvisioningEventView>('ProvisioningEvent').implement({
  description: 'One inbound SCIM request, refused ones included.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Event id: unique; orders events of the same instant.', authScopes: iamRead }),
    occurredAt: t.field({ type: 'DateTime', description: 'When the request arrived.', authScopes: iamRead, resolve: (e) => e.occurredAt }),
    tokenLabel: t.exposeString('tokenLabel', {
      nullable: true,
      description: 'Label of the SCIM token used, i.e. which IdP; null when the request carried no valid token.',
      authScopes: iamRead,
    }),
    userAgent: t.exposeString('userAgent', { nullable: true, description: 'The IdP\'s User-Agent header.', authScopes: iamRead }),
    method: t.exposeString('method', { description: 'HTTP method, e.g. PATCH.', authScopes: iamRead }),
    operation: t.exposeString('operation', { description: 'What the request did: "Create User", "Get User", "List Users", "Search Users", "Replace User" (PUT), "Update User" (PATCH), "Delete User", the same for Group, "Bulk", "Search", and "Read" with the first path segment for the rest, e.g. "Read Schemas".', authScopes: iamRead }),
    resourceType: t.exposeString('resourceType', { nullable: true, description: 'User, Group, or null for discovery endpoints.', authScopes: iamRead }),
    resourceId: t.exposeString('resourceId', { nullable: true, description: 'The SCIM id of the resource concerned, when known.', authScopes: iamRead }),
    status: t.exposeInt('status', { description: 'HTTP status answered.', authScopes: iamRead }),
    succeeded: t.boolean({ description: 'True for a 2xx/3xx answer; false marks a failure, or a throttled request.', authScopes: iamRead, resolve: (e) => e.status < 400 }),
    throttled: t.boolean({ description: 'True for a request refused by the company\'s SCIM rate limit (429): not served, but no failure either; the IdP retries it.', authScopes: iamRead, resolve: (e) => e.status === 429 }),
    scimType: t.exposeString('scimType', { nullable: true, description: 'SCIM error type (e.g. uniqueness, invalidFilter) of a failure.', authScopes: iamRead }),
    message: t.exposeString('message', { nullable: true, description: 'Error detail of a failure.', authScopes: iamRead }),
    durationMs: t.exposeFloat('durationMs', { description: 'Time spent answering, in milliseconds.', authScopes: iamRead }),
  }),
});

const ProvisioningEventEdgeRef = builder.objectRef<ListedProvisioningEvent>('ProvisioningEventEdge').implement({
  description: 'A provisioning event and its cursor.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as after: to continue after this event.', authScopes: iamRead, resolve: (e) => e.cursor }),
    node: t.field({ type: ProvisioningEventRef, description: 'The event.', authScopes: iamRead, resolve: (e) => e }),
  }),
});

const ProvisioningEventConnectionRef = builder.objectRef<Page<ListedProvisioningEvent>>('ProvisioningEventConnection').implement({
  description: 'A page of provisioning events, newest first (by time, then id).',
  fields: (t) => ({
    edges: t.field({ type: [ProvisioningEventEdgeRef], description: 'Events on this page.', authScopes: iamRead, resolve: (p) => p.nodes }),
    pageInfo: t.field({ type: PageInfoRef, description: 'Paging.', authScopes: iamRead, resolve: (p) => p.pageInfo }),
  }),
});

builder.queryField('recentActivity', (t) =>
  t.withAuth(iamRead).field({
    type: ProvisioningEventConnectionRef,
    nullable: true,
    description: 'The latest SCIM requests of the caller\'s company, newest first. Needs iam:read (null with a FORBIDDEN error otherwise).',
    args: {
      first: t.arg.int({ required: false, description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string({ required: false, description: 'endCursor of the previous page.' }),
      failuresOnly: t.arg.boolean({ required: false, description: 'Only requests answered with status 400 or above, except those throttled by the rate limit (429).' }),
      resourceId: t.arg.id({ required: false, description: 'Only the requests about this SCIM resource (a user or group id).' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.services.activity.listRecent(ctx.principal.companyId, timePageRequest(args.first, args.after), args.failuresOnly ?? false, {
        resourceId: args.resourceId === null || args.resourceId === undefined ? undefined : String(args.resourceId),
      }),
  }),
);

builder.subscriptionField('provisioningActivity', (t) =>
  t.withAuth(iamRead).field({
    type: ProvisioningEventRef,
    description: 'Each new SCIM request of the caller\'s company as it is recorded, from any replica. Needs iam:read.',
    subscribe: (_root, _args, ctx) => streamActivity(ctx.events, ctx.principal.companyId),
    resolve: (event) => event,
  }),
);

const ScimSetupRef = builder.objectRef<SetupProgress>('ScimSetup').implement({
  description: 'The guided set-up of a first IdP connection, each step read from what has happened.',
  fields: (t) => ({
    tokenCreated: t.exposeBoolean('tokenCreated', { description: 'The company has a SCIM token that is not revoked.', authScopes: iamRead }),
    requestReceived: t.exposeBoolean('requestReceived', { description: 'A SCIM request authenticated with one of the company\'s tokens has arrived.', authScopes: iamRead }),
    connectionTested: t.exposeBoolean('connectionTested', {
      description: 'Such a request was answered with success, as an IdP\'s Test Connection (e.g. GET /Users or /ServiceProviderConfig) is.',
      authScopes: iamRead,
    }),
  }),
});

builder.queryField('scimSetup', (t) =>
  t.withAuth(iamRead).field({
    type: ScimSetupRef,
    nullable: true,
    description: 'How far the company\'s first IdP connection has come. Needs iam:read.',
    resolve: (_root, _args, ctx) => ctx.services.activity.setupProgress(ctx.principal.companyId),
  }),
);
