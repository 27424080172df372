import { builder } from '../../graphql/builder.js';
import { ScimConfigRef, readOrManage } from './scim-config.graphql.js';
import type { RateLimitSource, ScimRateLimitView } from './scim-rate-limit.service.js';

const RateLimitSourceEnum = builder.enumType('ScimRateLimitSource', {
  description: 'Where the rate limit in force comes from.',
  values: {
    DEFAULT: { description: 'The deployment\'s SCIM_RATE_LIMIT_PER_SECOND and SCIM_RATE_LIMIT_BURST.' },
    COMPANY: { description: 'Set for this company (npm run roster -- company rate-limit).' },
  } as const satisfies Record<RateLimitSource, object>,
});

const ScimRateLimitRef = builder.objectRef<ScimRateLimitView>('ScimRateLimit').implement({
  description: 'How many SCIM requests the company may send; more are answered 429 with Retry-After.',
  fields: (t) => ({
    perSecond: t.exposeInt('perSecond', {
      description: 'Sustained requests per second over the whole deployment; 0 means no limit.',
      authScopes: readOrManage,
    }),
    burst: t.exposeInt('burst', {
      description: 'Requests that may arrive at once after a quiet spell (the bucket size).',
      authScopes: readOrManage,
    }),
    source: t.field({
      type: RateLimitSourceEnum,
      description: 'Whether the company has its own limit or follows the deployment\'s.',
      authScopes: readOrManage,
      resolve: (limit) => limit.source,
    }),
  }),
});

builder.objectFields(ScimConfigRef, (t) => ({
  rateLimit: t.field({
    type: ScimRateLimitRef,
    description: 'The SCIM rate limit in force for the company.',
    authScopes: readOrManage,
    resolve: (config) => config.rateLimit,
  }),
  throttledLastHour: t.int({
    description: 'SCIM requests answered 429 by the rate limit in the last hour; they are not counted as failures.',
    authScopes: readOrManage,
    resolve: (_config, _args, ctx) =>
      ctx.principal ? ctx.services.activity.countThrottledLastHour(ctx.principal.companyId) : 0,
  }),
}));
