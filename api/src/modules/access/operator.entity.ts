import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

export const Operator = defineEntity({
  name: 'Operator',
  tableName: 'operator',
  properties: {
    ...baseProperties,
    company: p.manyToOne(Company),
    email: p.text(),
    passwordHash: p.text().hidden(),
    permissions: p.array().default([]),
  },
});
export type Operator = InferEntity<typeof Operator>;
