import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Sql } from '../../db/sql.js';
import { isDatabaseUnavailable } from '../../db/database-unavailable.js';
import type { EventBus } from '../../events/event-bus.js';
import { anyPayload, followChannel } from '../../events/event-stream.js';
import type { Logger } from '../../logger.js';
import { CURSOR_START, deleteBatch, rangeEnd, type BatchCursor, type BatchOutcome, type BatchRequest } from './bulk-delete.batch.js';
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
  /** Batches of a delete's first pass in flight at once (each on its own connection). */
  parallelBatches?: number;
}

type PassEnd = 'finished' | 'interrupted' | 'failed';

const MAX_ATTEMPTS = 3;
const UNAVAILABLE_RETRY_MS = 500;

/**
 * Runs bulk-delete jobs. Every replica runs one; they compete for jobs through the database
 * only, so a job survives the replica that started it, and a job whose process died is resumed
 * once its lease runs out (by another replica, or by the same deployment after a restart).
 */
export function createBulkDeleteRunner({
  sql, events, logger, batchSize = 2000, leaseMs = 10_000, pollMs = 2_000, parallelBatches = 2,
}: BulkDeleteRunnerOptions) {
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
   * A delete's first pass runs `parallelBatches` batches side by side; a restore's runs one.
   */
  async function runBatches(job: ClaimedJob, interrupted: () => boolean): Promise<PassEnd> {
    const first = job.kind === 'DELETE' ? await sideBySidePass(job, interrupted) : await serialPass(job, false, interrupted);
    return first === 'finished' ? serialPass(job, true, interrupted) : first;
  }

  /** Batches from the start, each after the last one's cursor, until one finds nothing. */
  async function serialPass(job: ClaimedJob, sweep: boolean, interrupted: () => boolean): Promise<PassEnd> {
    let cursor = CURSOR_START;
    for (;;) {
      const outcome = await attempt(job, { size: batchSize, sweep, cursor }, interrupted);
      if (typeof outcome === 'string') return outcome;
      if (outcome.kind === 'lost') return 'interrupted';
      if (outcome.deleted === 0) return 'finished';
      cursor = outcome.cursor;
    }
  }

  /**
   * Consecutive ranges of `batchSize` rows, handed out one at a time to batches in flight side by
   * side: PostgreSQL works on one while the other commits (they queue only on the job's row, for
   * their counts and commits).
   */
  async function sideBySidePass(job: ClaimedJob, interrupted: () => boolean): Promise<PassEnd> {
    let next: BatchCursor | null = CURSOR_START;
    let ended: PassEnd | undefined;
    let handedOut: Promise<unknown> = Promise.resolve();
    const stop = () => ended !== undefined || interrupted();
    const takeRange = (): Promise<BatchRequest | null> => {
      const taken = handedOut.then(async () => {
        const cursor = next;
        if (!cursor || stop()) return null;
        next = await untilAvailable(() => rangeEnd(sql, job, cursor, batchSize));
        return { size: batchSize, sweep: false, cursor, ...(next ? { until: next } : {}) };
      });
      handedOut = taken.catch(() => undefined);
      return taken;
    };
    const batches = async (): Promise<void> => {
      for (let request = await takeRange(); request; request = await takeRange()) {
        const outcome = await attempt(job, request, stop);
        if (typeof outcome === 'string' || outcome.kind === 'lost') {
          ended ??= typeof outcome === 'string' ? outcome : 'interrupted';
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: parallelBatches }, batches));
    return ended ?? (interrupted() ? 'interrupted' : 'finished');
  }

  /**
   * One batch, retried while the database is away (an outage is not the job's fault) and after
   * other failures, up to MAX_ATTEMPTS in all; after the last one the job ends as failed.
   */
  async function attempt(job: ClaimedJob, request: BatchRequest, interrupted: () => boolean): Promise<BatchOutcome | PassEnd> {
    for (let failures = 0; !interrupted();) {
      try {
        return await (job.kind === 'RESTORE' ? restoreBatch : deleteBatch)(sql, job, runnerId, request);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
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
