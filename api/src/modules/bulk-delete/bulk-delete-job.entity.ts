import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Company } from '../companies/company.entity.js';

export const BULK_DELETE_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type BulkDeleteStatus = (typeof BULK_DELETE_STATUSES)[number];

export const BULK_JOB_KINDS = ['DELETE', 'RESTORE'] as const;
export type BulkJobKind = (typeof BULK_JOB_KINDS)[number];

/**
 * "Delete All Users" as a durable job. `cutoff` fixes which users it deletes (SCIM users created
 * before it started); a partial unique index allows one unfinished job per company.
 */
export const BulkDeleteJob = defineEntity({
  name: 'BulkDeleteJob',
  tableName: 'bulk_delete_job',
  uniques: [
    {
      name: 'bulk_delete_job_one_running',
      expression: "create unique index bulk_delete_job_one_running on bulk_delete_job (company_id) where status in ('QUEUED', 'RUNNING')",
    },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    ...baseProperties,
    requestedBy: p.text().nullable(),
    // Who queued it as its events name them (operator:<email>, api_token:<id>, cli); requestedBy is a display name.
    eventSource: p.text().nullable(),
    status: p.enum([...BULK_DELETE_STATUSES]),
    total: p.integer().default(0),
    deleted: p.integer().default(0),
    cutoff: p.datetime(),
    error: p.text().nullable(),
    claimedBy: p.text().nullable(),
    heartbeatAt: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    // RESTORE: puts back the users the DELETE run `restoresJobId` soft-deleted (a plain id: jobs are never deleted on their own).
    kind: p.enum([...BULK_JOB_KINDS]).default('DELETE'),
    // A DELETE run under SOFT_DELETE: its users can be restored until the retention ends.
    restorable: p.boolean().default(false),
    restoresJobId: p.uuid().nullable(),
  },
});
export type BulkDeleteJob = InferEntity<typeof BulkDeleteJob>;
