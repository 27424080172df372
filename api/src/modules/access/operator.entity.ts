import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

export const Operator = defineEntity({
  name: 'Operator',
  tableName: 'operator',
  // One address signs in to one company, whatever its case.
  uniques: [{ name: 'operator_email_unique', expression: 'create unique index operator_email_unique on operator (lower(email))' }],
  properties: {
    ...baseProperties,
    company: p.manyToOne(Company).deleteRule('cascade'),
    email: p.text(),
    passwordHash: p.text().hidden(),
    permissions: p.array().default([]),
  },
});
export type Operator = InferEntity<typeof Operator>;
