import type { PageInfoView } from '../domain/paging.js';
import { builder } from './builder.js';

/** The same rule as the connection that holds it: whoever may read the list may page through it. */
export const PageInfoRef = builder.objectRef<PageInfoView>('PageInfo').implement({
  description: 'Where a page of a list ends, and whether more follows.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', {
      description: 'True when another page follows; fetch it with after: endCursor.',
      authScopes: { authenticated: true },
    }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: 'The cursor of the last item on this page; null for an empty page.',
      authScopes: { authenticated: true },
    }),
  }),
});
