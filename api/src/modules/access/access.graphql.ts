import { builder } from '../../graphql/builder.js';
import { PERMISSIONS, type Permission } from './permissions.js';
import type { Principal } from './principal.js';

const PermissionEnum = builder.enumType('Permission', {
  description: 'What a principal may do: IAM_READ (iam:read), IAM_MANAGE (iam:manage), USERS_DELETE (users:delete).',
  values: Object.fromEntries(
    PERMISSIONS.map((permission) => [permission.replace(':', '_').toUpperCase(), { value: permission }]),
  ) as Record<string, { value: Permission }>,
});

export const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'The signed-in operator or the API token making the request.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Operator or API token id.', authScopes: { authenticated: true } }),
    email: t.exposeString('name', {
      description: 'The operator\'s email (for an API token, its label).',
      authScopes: { authenticated: true },
    }),
    permissions: t.field({
      type: [PermissionEnum],
      description: 'The permissions granted to this principal.',
      authScopes: { authenticated: true },
      resolve: (viewer) => [...viewer.permissions],
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Who is calling; null when nobody is signed in.',
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => ctx.principal,
  }),
);
