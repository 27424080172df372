import { builder } from '../../graphql/builder.js';
import type { GraphqlContext } from '../../graphql/context.js';
import type { Company } from './company.entity.js';

/** Readable only by callers of this very company; see `ownCompany`. */
/**
 * A function rule, evaluated for each company object rather than cached per request, so a
 * company reached through `signIn`'s result is readable in the same request.
 */
function ownCompany(company: Company, _args: object, ctx: GraphqlContext): boolean {
  return ctx.principal?.companyId === company.id;
}

export const CompanyRef = builder.objectRef<Company>('Company').implement({
  description: 'The tenant the caller belongs to.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Company id.', authScopes: ownCompany }),
    slug: t.exposeString('slug', {
      description: 'The company identifier at the end of the SCIM base URL (/pp/scim/v2/<slug>).',
      authScopes: ownCompany,
    }),
    name: t.exposeString('name', { description: 'Display name.', authScopes: ownCompany }),
  }),
});
