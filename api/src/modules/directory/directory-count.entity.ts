import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';

/**
 * A company's SCIM user and group counts as last folded by the compactor; the deltas not folded
 * yet are in directory_count_delta (migration directory_counts, read in directory-counts.ts).
 */
export const DirectoryCount = defineEntity({
  name: 'DirectoryCount',
  tableName: 'directory_count',
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    userCount: p.bigint('number').default(0),
    groupCount: p.bigint('number').default(0),
  },
});
export type DirectoryCount = InferEntity<typeof DirectoryCount>;

/**
 * One write statement's change to a company's counts, appended by triggers. `companyId` has no
 * foreign key: a company's deletion cascades into its users, whose triggers still append here.
 */
export const DirectoryCountDelta = defineEntity({
  name: 'DirectoryCountDelta',
  tableName: 'directory_count_delta',
  indexes: [{ name: 'directory_count_delta_company_index', properties: ['companyId'] }],
  properties: {
    companyId: p.uuid().primary(),
    id: p.bigint('string').primary().autoincrement().columnType('bigint').generated('identity'),
    userDelta: p.bigint('number').default(0),
    groupDelta: p.bigint('number').default(0),
  },
});
export type DirectoryCountDelta = InferEntity<typeof DirectoryCountDelta>;
