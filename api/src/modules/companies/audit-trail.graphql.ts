import { builder } from '../../graphql/builder.js';
import { PageInfoRef } from '../../graphql/connection.js';
import { pageRequest, encodeCursor, type Page } from '../../domain/paging.js';
import type { AuditEntry } from './audit-entry.entity.js';

const iamRead = { permission: 'iam:read' } as const;

const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'One change to the company\'s SCIM set-up: who, what, when.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Entry id.', authScopes: iamRead }),
    occurredAt: t.field({ type: 'DateTime', description: 'When.', authScopes: iamRead, resolve: (e) => e.occurredAt }),
    actor: t.exposeString('actor', {
      description: 'Who: an operator\'s email, an API token\'s label, or "cli".',
      authScopes: iamRead,
    }),
    action: t.exposeString('action', {
      description: 'What, e.g. scim.activated, scim.deactivated, scim-token.created, scim-token.revoked, scim.rate-limit-changed.',
      authScopes: iamRead,
    }),
    detail: t.string({
      description: 'Details of the action as JSON object text, e.g. {"label":"Okta"}.',
      authScopes: iamRead,
      resolve: (e) => JSON.stringify(e.detail ?? {}),
    }),
  }),
});

const AuditEntryEdgeRef = builder.objectRef<AuditEntry>('AuditEntryEdge').implement({
  description: 'An audit entry and its cursor.',
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as after: to continue.', authScopes: iamRead, resolve: (e) => encodeCursor(e.id) }),
    node: t.field({ type: AuditEntryRef, description: 'The entry.', authScopes: iamRead, resolve: (e) => e }),
  }),
});

const AuditEntryConnectionRef = builder.objectRef<Page<AuditEntry>>('AuditEntryConnection').implement({
  description: 'A page of the admin audit trail, newest first.',
  fields: (t) => ({
    edges: t.field({ type: [AuditEntryEdgeRef], description: 'Entries on this page.', authScopes: iamRead, resolve: (p) => p.nodes }),
    pageInfo: t.field({ type: PageInfoRef, description: 'Paging.', authScopes: iamRead, resolve: (p) => p.pageInfo }),
  }),
});

builder.queryField('auditTrail', (t) =>
  t.withAuth(iamRead).field({
    type: AuditEntryConnectionRef,
    nullable: true,
    description: 'Who changed the company\'s SCIM set-up and when (activation, tokens, deletions), newest first. Needs iam:read (null with a FORBIDDEN error otherwise).',
    args: {
      first: t.arg.int({ required: false, description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string({ required: false, description: 'endCursor of the previous page.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.services.auditTrail.listAudit(ctx.principal.companyId, pageRequest(args.first, args.after)),
  }),
);
