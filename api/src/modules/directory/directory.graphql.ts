import { builder } from '../../graphql/builder.js';
import type { ScimCounts } from './directory-counts.js';

const iamRead = { permission: 'iam:read' } as const;

const ScimCountsRef = builder.objectRef<ScimCounts>('ScimCounts').implement({
  description: 'How many users and groups the company\'s IdPs have provisioned over SCIM.',
  fields: (t) => ({
    users: t.exposeInt('users', { description: 'SCIM-provisioned users (manually created accounts excluded).', authScopes: iamRead }),
    groups: t.exposeInt('groups', { description: 'SCIM-synchronised groups.', authScopes: iamRead }),
  }),
});

builder.queryField('counts', (t) =>
  t.withAuth(iamRead).field({
    type: ScimCountsRef,
    nullable: true,
    description: 'SCIM user and group counts of the caller\'s company, read now. Needs iam:read (null with a FORBIDDEN error otherwise). For live figures, refetch on provisioningActivity events.',
    resolve: (_root, _args, ctx) => ctx.services.directoryCounts.scimCounts(ctx.principal.companyId),
  }),
);
