import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

export const USER_SOURCES = ['SCIM', 'MANUAL'] as const;

/**
 * A directory user. `attributes` is the canonical SCIM resource as the IdP sent it; the columns
 * beside it are the attributes IdPs filter on, promoted so that indexes serve those filters.
 * Hot SCIM paths read and write this table with SQL (see directory-user.store.ts).
 */
export const DirectoryUser = defineEntity({
  name: 'DirectoryUser',
  tableName: 'directory_user',
  properties: {
    ...baseProperties,
    company: p.manyToOne(Company),
    source: p.enum([...USER_SOURCES]),
    userName: p.text(),
    externalId: p.text().nullable(),
    displayName: p.text().nullable(),
    // NULL: unassigned (a PATCH removed it), which counts as not active.
    active: p.boolean().nullable().default(true),
    emailValues: p.array().default([]),
    attributes: p.json<Record<string, unknown>>(),
    passwordHash: p.text().nullable().hidden(),
    version: p.integer().default(1),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type DirectoryUser = InferEntity<typeof DirectoryUser>;
