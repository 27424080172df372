import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';
import { DirectoryGroup } from '../directory/directory-group.entity.js';
import { DeletedDirectoryUser } from './deleted-directory-user.entity.js';

/** A soft-deleted user's membership, kept until the user is restored, purged, or the group is deleted
 * (triggers, not foreign keys: migration archive_without_foreign_keys). */
export const DeletedGroupMembership = defineEntity({
  name: 'DeletedGroupMembership',
  tableName: 'deleted_group_membership',
  properties: {
    company: p.manyToOne(Company).primary().createForeignKeyConstraint(false),
    memberUser: p.manyToOne(DeletedDirectoryUser).primary().joinColumns('company_id', 'member_user_id').createForeignKeyConstraint(false),
    group: p.manyToOne(DirectoryGroup).primary().joinColumns('company_id', 'group_id').createForeignKeyConstraint(false),
    createdAt: p.datetime(),
  },
  indexes: [{ name: 'deleted_group_membership_group_index', expression: 'create index deleted_group_membership_group_index on deleted_group_membership (group_id)' }],
});
export type DeletedGroupMembership = InferEntity<typeof DeletedGroupMembership>;
