import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { ScimToken } from '../access/scim-token.entity.js';
import { Company } from '../companies/company.entity.js';

export const USER_SOURCES = ['SCIM', 'MANUAL'] as const;

const MANAGER_PATH = '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}';

/**
 * A directory user. `attributes` is the canonical SCIM resource as the IdP sent it; the columns
 * beside it are the attributes IdPs filter on, promoted so that indexes serve those filters.
 * Hot SCIM paths read and write this table with SQL (see directory-user.store.ts).
 */
export const DirectoryUser = defineEntity({
  name: 'DirectoryUser',
  tableName: 'directory_user',
  uniques: [
    {
      name: 'directory_user_user_name_unique',
      expression: 'create unique index directory_user_user_name_unique on directory_user (company_id, lower(user_name))',
    },
  ],
  indexes: [
    { name: 'directory_user_external_id_index', properties: ['company', 'externalId'] },
    { name: 'directory_user_source_index', properties: ['company', 'source'] },
    {
      name: 'directory_user_display_name_index',
      expression: 'create index directory_user_display_name_index on directory_user (company_id, lower(display_name))',
    },
    { name: 'directory_user_created_at_index', properties: ['company', 'createdAt', 'id'] },
    { name: 'directory_user_updated_at_index', properties: ['company', 'updatedAt'] },
    {
      name: 'directory_user_email_values_index',
      expression: 'create index directory_user_email_values_index on directory_user using gin (email_values)',
    },
    {
      name: 'directory_user_manager_index',
      expression: `create index directory_user_manager_index on directory_user ((attributes #>> '${MANAGER_PATH}'))`,
    },
    // Console search (ILIKE '%…%'); see migration directory_search for directory_email_text.
    {
      name: 'directory_user_user_name_trgm',
      expression: 'create index directory_user_user_name_trgm on directory_user using gin (user_name gin_trgm_ops)',
    },
    {
      name: 'directory_user_display_name_trgm',
      expression: 'create index directory_user_display_name_trgm on directory_user using gin (display_name gin_trgm_ops)',
    },
    {
      name: 'directory_user_external_id_trgm',
      expression: 'create index directory_user_external_id_trgm on directory_user using gin (external_id gin_trgm_ops)',
    },
    {
      name: 'directory_user_emails_trgm',
      expression:
        'create index directory_user_emails_trgm on directory_user using gin (directory_email_text(email_values) gin_trgm_ops)',
    },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    ...baseProperties,
    source: p.enum([...USER_SOURCES]),
    userName: p.text(),
    externalId: p.text().nullable(),
    displayName: p.text().nullable(),
    // NULL: unassigned (a PATCH removed it), which counts as not active.
    active: p.boolean().nullable().default(true),
    emailValues: p.array().default([]),
    attributes: p.json<Record<string, unknown>>().defaultRaw("'{}'"),
    passwordHash: p.text().nullable().hidden(),
    version: p.integer().default(1),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
    // The SCIM tokens that created and last changed the row; a deleted token leaves them null.
    createdByToken: p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'created_by_token_id').deleteRule('set null (created_by_token_id)'),
    updatedByToken: p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'updated_by_token_id').deleteRule('set null (updated_by_token_id)'),
  },
});
export type DirectoryUser = InferEntity<typeof DirectoryUser>;
