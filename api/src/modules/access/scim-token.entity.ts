import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

/** An IdP's SCIM bearer token, one per IdP so a migration between IdPs is a label away. */
export const ScimToken = defineEntity({
  name: 'ScimToken',
  tableName: 'scim_token',
  // Keyed by company first (migration company_leading_keys): a token is found within the URL's company.
  uniques: [{ properties: ['company', 'tokenHash'] }],
  indexes: [
    { name: 'scim_token_rotated_from_index', expression: 'create index scim_token_rotated_from_index on scim_token (rotated_from_id)' },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    ...baseProperties,
    label: p.text(),
    prefix: p.text(),
    tokenHash: p.text().hidden(),
    createdBy: p.text().nullable(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    // Null: never expires. A rotated token's predecessor gets the grace period's end here.
    expiresAt: p.datetime().nullable(),
    rotatedFrom: () => p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'rotated_from_id')
      .deleteRule('set null (rotated_from_id)'),
  },
});
export type ScimToken = InferEntity<typeof ScimToken>;
