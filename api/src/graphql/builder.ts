import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Permission } from '../modules/access/permissions.js';
import type { Principal } from '../modules/access/principal.js';
import { UNAUTHENTICATED_MESSAGES } from '../modules/access/credentials.js';
import type { GraphqlContext } from './context.js';

/** The context a resolver sees once `authenticated` or a `permission` scope has passed. */
export type SignedInContext = GraphqlContext & { principal: Principal };

/**
 * The one schema builder. Scopes: `public` (anyone, stated explicitly so that an open field is a
 * decision), `authenticated` (anyone signed in), `permission` (one of iam:read, iam:manage,
 * users:delete) and `anyPermission` (at least one of a list). Every field states its rule; a schema-walk test enforces it.
 */
export const builder = new SchemaBuilder<{
  Context: GraphqlContext;
  AuthScopes: { public: boolean; authenticated: boolean; permission: Permission; anyPermission: readonly Permission[] };
  AuthContexts: { authenticated: SignedInContext; permission: SignedInContext; anyPermission: SignedInContext };
  Scalars: { DateTime: { Input: Date; Output: Date }; JSON: { Input: unknown; Output: unknown } };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      public: true,
      authenticated: ctx.principal !== null,
      permission: (permission) => ctx.principal?.permissions.includes(permission) ?? false,
      anyPermission: (permissions) => permissions.some((permission) => ctx.principal?.permissions.includes(permission)),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.principal
        ? new GraphQLError('You do not have the permission this field needs', { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError(UNAUTHENTICATED_MESSAGES[ctx.credential], { extensions: { code: 'UNAUTHENTICATED' } }),
  },
});

builder.scalarType('DateTime', {
  description: 'An ISO 8601 instant in UTC, e.g. 2026-11-28T13:14:15.000Z',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Invalid DateTime', { extensions: { code: 'BAD_USER_INPUT' } });
    return date;
  },
});

// Output only (SCIM resources as served); an input of this type is refused rather than trusted.
builder.scalarType('JSON', {
  description: 'A JSON value, e.g. a SCIM resource exactly as the SCIM API serves it.',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON is an output type only', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

builder.queryType({ description: 'Read the SCIM set-up and activity of the caller\'s company.' });
builder.mutationType({ description: 'Sign in and out, and change the SCIM set-up of the caller\'s company.' });
builder.subscriptionType({ description: 'Live updates for the caller\'s company (GraphQL over WebSocket, graphql-ws).' });
