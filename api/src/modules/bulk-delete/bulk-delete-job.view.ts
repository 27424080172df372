import type { BulkDeleteStatus } from './bulk-delete-job.entity.js';

/** What clients see of a job (GraphQL `BulkDeleteJob`), and what each progress event carries. */
export interface BulkDeleteJobView {
  id: string;
  status: BulkDeleteStatus;
  total: number;
  deleted: number;
  requestedBy: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * The view as one json value, built by PostgreSQL itself so that the row a statement returns and
 * the NOTIFY payload it sends are the same bytes. `j` is the bulk_delete_job alias.
 */
export const VIEW_JSON = `json_build_object('id', j.id, 'status', j.status, 'total', j.total, 'deleted', j.deleted,
  'requestedBy', j.requested_by, 'startedAt', j.started_at, 'finishedAt', j.finished_at)`;

const RANK: Record<BulkDeleteStatus, number> = { QUEUED: 0, RUNNING: 1, SUCCEEDED: 2, FAILED: 2 };

export function isFinished(job: BulkDeleteJobView): boolean {
  return RANK[job.status] === 2;
}

/** Progress only moves forward; an older state (a late or duplicate event) is not news. */
export function isNewer(candidate: BulkDeleteJobView, known: BulkDeleteJobView): boolean {
  const byStatus = RANK[candidate.status] - RANK[known.status];
  return byStatus > 0 || (byStatus === 0 && candidate.deleted > known.deleted);
}

const date = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)));

/** Parses the json of VIEW_JSON (as a query column or as a NOTIFY payload). */
export function toJobView(value: unknown): BulkDeleteJobView {
  const raw = value as Record<string, unknown>;
  return {
    id: String(raw['id']),
    status: raw['status'] as BulkDeleteStatus,
    total: Number(raw['total']),
    deleted: Number(raw['deleted']),
    requestedBy: (raw['requestedBy'] as string | null) ?? null,
    startedAt: date(raw['startedAt']),
    finishedAt: date(raw['finishedAt']),
  };
}
