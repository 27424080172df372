import type { Config } from '../../config.js';
import { createPeriodicTask } from '../../db/periodic-task.js';
import type { Sql } from '../../db/sql.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Logger } from '../../logger.js';
import { createEventSignal } from './event-signal.js';
import { createEventStore } from './event-store.js';
import { secretBoxFor } from './webhook-secrets.js';
import { createWebhookWorker } from './webhook-worker.js';

const RETENTION_INTERVAL_MS = 10 * 60_000;

/** The background half of directory events on this replica: the webhook worker and retention. */
export function createDirectoryEventsRuntime({ sql, config, events, logger }: { sql: Sql; config: Config; events: EventBus; logger: Logger }) {
  const signal = createEventSignal(events);
  const worker = createWebhookWorker({ sql, events, logger, config, secrets: secretBoxFor(config) });
  const retention = createPeriodicTask(RETENTION_INTERVAL_MS, async () => {
    const pruned = await createEventStore(sql).prune(config.events.retentionDays);
    if (pruned > 0) logger.info({ pruned }, 'directory events past retention pruned');
  }, (error) => logger.warn({ err: error }, 'directory event retention failed; retried later'));
  return {
    signal,
    async start(): Promise<void> {
      await worker.start();
      retention.start();
    },
    async stop(): Promise<void> {
      await retention.stop();
      await worker.stop();
    },
  };
}
