import { builder } from '../../graphql/builder.js';
import { PageInfoRef } from '../../graphql/connection.js';
import { encodeKeyCursor, keyPageRequest, toPage, type Page } from '../../domain/paging.js';
import { BulkDeleteJobRef } from '../bulk-delete/bulk-delete.graphql.js';
import type { DEPROVISIONING_POLICIES } from '../companies/company.entity.js';
import { UUID } from '../directory/directory-preconditions.js';
import { principalSource } from '../events/event-source.js';
import type { DeletedUserRow, RestoredUsers } from './deleted-users.store.js';
import { MAX_RESTORE_IDS, type DeprovisioningPolicyView } from './deprovisioning.service.js';

const iamRead = { permission: 'iam:read' } as const;
// The Delete All Users dialog (users:delete) says which policy applies, as the overview does.
const readPolicy = { anyPermission: ['iam:read', 'iam:manage', 'users:delete'] } as const;
const restoreOne = { anyPermission: ['iam:manage', 'users:delete'] } as const;

const CURSOR_KEY = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)\|([0-9a-f-]{36})$/;
const cursorOf = (row: DeletedUserRow) => encodeKeyCursor(`${row.deletedAtKey}|${row.id}`);

const PolicyEnum = builder.enumType('DeprovisioningPolicyKind', {
  description: 'What a SCIM DELETE of a user, and Delete All Users, does.',
  values: {
    HARD_DELETE: { description: 'The user is deleted for good; it cannot be undone.' },
    SOFT_DELETE: { description: 'The user leaves SCIM at once (404, its userName free) but can be restored until the retention ends.' },
  } as const satisfies Record<(typeof DEPROVISIONING_POLICIES)[number], object>,
});

const PolicyRef = builder.objectRef<DeprovisioningPolicyView>('DeprovisioningPolicy').implement({
  description: 'The company\'s deprovisioning policy. Companies created before it existed keep HARD_DELETE; new ones start with SOFT_DELETE.',
  fields: (t) => ({
    policy: t.field({ type: PolicyEnum, description: 'HARD_DELETE or SOFT_DELETE.', authScopes: readPolicy, resolve: (p) => p.policy }),
    retentionDays: t.exposeInt('retentionDays', {
      description: 'Days a soft-deleted user stays restorable before the background purge deletes it for good (1–365).',
      authScopes: readPolicy,
    }),
  }),
});

const DeletedUserRef = builder.objectRef<DeletedUserRow>('DeletedUser').implement({
  description: 'A soft-deleted user: gone from SCIM, restorable with its id and memberships until restorableUntil.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The user\'s SCIM id, which a restore keeps.', authScopes: iamRead }),
    userName: t.exposeString('userName', { description: 'userName when it was deleted.', authScopes: iamRead }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'displayName when it was deleted.', authScopes: iamRead }),
    externalId: t.exposeString('externalId', { nullable: true, description: 'The IdP\'s id for the user.', authScopes: iamRead }),
    deletedAt: t.field({ type: 'DateTime', description: 'When it was deleted.', authScopes: iamRead, resolve: (u) => u.deletedAt }),
    restorableUntil: t.field({
      type: 'DateTime', description: 'When the purge deletes it for good (deletedAt + the retention).', authScopes: iamRead, resolve: (u) => u.restorableUntil,
    }),
    bulkDeleteJobId: t.exposeID('bulkDeleteJobId', {
      nullable: true, description: 'The Delete All Users run that deleted it; null for a SCIM DELETE.', authScopes: iamRead,
    }),
  }),
});

const DeletedUserConnectionRef = builder.objectRef<Page<DeletedUserRow>>('DeletedUserConnection').implement({
  description: 'A page of soft-deleted users, most recently deleted first.',
  fields: (t) => ({
    nodes: t.field({ type: [DeletedUserRef], description: 'Users on this page.', authScopes: iamRead, resolve: (p) => p.nodes }),
    pageInfo: t.field({ type: PageInfoRef, description: 'Paging.', authScopes: iamRead, resolve: (p) => p.pageInfo }),
  }),
});

const RestoredUsersRef = builder.objectRef<RestoredUsers>('RestoredUsers').implement({
  description: 'What restoreUsers did. Ids that are not the company\'s deleted users are in neither list.',
  fields: (t) => ({
    restoredIds: t.idList({ description: 'Users back in the directory, with their memberships.', authScopes: restoreOne, resolve: (r) => r.restored }),
    userNameTakenIds: t.idList({
      description: 'Users left deleted because another user has their userName now.', authScopes: restoreOne, resolve: (r) => r.userNameTaken,
    }),
  }),
});

builder.objectFields(BulkDeleteJobRef, (t) => ({
  kind: t.string({ description: 'DELETE (Delete All Users) or RESTORE (puts a run back; deleted counts the users restored).', authScopes: { authenticated: true }, resolve: (j) => j.kind }),
  restorable: t.exposeBoolean('restorable', {
    description: 'A DELETE run under SOFT_DELETE: restoreBulkDelete can put its users back.', authScopes: { authenticated: true },
  }),
  restoresJobId: t.exposeID('restoresJobId', { nullable: true, description: 'For a RESTORE: the run it restores.', authScopes: { authenticated: true } }),
}));

builder.queryFields((t) => ({
  deprovisioningPolicy: t.withAuth(readPolicy).field({
    type: PolicyRef,
    description: 'What deleting a user does in this company. Needs iam:read, iam:manage or users:delete.',
    resolve: (_root, _args, ctx) => ctx.services.deprovisioning.policy(ctx.principal.companyId),
  }),
  deletedUsers: t.withAuth(iamRead).field({
    type: DeletedUserConnectionRef,
    description: 'Soft-deleted users still restorable, most recently deleted first. Needs iam:read.',
    args: {
      first: t.arg.int({ required: false, description: 'Page size, 1–100 (default 20).' }),
      after: t.arg.string({ required: false, description: 'endCursor of the previous page.' }),
      search: t.arg.string({ required: false, description: 'Part of the userName, displayName or externalId (case-insensitive).' }),
    },
    resolve: async (_root, args, ctx) => {
      const { first, afterKey } = keyPageRequest(args.first, args.after, (key: string) => CURSOR_KEY.test(key) && UUID.test(key.slice(-36)));
      const match = afterKey ? CURSOR_KEY.exec(afterKey) : null;
      const rows = await ctx.services.deprovisioning.deletedUsers(ctx.principal.companyId, {
        limit: first + 1, after: match ? { deletedAt: match[1]!, id: match[2]! } : null, search: args.search?.trim() || null,
      });
      return toPage(rows, first, cursorOf);
    },
  }),
  lastBulkDeleteRun: t.withAuth(iamRead).field({
    type: BulkDeleteJobRef,
    nullable: true,
    description: 'The company\'s latest Delete All Users run (not a restore), if any.',
    resolve: (_root, _args, ctx) => ctx.services.bulkDelete.findLastRun(ctx.principal.companyId),
  }),
}));

builder.mutationFields((t) => ({
  updateDeprovisioningPolicy: t.withAuth({ permission: 'iam:manage' }).field({
    type: PolicyRef,
    description: 'Sets the policy and the retention (audited). Users deleted before keep their restore window.',
    args: {
      policy: t.arg({ type: PolicyEnum, required: true, description: 'HARD_DELETE or SOFT_DELETE.' }),
      retentionDays: t.arg.int({ required: false, description: 'Days a soft-deleted user stays restorable (1–365); unchanged when omitted.' }),
    },
    resolve: async (_root, args, ctx) => {
      const current = await ctx.services.deprovisioning.policy(ctx.principal.companyId);
      return ctx.services.deprovisioning.updatePolicy(
        ctx.principal.companyId, { policy: args.policy, retentionDays: args.retentionDays ?? current.retentionDays }, ctx.principal.name,
        principalSource(ctx.principal),
      );
    },
  }),
  restoreUsers: t.withAuth(restoreOne).field({
    type: RestoredUsersRef,
    description: `Restores soft-deleted users (at most ${MAX_RESTORE_IDS}) with their ids and memberships (audited). Needs iam:manage or users:delete.`,
    args: { ids: t.arg.idList({ required: true, description: 'DeletedUser ids.' }) },
    resolve: (_root, args, ctx) => ctx.services.deprovisioning.restoreUsers(ctx.principal.companyId, args.ids.map(String), ctx.principal.name),
  }),
  restoreBulkDelete: t.withAuth({ permission: 'users:delete' }).field({
    type: BulkDeleteJobRef,
    description: 'Puts back the users a restorable Delete All Users run deleted, as a RESTORE job; follow it with bulkDeleteProgress.',
    args: { jobId: t.arg.id({ required: true, description: 'The Delete All Users run (lastBulkDeleteRun.id).' }) },
    resolve: (_root, args, ctx) => ctx.services.deprovisioning.restoreRun(ctx.principal.companyId, String(args.jobId), ctx.principal),
  }),
}));
