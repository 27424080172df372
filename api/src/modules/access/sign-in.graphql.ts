import { builder } from '../../graphql/builder.js';
import { clearSessionCookie, requireHttpResponse, setSessionCookie } from '../../graphql/session-cookie.js';
import { ViewerRef } from './access.graphql.js';

builder.mutationField('signIn', (t) =>
  t.field({
    type: ViewerRef,
    description:
      'Operator sign-in (console). Sets the HttpOnly session cookie roster_session. Wrong email or password: UNAUTHENTICATED; after repeated failures for one email: TOO_MANY_REQUESTS until the lock expires. HTTP only.',
    authScopes: { public: true },
    args: {
      email: t.arg.string({ required: true, description: 'The operator\'s email.' }),
      password: t.arg.string({ required: true, description: 'The operator\'s password.' }),
    },
    resolve: async (_root, { email, password }, ctx) => {
      const res = requireHttpResponse(ctx.res);
      const { secret, principal } = await ctx.services.operators.signIn(email, password);
      setSessionCookie(res, secret, ctx.config.secureCookies);
      // The rest of this operation (the returned Viewer's fields) runs as the new operator.
      ctx.principal = principal;
      if (ctx.req) ctx.noteCompany(ctx.req, principal.companySlug);
      return principal;
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.field({
    type: 'Boolean',
    description: 'Ends the operator session (the stored session is deleted and the cookie cleared). Always true; harmless when not signed in.',
    authScopes: { public: true },
    resolve: async (_root, _args, ctx) => {
      if (ctx.principal?.sessionId) await ctx.services.operators.signOut(ctx.principal.sessionId);
      clearSessionCookie(ctx.res, ctx.config.secureCookies);
      ctx.principal = null;
      return true;
    },
  }),
);
