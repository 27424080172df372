import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { ScimToken } from '../access/scim-token.entity.js';
import { Company } from '../companies/company.entity.js';
import { USER_SOURCES } from './directory-user.entity.js';

export const DirectoryGroup = defineEntity({
  name: 'DirectoryGroup',
  tableName: 'directory_group',
  uniques: [
    {
      name: 'directory_group_display_name_unique',
      expression:
        'create unique index directory_group_display_name_unique on directory_group (company_id, lower(display_name))',
    },
  ],
  indexes: [
    { name: 'directory_group_external_id_index', properties: ['company', 'externalId'] },
    { name: 'directory_group_source_index', properties: ['company', 'source'] },
    { name: 'directory_group_created_at_index', properties: ['company', 'createdAt', 'id'] },
    // Console search (ILIKE '%…%').
    {
      name: 'directory_group_display_name_trgm',
      expression: 'create index directory_group_display_name_trgm on directory_group using gin (display_name gin_trgm_ops)',
    },
    {
      name: 'directory_group_external_id_trgm',
      expression: 'create index directory_group_external_id_trgm on directory_group using gin (external_id gin_trgm_ops)',
    },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    ...baseProperties,
    source: p.enum([...USER_SOURCES]).default('SCIM'),
    displayName: p.text(),
    externalId: p.text().nullable(),
    attributes: p.json<Record<string, unknown>>().defaultRaw("'{}'"),
    version: p.integer().default(1),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
    // The SCIM tokens that created and last changed the row; a deleted token leaves them null.
    createdByToken: p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'created_by_token_id').deleteRule('set null (created_by_token_id)'),
    updatedByToken: p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'updated_by_token_id').deleteRule('set null (updated_by_token_id)'),
  },
});
export type DirectoryGroup = InferEntity<typeof DirectoryGroup>;
