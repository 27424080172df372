import { builder } from '../../graphql/builder.js';
import type { ScimStatus } from './company.entity.js';
import type { ScimConfigView } from './company.service.js';
import { principalSource } from '../events/event-source.js';

const ScimAvailabilityEnum = builder.enumType('ScimAvailability', {
  description: 'Whether SCIM can be used by this company at all.',
  values: {
    AVAILABLE: { description: 'SCIM can be used; the endpoints are shown.' },
    PLATFORM_DISABLED: { description: 'Switched off for the whole deployment (SCIM_ENABLED=false).' },
    ENTRA_ID_CONFLICT: { description: 'The company uses the native Entra ID integration; turn it off to use SCIM.' },
  } as const,
});

const ScimStatusEnum = builder.enumType('ScimStatus', {
  description: 'ACTIVE accepts inbound SCIM requests; INACTIVE refuses them (403) and changes no data.',
  values: {
    ACTIVE: { description: 'Inbound SCIM requests are accepted.' },
    INACTIVE: { description: 'Inbound SCIM requests are refused with a SCIM error (403); data is kept.' },
  } as const satisfies Record<ScimStatus, object>,
});

const iamRead = { permission: 'iam:read' } as const;
/** A ScimConfig is reached by reading it (iam:read) or by changing it (iam:manage); both may read the result. */
export const readOrManage = { anyPermission: ['iam:read', 'iam:manage'] } as const;

export const ScimConfigRef = builder.objectRef<ScimConfigView>('ScimConfig').implement({
  description: 'The SCIM set-up of the caller\'s company, as the SCIM Overview screen shows it.',
  fields: (t) => ({
    availability: t.field({
      type: ScimAvailabilityEnum,
      description: 'Which state the overview is in; URLs are null unless AVAILABLE.',
      authScopes: readOrManage,
      resolve: (config) => config.availability,
    }),
    status: t.field({
      type: ScimStatusEnum,
      description: 'Whether inbound SCIM requests are accepted.',
      authScopes: readOrManage,
      resolve: (config) => config.status,
    }),
    baseUrl: t.exposeString('baseUrl', {
      nullable: true,
      description: 'SCIM base URL to enter in the IdP, e.g. https://example.com/pp/scim/v2/acme; null unless AVAILABLE.',
      authScopes: readOrManage,
    }),
    usersEndpoint: t.exposeString('usersEndpoint', {
      nullable: true,
      description: 'baseUrl + /Users; null unless AVAILABLE.',
      authScopes: readOrManage,
    }),
    groupsEndpoint: t.exposeString('groupsEndpoint', {
      nullable: true,
      description: 'baseUrl + /Groups; null unless AVAILABLE.',
      authScopes: readOrManage,
    }),
    viewerCanManage: t.boolean({
      description: 'True when the caller holds iam:manage (activate, deactivate, SCIM tokens). Decided by the server so the console need not know the rules.',
      authScopes: readOrManage,
      resolve: (_config, _args, ctx) => ctx.principal?.permissions.includes('iam:manage') ?? false,
    }),
    viewerCanDeleteAllScimUsers: t.boolean({
      description: 'True when the caller holds users:delete (Delete All Users).',
      authScopes: readOrManage,
      resolve: (_config, _args, ctx) => ctx.principal?.permissions.includes('users:delete') ?? false,
    }),
  }),
});

builder.queryField('scimConfig', (t) =>
  t.withAuth(iamRead).field({
    type: ScimConfigRef,
    nullable: true,
    description: 'The SCIM set-up of the caller\'s company. Needs iam:read (null with a FORBIDDEN error otherwise, so the rest of the query still resolves).',
    resolve: async (_root, _args, ctx) =>
      ctx.services.companies.scimConfig(await ctx.services.companies.getCompany(ctx.principal.companyId)),
  }),
);

builder.mutationField('activateScim', (t) =>
  t.withAuth({ permission: 'iam:manage' }).field({
    type: ScimConfigRef,
    description:
      'Accept inbound SCIM requests again (data is intact). Idempotent. Refused with CONFLICT while SCIM is off for the deployment or Entra ID is active. Needs iam:manage; recorded in the audit trail.',
    resolve: (_root, _args, ctx) => ctx.services.companies.activateScim(ctx.principal.companyId, ctx.principal.name, principalSource(ctx.principal)),
  }),
);

builder.mutationField('deactivateScim', (t) =>
  t.withAuth({ permission: 'iam:manage' }).field({
    type: ScimConfigRef,
    description:
      'Refuse inbound SCIM requests (the IdP gets a SCIM error); deletes nothing. Idempotent. Needs iam:manage; recorded in the audit trail.',
    resolve: (_root, _args, ctx) => ctx.services.companies.deactivateScim(ctx.principal.companyId, ctx.principal.name, principalSource(ctx.principal)),
  }),
);
