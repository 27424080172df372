import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Operator } from './operator.entity.js';

/** A console sign-in. Only a hash of the cookie's value is stored. */
export const OperatorSession = defineEntity({
  name: 'OperatorSession',
  tableName: 'operator_session',
  indexes: [{ name: 'operator_session_expires_at_index', properties: ['expiresAt'] }],
  properties: {
    ...baseProperties,
    tokenHash: p.text().unique().hidden(),
    operator: p.manyToOne(Operator).deleteRule('cascade'),
    expiresAt: p.datetime(),
  },
});
export type OperatorSession = InferEntity<typeof OperatorSession>;
