import type { ArgBuilder, ObjectRef } from '@pothos/core';
import { builder } from '../../graphql/builder.js';
import { PageInfoRef } from '../../graphql/connection.js';
import { keyPageRequest, type Page } from '../../domain/paging.js';
import type { DirectoryEmail, DirectoryGroupView, DirectoryMemberView, DirectoryUserView } from './directory-view.service.js';
import { isUuid } from '../../scim/filter/sql-leaf.js';

const iamRead = { permission: 'iam:read' } as const;
const anyKey = () => true;

const SourceRef = builder.enumType('DirectorySource', {
  description: 'Where a directory entry came from.',
  values: {
    SCIM: { description: 'Provisioned by an IdP over SCIM.' },
    MANUAL: { description: 'Created by hand, outside SCIM.' },
  },
});

const MemberTypeRef = builder.enumType('DirectoryMemberType', {
  description: 'What a group member is.',
  values: { USER: { description: 'A user.' }, GROUP: { description: 'A nested group.' } },
});

const NameRef = builder.objectRef<NonNullable<DirectoryUserView['name']>>('DirectoryUserName').implement({
  description: 'The SCIM name of a user.',
  fields: (t) => ({
    formatted: t.exposeString('formatted', { nullable: true, description: 'The full name as the IdP formats it.', authScopes: iamRead }),
    givenName: t.exposeString('givenName', { nullable: true, description: 'Given (first) name.', authScopes: iamRead }),
    familyName: t.exposeString('familyName', { nullable: true, description: 'Family (last) name.', authScopes: iamRead }),
  }),
});

const EmailRef = builder.objectRef<DirectoryEmail>('DirectoryEmail').implement({
  description: 'One of a user\'s SCIM emails.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The address.', authScopes: iamRead }),
    type: t.exposeString('type', { nullable: true, description: 'work, home, other, or what the IdP sent.', authScopes: iamRead }),
    primary: t.exposeBoolean('primary', { description: 'True for the primary address.', authScopes: iamRead }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer S> ? S : never;

/** Edges and pageInfo over a page whose nodes carry their cursor. */
function connectionOf<T extends { cursor: string }>(name: string, what: string, nodeRef: ObjectRef<Types, T>) {
  const Edge = builder.objectRef<T>(`${name}Edge`).implement({
    description: `${what} and its cursor.`,
    fields: (t) => ({
      cursor: t.string({ description: 'Pass as after: to continue after this entry.', authScopes: iamRead, resolve: (e) => e.cursor }),
      // A generic T defeats Pothos' resolver-result typing; the node is the edge's own value.
      node: t.field({ type: nodeRef, description: `The ${what.toLowerCase()}.`, authScopes: iamRead, resolve: (e) => e as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    description: `A page of ${what.toLowerCase()}s in a stable order; page on with after: endCursor.`,
    fields: (t) => ({
      edges: t.field({ type: [Edge], description: 'Entries on this page.', authScopes: iamRead, resolve: (p) => p.nodes }),
      pageInfo: t.field({ type: PageInfoRef, description: 'Paging.', authScopes: iamRead, resolve: (p) => p.pageInfo }),
    }),
  });
}

const pageArgs = (arg: ArgBuilder<Types>) => ({
  first: arg.int({ required: false, description: 'Page size, 1–100 (default 20).' }),
  after: arg.string({ required: false, description: 'endCursor of the previous page.' }),
});
const SEARCH = 'Case-insensitive substring';
const FILTER = 'A SCIM filter expression (RFC 7644 §3.4.2.2), as the SCIM API takes it, e.g. emails[type eq "work" and value co "@example.com"]. A bad one is BAD_USER_INPUT with the parser\'s message.';

const MemberRef = builder.objectRef<DirectoryMemberView>('DirectoryMember').implement({
  description: 'A member of a group.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'SCIM id of the user or group.', authScopes: iamRead }),
    type: t.field({ type: MemberTypeRef, description: 'USER or GROUP.', authScopes: iamRead, resolve: (m) => m.type }),
    display: t.exposeString('display', { nullable: true, description: 'The member\'s displayName (a user without one: its userName).', authScopes: iamRead }),
  }),
});
const MemberConnectionRef = connectionOf('DirectoryMember', 'Group member', MemberRef);

type Entry = DirectoryUserView | DirectoryGroupView;

/** What users and groups share: identity, origin and times. */
const EntryRef = builder.interfaceRef<Entry>('DirectoryEntry').implement({
  description: 'A user or group of the company\'s directory.',
  resolveType: (entry) => ('userName' in entry ? 'DirectoryUser' : 'DirectoryGroup'),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The SCIM id.', authScopes: iamRead }),
    externalId: t.exposeString('externalId', { nullable: true, description: 'The IdP\'s own id for the entry.', authScopes: iamRead }),
    source: t.field({ type: SourceRef, description: 'SCIM or MANUAL.', authScopes: iamRead, resolve: (e) => e.source }),
    createdByToken: t.exposeString('createdByToken', {
      nullable: true,
      description: 'Label of the SCIM token that created the entry; null when unknown (created before tokens were recorded, manually, or the token was deleted).',
      authScopes: iamRead,
    }),
    updatedByToken: t.exposeString('updatedByToken', { nullable: true, description: 'Label of the SCIM token that last changed the entry; null when unknown.', authScopes: iamRead }),
    created: t.field({ type: 'DateTime', description: 'meta.created.', authScopes: iamRead, resolve: (e) => e.createdAt }),
    lastModified: t.field({ type: 'DateTime', description: 'meta.lastModified.', authScopes: iamRead, resolve: (e) => e.updatedAt }),
  }),
});

const GroupRef = builder.objectRef<DirectoryGroupView>('DirectoryGroup').implement({
  description: 'A group of the company\'s directory.',
  interfaces: [EntryRef],
  fields: (t) => ({
    displayName: t.exposeString('displayName', { description: 'The SCIM displayName.', authScopes: iamRead }),
    memberCount: t.exposeInt('memberCount', { description: 'Direct members (users and groups).', authScopes: iamRead }),
    members: t.withAuth(iamRead).field({
      type: MemberConnectionRef,
      description: 'Direct members, by id, one page at a time (thousands are never loaded at once).',
      args: pageArgs(t.arg),
      resolve: (g, args, ctx) =>
        ctx.services.directoryView.listMembers(ctx.principal.companyId, g.id, keyPageRequest(args.first, args.after, isUuid)),
    }),
    scimResource: t.withAuth(iamRead).field({
      type: 'JSON',
      description: 'The group exactly as GET /Groups/{id} of the SCIM API answers it, members included.',
      resolve: (g, _args, ctx) => ctx.services.directoryView.groupResourceOf(ctx.principal.companyId, ctx.principal.companySlug, g.id),
    }),
  }),
});
const GroupConnectionRef = connectionOf('DirectoryGroup', 'Group', GroupRef);

const UserRef = builder.objectRef<DirectoryUserView>('DirectoryUser').implement({
  description: 'A user of the company\'s directory, SCIM-provisioned or manual.',
  interfaces: [EntryRef],
  fields: (t) => ({
    userName: t.exposeString('userName', { description: 'The SCIM userName (unique per company, case-insensitively).', authScopes: iamRead }),
    name: t.field({ type: NameRef, nullable: true, description: 'The SCIM name; null when none was sent.', authScopes: iamRead, resolve: (u) => u.name }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'The SCIM displayName.', authScopes: iamRead }),
    emails: t.field({ type: [EmailRef], description: 'The SCIM emails.', authScopes: iamRead, resolve: (u) => u.emails }),
    active: t.exposeBoolean('active', { nullable: true, description: 'SCIM active; null when unassigned (a PATCH removed it), which counts as not active.', authScopes: iamRead }),
    groups: t.withAuth(iamRead).field({
      type: GroupConnectionRef,
      description: 'The groups the user is a direct member of, by group id.',
      args: pageArgs(t.arg),
      resolve: (u, args, ctx) =>
        ctx.services.directoryView.listGroupsOf(ctx.principal.companyId, u.id, keyPageRequest(args.first, args.after, isUuid)),
    }),
    scimResource: t.withAuth(iamRead).field({
      type: 'JSON',
      description: 'The user exactly as GET /Users/{id} of the SCIM API answers it.',
      resolve: (u, _args, ctx) => ctx.services.directoryView.userResourceOf(ctx.principal.companyId, ctx.principal.companySlug, u.id),
    }),
  }),
});
const UserConnectionRef = connectionOf('DirectoryUser', 'User', UserRef);

builder.queryField('directoryUsers', (t) =>
  t.withAuth(iamRead).field({
    type: UserConnectionRef,
    nullable: true,
    description: 'The company\'s users ordered by userName (case-insensitively). Needs iam:read (null with a FORBIDDEN error otherwise).',
    args: {
      search: t.arg.string({ required: false, description: `${SEARCH} of userName, displayName, an email or externalId.` }),
      filter: t.arg.string({ required: false, description: FILTER }),
      active: t.arg.boolean({ required: false, description: 'true: active users only; false: suspended and unassigned ones.' }),
      ...pageArgs(t.arg),
    },
    resolve: (_root, { first, after, ...criteria }, ctx) =>
      ctx.services.directoryView.listUsers(ctx.principal.companyId, criteria, keyPageRequest(first, after, anyKey)),
  }),
);

builder.queryField('directoryUser', (t) =>
  t.withAuth(iamRead).field({
    type: UserRef,
    nullable: true,
    description: 'One user by SCIM id; null when the company has none with that id. Needs iam:read.',
    args: { id: t.arg.id({ required: true, description: 'The SCIM id.' }) },
    resolve: (_root, args, ctx) => ctx.services.directoryView.findUser(ctx.principal.companyId, String(args.id)),
  }),
);

builder.queryField('directoryGroups', (t) =>
  t.withAuth(iamRead).field({
    type: GroupConnectionRef,
    nullable: true,
    description: 'The company\'s groups ordered by displayName (case-insensitively). Needs iam:read (null with a FORBIDDEN error otherwise).',
    args: {
      search: t.arg.string({ required: false, description: `${SEARCH} of displayName or externalId.` }),
      filter: t.arg.string({ required: false, description: FILTER }),
      ...pageArgs(t.arg),
    },
    resolve: (_root, { first, after, ...criteria }, ctx) =>
      ctx.services.directoryView.listGroups(ctx.principal.companyId, criteria, keyPageRequest(first, after, anyKey)),
  }),
);

builder.queryField('directoryGroup', (t) =>
  t.withAuth(iamRead).field({
    type: GroupRef,
    nullable: true,
    description: 'One group by SCIM id; null when the company has none with that id. Needs iam:read.',
    args: { id: t.arg.id({ required: true, description: 'The SCIM id.' }) },
    resolve: (_root, args, ctx) => ctx.services.directoryView.findGroup(ctx.principal.companyId, String(args.id)),
  }),
);
