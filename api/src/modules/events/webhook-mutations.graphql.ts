import { builder } from '../../graphql/builder.js';
import { DirectoryEventTypeEnum } from './events.graphql.js';
import { CreatedWebhookEndpointRef, WebhookDeliveryRef, WebhookEndpointRef, webhooksOf } from './webhooks.graphql.js';

const iamManage = { permission: 'iam:manage' } as const;

builder.mutationField('createWebhookEndpoint', (t) =>
  t.withAuth(iamManage).field({
    type: CreatedWebhookEndpointRef,
    description: 'Adds an endpoint; it receives the events that commit from now on. The URL must be https (and not a loopback, link-local or private address) unless WEBHOOK_ALLOW_INSECURE is set. Needs iam:manage.',
    args: {
      url: t.arg.string({ required: true, description: 'Where to POST events.' }),
      eventTypes: t.arg({ type: [DirectoryEventTypeEnum], required: false, description: 'The types to receive; omitted or empty: every type.' }),
      description: t.arg.string({ required: false, description: 'What the endpoint is for (up to 500 characters).' }),
    },
    resolve: (_root, args, ctx) => webhooksOf(ctx).createEndpoint(ctx.principal.companyId, args),
  }),
);

builder.mutationField('updateWebhookEndpoint', (t) =>
  t.withAuth(iamManage).field({
    type: WebhookEndpointRef,
    description: 'Changes an endpoint\'s URL or event types, or disables or enables it (enabling clears the failure count; events wait from where it stopped). Needs iam:manage.',
    args: {
      id: t.arg.id({ required: true, description: 'The endpoint.' }),
      url: t.arg.string({ required: false, description: 'A new URL.' }),
      eventTypes: t.arg({ type: [DirectoryEventTypeEnum], required: false, description: 'New types; empty: every type.' }),
      enabled: t.arg.boolean({ required: false, description: 'Disable (false) or enable (true).' }),
    },
    resolve: (_root, args, ctx) => webhooksOf(ctx).updateEndpoint(ctx.principal.companyId, String(args.id), {
      ...(args.url != null && { url: args.url }),
      ...(args.eventTypes !== undefined && { eventTypes: args.eventTypes }),
      ...(args.enabled != null && { enabled: args.enabled }),
    }),
  }),
);

builder.mutationField('rotateWebhookSecret', (t) =>
  t.withAuth(iamManage).field({
    type: CreatedWebhookEndpointRef,
    description: 'Replaces the signing secret; the old one keeps signing beside the new one for 24 hours, so receivers can switch without losing a message. Needs iam:manage.',
    args: { id: t.arg.id({ required: true, description: 'The endpoint.' }) },
    resolve: (_root, args, ctx) => webhooksOf(ctx).rotateSecret(ctx.principal.companyId, String(args.id)),
  }),
);

builder.mutationField('deleteWebhookEndpoint', (t) =>
  t.withAuth(iamManage).field({
    type: 'Boolean',
    description: 'Deletes an endpoint and its delivery history. Needs iam:manage.',
    args: { id: t.arg.id({ required: true, description: 'The endpoint.' }) },
    resolve: (_root, args, ctx) => webhooksOf(ctx).deleteEndpoint(ctx.principal.companyId, String(args.id)),
  }),
);

builder.mutationField('redeliverWebhookEvent', (t) =>
  t.withAuth(iamManage).field({
    type: WebhookDeliveryRef,
    description: 'Sends a stored event to the endpoint again (same webhook-id and body, signed at the time of sending), beside its ordered stream. Needs iam:manage.',
    args: {
      endpointId: t.arg.id({ required: true, description: 'The endpoint.' }),
      eventId: t.arg.id({ required: true, description: 'The event\'s id, or a test event\'s test_… id (its first body is sent again).' }),
    },
    resolve: (_root, args, ctx) => webhooksOf(ctx).redeliver(ctx.principal.companyId, String(args.endpointId), String(args.eventId)),
  }),
);

builder.mutationField('sendTestWebhookEvent', (t) =>
  t.withAuth(iamManage).field({
    type: WebhookDeliveryRef,
    description: 'Sends a signed "webhook.test" event to the endpoint through the normal delivery path (retried like any delivery, recorded in webhookDeliveries with a test_… eventId). Needs iam:manage.',
    args: { endpointId: t.arg.id({ required: true, description: 'The endpoint.' }) },
    resolve: (_root, args, ctx) => webhooksOf(ctx).sendTest(ctx.principal.companyId, String(args.endpointId)),
  }),
);
