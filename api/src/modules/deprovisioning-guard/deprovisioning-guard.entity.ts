import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';

/**
 * A company's mass-deprovisioning guard: its settings and whether it has tripped or been released.
 * Written by SQL on the SCIM path (deprovisioning-guard.ts); see migration deprovisioning_guard.
 */
export const DeprovisioningGuard = defineEntity({
  name: 'DeprovisioningGuard',
  tableName: 'deprovisioning_guard',
  checks: [
    { name: 'deprovisioning_guard_threshold_percent_check', expression: 'threshold_percent >= 1 and threshold_percent <= 100' },
    { name: 'deprovisioning_guard_threshold_minimum_check', expression: 'threshold_minimum >= 1 and threshold_minimum <= 1000000' },
    { name: 'deprovisioning_guard_window_minutes_check', expression: 'window_minutes >= 1 and window_minutes <= 10080' },
  ],
  properties: {
    company: p.oneToOne(Company).primary().owner().deleteRule('cascade'),
    enabled: p.boolean().default(true),
    thresholdPercent: p.integer().default(10),
    thresholdMinimum: p.integer().default(25),
    windowMinutes: p.integer().default(60),
    trippedAt: p.datetime().nullable(),
    trippedByTokenId: p.uuid().nullable(),
    releasedUntil: p.datetime().nullable(),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type DeprovisioningGuard = InferEntity<typeof DeprovisioningGuard>;

/** A deactivation or deletion the guard let through, kept for the sliding window. */
export const DeprovisioningApplied = defineEntity({
  name: 'DeprovisioningApplied',
  tableName: 'deprovisioning_applied',
  indexes: [{ name: 'deprovisioning_applied_company_index', properties: ['company', 'occurredAt'] }],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.bigint('string').primary().autoincrement(),
    occurredAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    tokenId: p.uuid().nullable(),
    operation: p.text(),
  },
});

/** A deactivation or deletion the tripped guard refused (never applied later). */
export const DeprovisioningRefusal = defineEntity({
  name: 'DeprovisioningRefusal',
  tableName: 'deprovisioning_refusal',
  indexes: [{ name: 'deprovisioning_refusal_company_index', properties: ['company', 'occurredAt'] }],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.bigint('string').primary().autoincrement(),
    occurredAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    tokenId: p.uuid().nullable(),
    operation: p.text(),
    resourceId: p.text().nullable(),
  },
});
