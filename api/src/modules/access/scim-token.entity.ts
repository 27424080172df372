import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

/** An IdP's SCIM bearer token, one per IdP so a migration between IdPs is a label away. */
export const ScimToken = defineEntity({
  name: 'ScimToken',
  tableName: 'scim_token',
  indexes: [
    { name: 'scim_token_company_index', properties: ['company'] },
    { name: 'scim_token_rotated_from_index', properties: ['rotatedFrom'] },
  ],
  properties: {
    ...baseProperties,
    company: p.manyToOne(Company).deleteRule('cascade'),
    label: p.text(),
    prefix: p.text(),
    tokenHash: p.text().unique().hidden(),
    createdBy: p.text().nullable(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    // Null: never expires. A rotated token's predecessor gets the grace period's end here.
    expiresAt: p.datetime().nullable(),
    rotatedFrom: () => p.manyToOne(ScimToken).nullable().deleteRule('set null'),
  },
});
export type ScimToken = InferEntity<typeof ScimToken>;
