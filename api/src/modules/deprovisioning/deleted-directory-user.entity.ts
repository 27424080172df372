import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';
import { ScimToken } from '../access/scim-token.entity.js';
import { BulkDeleteJob } from '../bulk-delete/bulk-delete-job.entity.js';
import { USER_SOURCES } from '../directory/directory-user.entity.js';

/**
 * A soft-deleted user: the directory_user row as it was, moved here with its `id` so that a
 * restore moves it back unchanged. SCIM never reads this table, except a POST looking for a user
 * to restore. `bulkDeleteJob` is the Delete All Users run that removed it, if one did. The
 * archive has no foreign keys; triggers do their delete rules (migration archive_without_foreign_keys).
 */
export const DeletedDirectoryUser = defineEntity({
  name: 'DeletedDirectoryUser',
  tableName: 'deleted_directory_user',
  properties: {
    company: p.manyToOne(Company).primary().createForeignKeyConstraint(false),
    id: p.uuid().primary(),
    source: p.enum([...USER_SOURCES]),
    userName: p.text(),
    externalId: p.text().nullable(),
    displayName: p.text().nullable(),
    active: p.boolean().nullable().default(true),
    emailValues: p.array().default([]),
    attributes: p.json<Record<string, unknown>>(),
    passwordHash: p.text().nullable().hidden(),
    version: p.integer().default(1),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    createdByToken: p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'created_by_token_id').createForeignKeyConstraint(false),
    updatedByToken: p.manyToOne(ScimToken).nullable().joinColumns('company_id', 'updated_by_token_id').createForeignKeyConstraint(false),
    deletedAt: p.datetime().defaultRaw('now()'),
    bulkDeleteJob: p.manyToOne(BulkDeleteJob).nullable().joinColumns('company_id', 'bulk_delete_job_id')
      .createForeignKeyConstraint(false),
  },
  indexes: [
    { name: 'deleted_directory_user_deleted_at_index', properties: ['company', 'deletedAt', 'id'] },
    { name: 'deleted_directory_user_external_id_index', properties: ['company', 'externalId'] },
    { name: 'deleted_directory_user_user_name_index', expression: 'create index deleted_directory_user_user_name_index on deleted_directory_user (company_id, lower(user_name))' },
    { name: 'deleted_directory_user_job_index', expression: 'create index deleted_directory_user_job_index on deleted_directory_user (bulk_delete_job_id, id)' },
  ],
});
export type DeletedDirectoryUser = InferEntity<typeof DeletedDirectoryUser>;
