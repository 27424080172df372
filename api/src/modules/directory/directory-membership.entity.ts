import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';
import { DirectoryGroup } from './directory-group.entity.js';
import { DirectoryUser } from './directory-user.entity.js';

/**
 * A member of a group: a user or a nested group. `memberId` repeats whichever is set so that
 * SCIM `members.value` needs no knowledge of the member's kind; the foreign keys cascade so a
 * deleted user or group never leaves a dangling membership.
 */
export const DirectoryMembership = defineEntity({
  name: 'DirectoryMembership',
  tableName: 'directory_membership',
  // PostgreSQL's own names for the migration's unnamed checks.
  checks: [
    { name: 'directory_membership_check', expression: 'num_nonnulls(member_user_id, member_group_id) = 1' },
    { name: 'directory_membership_check1', expression: 'member_id = coalesce(member_user_id, member_group_id)' },
  ],
  indexes: [
    { name: 'directory_membership_member_user_index', expression: 'create index directory_membership_member_user_index on directory_membership (member_user_id)' },
    { name: 'directory_membership_member_group_index', expression: 'create index directory_membership_member_group_index on directory_membership (member_group_id)' },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    group: p.manyToOne(DirectoryGroup).primary().joinColumns('company_id', 'group_id').deleteRule('cascade'),
    memberId: p.uuid().primary(),
    memberUser: p.manyToOne(DirectoryUser).nullable().joinColumns('company_id', 'member_user_id').deleteRule('cascade'),
    memberGroup: p.manyToOne(DirectoryGroup).nullable().joinColumns('company_id', 'member_group_id').deleteRule('cascade'),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  },
});
export type DirectoryMembership = InferEntity<typeof DirectoryMembership>;
