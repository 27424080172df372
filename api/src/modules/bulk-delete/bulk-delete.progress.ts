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

export interface CompanyJobsDeps {
  events: EventBus;
  companyId: string;
  /** The company's QUEUED or RUNNING job, if any. */
  loadActive: () => Promise<BulkDeleteJobView | null>;
  /** How often the active job is read, so a lost notification only delays a new job. */
  refreshMs?: number;
}

/**
 * Every job queued for the company from now on, whoever started it (another tab, operator or
 * API token) and on whichever replica; the console follows each with `bulkDeleteProgress`. The
 * notification is sent by the statement that queues the job; a distributed database runs that
 * statement on a worker, whose NOTIFY never reaches the application, so the active job is also
 * read every `refreshMs` (a job both queued and ended between two reads is then not shown).
 */
export function watchCompanyJobs({ events, companyId, loadActive, refreshMs = 5_000 }: CompanyJobsDeps): AsyncIterableIterator<BulkDeleteJobView> {
  return new Repeater<BulkDeleteJobView>(async (push, stop) => {
    const shown = new Set<string>();
    // The job already running when the subscription began is not new: the poll leaves it out.
    let before: string | undefined;
    const offer = (job: BulkDeleteJobView | null) => {
      if (!job || shown.has(job.id)) return;
      shown.add(job.id);
      void push(job);
    };
    const unsubscribe = await followChannel(events, bulkDeleteCompanyJobsChannel(companyId), toJobView, offer);
    const poll = () => loadActive().then((job) => offer(job?.id === before ? null : job), (error: unknown) => stop(error));
    const timer = setInterval(() => void poll(), refreshMs);
    try {
      before = (await loadActive())?.id;
      await stop;
    } finally {
      clearInterval(timer);
      await unsubscribe();
    }
  }, new SlidingBuffer(8));
}
