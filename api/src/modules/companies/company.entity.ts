import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';

export const SCIM_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type ScimStatus = (typeof SCIM_STATUSES)[number];

export const Company = defineEntity({
  name: 'Company',
  tableName: 'company',
  checks: [
    { name: 'company_slug_check', expression: "slug ~ '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$'" },
    {
      name: 'company_scim_rate_limit_check',
      expression: '(scim_rate_limit_per_second is null and scim_rate_limit_burst is null)'
        + ' or (scim_rate_limit_per_second >= 0 and scim_rate_limit_burst >= 1)',
    },
  ],
  properties: {
    ...baseProperties,
    slug: p.text().unique(),
    name: p.text(),
    scimStatus: p.enum([...SCIM_STATUSES]).default('ACTIVE'),
    entraIdEnabled: p.boolean().default(false),
    // Both null: the deployment's SCIM_RATE_LIMIT_*; see migration scim_rate_limit.
    scimRateLimitPerSecond: p.integer().nullable(),
    scimRateLimitBurst: p.integer().nullable(),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type Company = InferEntity<typeof Company>;
