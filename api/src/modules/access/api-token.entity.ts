import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

/** An integrator's GraphQL credential; the secret is shown once and stored as a hash. */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  indexes: [{ name: 'api_token_company_index', properties: ['company'] }],
  properties: {
    ...baseProperties,
    company: p.manyToOne(Company).deleteRule('cascade'),
    label: p.text(),
    prefix: p.text(),
    tokenHash: p.text().unique().hidden(),
    permissions: p.array().default([]),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiToken = InferEntity<typeof ApiToken>;
