import { describe, expect, it } from 'vitest';
import type { EventBus, EventHandler } from '../../events/event-bus.js';
import type { BulkDeleteJobView } from './bulk-delete-job.view.js';
import { watchCompanyJobs } from './bulk-delete.progress.js';

const job = (id: string): BulkDeleteJobView => ({
  id, status: 'QUEUED', total: 3, deleted: 0, requestedBy: 'test', startedAt: new Date(), finishedAt: null,
  kind: 'DELETE', restorable: false, restoresJobId: null,
});

/** A bus whose notifications are delivered only when the test says so (or never: lost). */
function manualBus() {
  const handlers = new Set<EventHandler>();
  const events = {
    subscribe: async (_channel: string, handler: EventHandler) => {
      handlers.add(handler);
      return async () => void handlers.delete(handler);
    },
  } as unknown as EventBus;
  return { events, deliver: (payload: unknown) => handlers.forEach((handler) => handler(payload)) };
}

/** Everything the iterator yields, as it yields it. */
function collect<T>(iterator: AsyncIterableIterator<T>): T[] {
  const seen: T[] = [];
  void (async () => {
    for await (const value of iterator) seen.push(value);
  })();
  return seen;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchCompanyJobs', () => {
  it('shows a job whose notification was lost at the next read of the active job', async () => {
    let active: BulkDeleteJobView | null = null;
    const { events } = manualBus();
    const jobs = watchCompanyJobs({ events, companyId: 'c', loadActive: async () => active, refreshMs: 50 });
    const seen = collect(jobs);
    await sleep(120);
    active = job('queued-elsewhere');
    await sleep(200);
    expect(seen.map((shown) => shown.id)).toEqual(['queued-elsewhere']);
    await jobs.return?.();
  });

  it('shows a notified job once, and never the job that was running before it began', async () => {
    const running = job('running-before');
    let active: BulkDeleteJobView | null = running;
    const { events, deliver } = manualBus();
    const jobs = watchCompanyJobs({ events, companyId: 'c', loadActive: async () => active, refreshMs: 30 });
    const seen = collect(jobs);
    await sleep(200);
    expect(seen).toEqual([]);
    active = job('new');
    deliver(JSON.parse(JSON.stringify(active)));
    await sleep(200);
    expect(seen.map((shown) => shown.id)).toEqual(['new']);
    await jobs.return?.();
  });
});
