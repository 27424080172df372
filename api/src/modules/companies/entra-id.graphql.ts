import { builder } from '../../graphql/builder.js';
import { ScimConfigRef } from './scim-config.graphql.js';

builder.mutationField('disableEntraId', (t) =>
  t.withAuth({ permission: 'iam:manage' }).field({
    type: ScimConfigRef,
    description:
      'Switches the company\'s native Microsoft Entra ID integration off, as `company entra <slug> off` does, so SCIM can be activated. Idempotent. Needs iam:manage; recorded in the audit trail.',
    resolve: async (_root, _args, ctx) => {
      const company = await ctx.services.companies.setEntraId(ctx.principal.companyId, false, ctx.principal.name);
      return ctx.services.companies.scimConfig(company);
    },
  }),
);
