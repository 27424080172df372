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
  properties: {
    group: p.manyToOne(DirectoryGroup).primary(),
    memberId: p.uuid().primary(),
    memberUser: p.manyToOne(DirectoryUser).nullable(),
    memberGroup: p.manyToOne(DirectoryGroup).nullable(),
    company: p.manyToOne(Company),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type DirectoryMembership = InferEntity<typeof DirectoryMembership>;
