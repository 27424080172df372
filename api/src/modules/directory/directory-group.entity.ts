import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';
import { USER_SOURCES } from './directory-user.entity.js';

export const DirectoryGroup = defineEntity({
  name: 'DirectoryGroup',
  tableName: 'directory_group',
  properties: {
    ...baseProperties,
    company: p.manyToOne(Company),
    source: p.enum([...USER_SOURCES]).default('SCIM'),
    displayName: p.text(),
    externalId: p.text().nullable(),
    attributes: p.json<Record<string, unknown>>(),
    version: p.integer().default(1),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type DirectoryGroup = InferEntity<typeof DirectoryGroup>;
