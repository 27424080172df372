import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Failed console sign-ins per email address, known or not (see sign-in-throttle.ts, which owns
 * this table's SQL); rows quiet for a day are pruned by last_failure_at.
 */
export const SignInThrottle = defineEntity({
  name: 'SignInThrottle',
  tableName: 'sign_in_throttle',
  indexes: [{ name: 'sign_in_throttle_last_failure_at_index', properties: ['lastFailureAt'] }],
  properties: {
    email: p.text().primary(),
    failures: p.integer().default(0),
    lastFailureAt: p.datetime().defaultRaw('now()'),
    lockedUntil: p.datetime().nullable(),
  },
});
export type SignInThrottle = InferEntity<typeof SignInThrottle>;
