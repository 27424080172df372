import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Sql } from '../../db/sql.js';
import { isDatabaseUnavailable } from '../../db/database-unavailable.js';
import type { EventBus } from '../../events/event-bus.js';
import { anyPayload, followChannel } from '../../events/event-stream.js';
import type { Logger } from '../../logger.js';
import { CURSOR_START, deleteBatch } from './bulk-delete.batch.js';
import { restoreBatch } from '../deprovisioning/restore.batch.js';
import { createJobStore, type ClaimedJob, type EndedJob, type JobStore } from './bulk-delete-job.store.js';
import { BULK_DELETE_QUEUED_CHANNEL } from '../../events/channels.js';

export interface BulkDeleteRunnerOptions {
  sql: Sql;
  events: EventBus;
  logger: Logger;
  /** Users per batch transaction: small enough that IdP writes never wait long on us. */
  batchSize?: number;
  /** A job whose heartbeat is older than this is presumed dead and claimable again. */
  leaseMs?: number;
  /** How often to look for claimable jobs besides the NOTIFY wake-up (takes over dead jobs). */
  pollMs?: number;
}

const MAX_ATTEMPTS = 3;
const UNAVAILABLE_RETRY_MS = 500;

/**
 * Runs bulk-delete jobs. Every replica runs one; they compete for jobs through the database
 * only, so a job survives the replica that started it, and a job whose process died is resumed
 * once its lease runs out (by another replica, or by the same deployment after a restart).
 */
export function createBulkDeleteRunner({ sql, events, logger, batchSize = 2000, leaseMs = 10_000, pollMs = 2_000 }: BulkDeleteRunnerOptions) {
  const runnerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store: JobStore = createJobStore(sql, runnerId, leaseMs);
  const log = logger.child({ runnerId });
  let stopped = true;
  let draining: Promise<void> | undefined;
  let wakeAgain = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let running = 0;

  function wake(): void {
    if (stopped) return;
    if (draining) {
      wakeAgain = true;
      return;
    }
    draining = drain()
      .catch((error: unknown) => log.warn({ err: error }, 'bulk-delete runner could not claim; will retry'))
      .finally(() => {
        draining = undefined;
        if (wakeAgain) {
          wakeAgain = false;
          wake();
        }
      });
  }

  /** Retries `work` while the database is away (the job is ours until its lease runs out). */
  async function untilAvailable<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await work();
      } catch (error) {
        if (stopped || !isDatabaseUnavailable(error)) throw error;
        await sleep(UNAVAILABLE_RETRY_MS);
      }
    }
  }

  async function drain(): Promise<void> {
    while (!stopped) {
      const job = await store.claim();
      if (!job) return;
      log.info({ jobId: job.id, companyId: job.companyId }, 'bulk-delete job claimed');
      await runJob(job);
    }
  }

  // One line per ended job, tied to its audit entry: the admin action "Delete All Users".
  function logEnded(ended: EndedJob | null, status: 'succeeded' | 'failed'): void {
    if (!ended) return;
    const { job, companyId, requestedBy, auditId, kind } = ended;
    log.info({ adminAction: kind === 'RESTORE' ? 'users.restored-run' : 'users.deleted-all', auditId, companyId, actor: requestedBy, jobId: job.id, deleted: job.deleted },
      `bulk-delete job ${status}`);
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    running += 1;
    let lost = false;
    const beat = setInterval(() => {
      store.heartbeat(job).then((owned) => (lost ||= !owned)).catch(() => undefined);
    }, Math.max(250, Math.floor(leaseMs / 3)));
    try {
      const outcome = await runBatches(job, () => lost || stopped);
      if (outcome === 'finished') {
        logEnded(await untilAvailable(() => store.end(job, 'SUCCEEDED', null)), 'succeeded');
      } else if (outcome === 'interrupted' && stopped) {
        await store.release(job);
      }
    } finally {
      clearInterval(beat);
      running -= 1;
    }
  }

  /**
   * Batches until nothing under the cutoff is left: a pass that skips rows locked by IdP
   * requests, then a sweep from the start that waits for them (repeated until it finds nothing).
   */
  async function runBatches(job: ClaimedJob, interrupted: () => boolean): Promise<'finished' | 'interrupted' | 'failed'> {
    let sweep = false;
    let cursor = CURSOR_START;
    let failures = 0;
    while (!interrupted()) {
      try {
        const outcome = await (job.kind === 'RESTORE' ? restoreBatch : deleteBatch)(sql, job, runnerId, { size: batchSize, sweep, cursor });
        if (outcome.kind === 'lost') return 'interrupted';
        failures = 0;
        cursor = outcome.cursor;
        if (outcome.deleted > 0) continue;
        if (sweep) return 'finished';
        sweep = true;
        cursor = CURSOR_START;
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          // An outage is not the job's fault: wait it out rather than fail the job three times over.
          log.warn({ err: error, jobId: job.id }, 'bulk-delete batch waits for the database');
          await sleep(UNAVAILABLE_RETRY_MS);
          continue;
        }
        failures += 1;
        log.warn({ err: error, jobId: job.id, failures }, 'bulk-delete batch failed');
        if (failures >= MAX_ATTEMPTS) {
          logEnded(await store.end(job, 'FAILED', error instanceof Error ? error.message : String(error)), 'failed');
          return 'failed';
        }
        await sleep(200 * failures);
      }
    }
    return 'interrupted';
  }

  return {
    runnerId,
    /** Jobs this process is running right now (0 or 1), for /metrics. */
    running: () => running,
    /** Call once the schema is migrated. */
    async start(): Promise<void> {
      if (!stopped) return;
      stopped = false;
      timer = setInterval(wake, pollMs);
      try {
        unsubscribe = await followChannel(events, BULK_DELETE_QUEUED_CHANNEL, anyPayload, () => wake());
      } catch (error) {
        log.warn({ err: error }, 'bulk-delete runner cannot listen; polling only');
      }
      wake();
    },
    /** Finishes the batch in flight, hands the job back, stops polling. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await unsubscribe?.();
      await draining;
    },
    /** Resolves when the runner has nothing left to do right now (tests, benchmark). */
    async idle(): Promise<void> {
      while (draining) await draining;
    },
  };
}

export type BulkDeleteRunner = ReturnType<typeof createBulkDeleteRunner>;
