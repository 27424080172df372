import { Repeater, SlidingBuffer } from 'graphql-yoga';
import { bulkDeleteCompanyJobsChannel, bulkDeleteProgressChannel } from '../../events/channels.js';
import type { EventBus } from '../../events/event-bus.js';
import { followChannel, streamChannel } from '../../events/event-stream.js';
import { isFinished, isNewer, toJobView, type BulkDeleteJobView } from './bulk-delete-job.view.js';

export interface WatchDeps {
  events: EventBus;
  jobId: string;
  /** Reads the job from the database (scoped to the caller's company); null when missing. */
  load: () => Promise<BulkDeleteJobView | null>;
  /** Re-reads now and then, so a lost notification (listener reconnect) only delays an update. */
  refreshMs?: number;
}

/**
 * The job's current state, then every change, then the end. It listens before it reads, so no
 * change falls between the two; events from any replica arrive over LISTEN/NOTIFY. Only newer
 * states are passed on, and a slow client gets the latest ones (the final state is never dropped).
 */
export function watchBulkDeleteJob({ events, jobId, load, refreshMs = 5_000 }: WatchDeps): AsyncIterableIterator<BulkDeleteJobView> {
  return new Repeater<BulkDeleteJobView>(async (push, stop) => {
    let known: BulkDeleteJobView | undefined;
    const offer = (job: BulkDeleteJobView | null) => {
      if (!job || (known && !isNewer(job, known))) return;
      known = job;
      void push(job);
      if (isFinished(job)) stop();
    };
    const updates = await streamChannel(events, bulkDeleteProgressChannel(jobId), { parse: toJobView, maxBacklog: 32 });
    void (async () => {
      for await (const job of updates) offer(job);
    })();
    const refresh = () => load().then(offer, (error: unknown) => stop(error));
    const timer = setInterval(() => void refresh(), refreshMs);
    try {
      const current = await load();
      if (!current) stop();
      offer(current);
      await stop;
    } finally {
      clearInterval(timer);
      await updates.return?.();
    }
  }, new SlidingBuffer(32));
}

/**
 * Every job queued for the company from now on, whoever started it (another tab, operator or
 * API token) and on whichever replica; the console follows each with `bulkDeleteProgress`.
 */
export function watchCompanyJobs(events: EventBus, companyId: string): AsyncIterableIterator<BulkDeleteJobView> {
  return new Repeater<BulkDeleteJobView>(async (push, stop) => {
    const unsubscribe = await followChannel(events, bulkDeleteCompanyJobsChannel(companyId), toJobView, (job) => void push(job));
    try {
      await stop;
    } finally {
      await unsubscribe();
    }
  }, new SlidingBuffer(8));
}
