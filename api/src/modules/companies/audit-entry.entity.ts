import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from './company.entity.js';

/** Who changed what in a company's SCIM set-up, and when (admin audit trail). */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  indexes: [
    { name: 'audit_entry_company_index', expression: 'create index audit_entry_company_index on audit_entry (company_id, id desc)' },
    { name: 'audit_entry_company_action_index', expression: 'create index audit_entry_company_action_index on audit_entry (company_id, action, id desc)' },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.bigint('string').primary().autoincrement(),
    actor: p.text(),
    action: p.text(),
    detail: p.json<Record<string, unknown>>().defaultRaw("'{}'"),
    occurredAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  },
});
export type AuditEntry = InferEntity<typeof AuditEntry>;
