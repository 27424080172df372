import { builder } from '../../graphql/builder.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { CompanyRef } from '../companies/company.graphql.js';
import { PERMISSIONS, type Permission } from './permissions.js';
import type { Principal } from './principal.js';

const PermissionEnum = builder.enumType('Permission', {
  description: 'What a principal may do: IAM_READ (iam:read), IAM_MANAGE (iam:manage), USERS_DELETE (users:delete).',
  values: Object.fromEntries(
    PERMISSIONS.map((permission) => [permission.replace(':', '_').toUpperCase(), { value: permission }]),
  ) as Record<string, { value: Permission }>,
});

const ViewerKindEnum = builder.enumType('ViewerKind', {
  description: 'How the caller authenticated.',
  values: {
    OPERATOR: { description: 'A console operator with a session cookie.', value: 'operator' },
    API_TOKEN: { description: 'An integrator with Authorization: Bearer <API token>.', value: 'apiToken' },
  } as const,
});

/**
 * A viewer is readable only by the principal it describes. A function rule is evaluated per
 * object (not cached per request), so the viewer returned by `signIn` is readable at once.
 */
function self(viewer: Principal, _args: object, ctx: GraphqlContext): boolean {
  return ctx.principal?.id === viewer.id;
}

export const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'The signed-in operator or the API token making the request.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Operator or API token id.', authScopes: self }),
    email: t.exposeString('name', {
      description: 'The operator\'s email (for an API token, its label).',
      authScopes: self,
    }),
    kind: t.field({
      type: ViewerKindEnum,
      description: 'Operator (console session) or API token.',
      authScopes: self,
      resolve: (viewer) => viewer.kind,
    }),
    company: t.field({
      type: CompanyRef,
      description: 'The company the caller belongs to; every other field acts on this company only.',
      authScopes: self,
      resolve: (viewer, _args, ctx) => ctx.services.companies.getCompany(viewer.companyId),
    }),
    permissions: t.field({
      type: [PermissionEnum],
      description: 'The permissions granted to this principal.',
      authScopes: self,
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
