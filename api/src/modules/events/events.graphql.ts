import { DomainError } from '../../domain/domain-error.js';
import { builder } from '../../graphql/builder.js';
import type { Page } from '../../domain/paging.js';
import { PageInfoRef } from '../../graphql/connection.js';
import { DIRECTORY_EVENT_TYPES, enumNameOf, type DirectoryEventType } from './event-catalogue.js';
import { parseCursor, START, toEventView, type DirectoryEventView } from './event-store.js';
import { streamDirectoryEvents } from './event-stream.js';

const iamRead = { permission: 'iam:read' } as const;

export const DirectoryEventTypeEnum = builder.enumType('DirectoryEventType', {
  description: 'What happened in the directory or to its safeguards (the mass-deprovisioning guard, SCIM tokens, the deprovisioning policy). The value\'s wire name (in webhook payloads) is lower case with a dot, e.g. USER_CREATED is "user.created", SCIM_TOKEN_ROTATED is "scim_token.rotated".',
  values: Object.fromEntries(DIRECTORY_EVENT_TYPES.map((type) => [enumNameOf(type), { value: type, description: `"${type}"` }])) as
    Record<string, { value: DirectoryEventType; description: string }>,
});

export const DirectoryEventRef = builder.objectRef<DirectoryEventView>('DirectoryEvent').implement({
  description: 'One change of the directory, written in the same transaction as the change.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The event\'s cursor: orders the events of a company (pass to events(after:)); also the webhook-id of its deliveries.', authScopes: iamRead }),
    type: t.field({ type: DirectoryEventTypeEnum, description: 'What happened.', authScopes: iamRead, resolve: (e) => e.type }),
    occurredAt: t.field({ type: 'DateTime', description: 'When the change committed (its transaction\'s time).', authScopes: iamRead, resolve: (e) => e.occurredAt }),
    resourceType: t.exposeString('resourceType', { description: 'User, Group, Company (scim.*), BulkDeleteJob (bulk_delete.*), DeprovisioningGuard (deprovisioning_guard.*; its id is the company\'s), ScimToken (scim_token.*) or DeprovisioningPolicy (deprovisioning_policy.*; its id is the company\'s).', authScopes: iamRead }),
    resourceId: t.exposeID('resourceId', { description: 'The id of the resource concerned.', authScopes: iamRead }),
    resourceVersion: t.exposeString('resourceVersion', { description: 'Grows with every event of the same resource, so a receiver can drop a stale retry (a decimal integer, up to 2^63).', authScopes: iamRead }),
    data: t.field({ type: 'JSON', description: 'The resource as SCIM returns it after the change (users without groups, groups without members); for deletions id, userName or displayName, and externalId; for member events the group and the member; for the guard its state, counts and settings; for a SCIM token its id, label and dates (never its secret); for the policy the policy and its retention.', authScopes: iamRead, resolve: (e) => e.data }),
    source: t.exposeString('source', { nullable: true, description: 'Who caused it: "scim_token:<id>" (a SCIM request, also the one that tripped the guard), "operator:<email>" or "api_token:<id>" (activation, deactivation, Delete All Users and its restore, the guard\'s release and settings, SCIM tokens, the policy: by whoever asked for it), "cli" (the roster CLI), "system" (a token\'s expiry), or null when not known.', authScopes: iamRead }),
  }),
});

const DirectoryEventEdgeRef = builder.objectRef<DirectoryEventView>('DirectoryEventEdge').implement({
  description: 'An event and its cursor.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as after: to continue after this event.', authScopes: iamRead, resolve: (e) => e.id }),
    node: t.field({ type: DirectoryEventRef, description: 'The event.', authScopes: iamRead, resolve: (e) => e }),
  }),
});

const DirectoryEventConnectionRef = builder.objectRef<Page<DirectoryEventView>>('DirectoryEventConnection').implement({
  description: 'Events in the order they happened, oldest first.',
  fields: (t) => ({
    edges: t.field({ type: [DirectoryEventEdgeRef], description: 'Events on this page.', authScopes: iamRead, resolve: (p) => p.nodes }),
    pageInfo: t.field({ type: PageInfoRef, description: 'Paging; endCursor is where to continue, also once hasNextPage is false (new events arrive after it).', authScopes: iamRead, resolve: (p) => p.pageInfo }),
  }),
});

function position(after: string | null | undefined) {
  if (!after) return START;
  const parsed = parseCursor(after);
  if (!parsed) throw new DomainError('INVALID_INPUT', 'Invalid cursor; pass an event id or endCursor you received');
  return parsed;
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new DomainError('INVALID_INPUT', 'first must be between 1 and 1000');
  return size;
}

builder.queryField('events', (t) =>
  t.withAuth(iamRead).field({
    type: DirectoryEventConnectionRef,
    nullable: true,
    description: 'The company\'s directory events after a cursor, oldest first, kept for EVENT_RETENTION_DAYS. An event appears once its transaction and every one before it have ended, so a cursor never skips one. Needs iam:read.',
    args: {
      after: t.arg.string({ required: false, description: 'An event id or endCursor; omitted: from the oldest event kept.' }),
      first: t.arg.int({ required: false, description: 'Page size, 1–1000 (default 100).' }),
      types: t.arg({ type: [DirectoryEventTypeEnum], required: false, description: 'Only these types (default: all).' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const from = position(args.after);
      const rows = await ctx.services.directoryEvents.list(ctx.principal.companyId, from, first + 1, args.types ?? undefined);
      const nodes = rows.slice(0, first).map((row) => toEventView(row, ctx.config.publicUrl));
      return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.at(-1)?.id ?? args.after ?? null } };
    },
  }),
);

builder.subscriptionField('directoryEvents', (t) =>
  t.withAuth(iamRead).field({
    type: DirectoryEventRef,
    description: 'The company\'s directory events as they commit, from any replica, starting now. Needs iam:read.',
    args: { types: t.arg({ type: [DirectoryEventTypeEnum], required: false, description: 'Only these types (default: all).' }) },
    subscribe: (_root, args, ctx) => streamDirectoryEvents(
      { events: ctx.events, store: ctx.services.directoryEvents, pollMs: ctx.config.events.pollMs },
      ctx.principal.companyId, args.types ?? undefined,
    ),
    resolve: (row, _args, ctx) => toEventView(row, ctx.config.publicUrl),
  }),
);
