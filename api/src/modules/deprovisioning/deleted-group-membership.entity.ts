import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';
import { DirectoryGroup } from '../directory/directory-group.entity.js';
import { DeletedDirectoryUser } from './deleted-directory-user.entity.js';

/** A soft-deleted user's membership, kept until the user is restored, purged, or the group is deleted. */
export const DeletedGroupMembership = defineEntity({
  name: 'DeletedGroupMembership',
  tableName: 'deleted_group_membership',
  properties: {
    memberUser: p.manyToOne(DeletedDirectoryUser).primary().deleteRule('cascade'),
    group: p.manyToOne(DirectoryGroup).primary().deleteRule('cascade'),
    company: p.manyToOne(Company).deleteRule('cascade'),
    createdAt: p.datetime(),
  },
  indexes: [{ name: 'deleted_group_membership_group_index', properties: ['group'] }],
});
export type DeletedGroupMembership = InferEntity<typeof DeletedGroupMembership>;
