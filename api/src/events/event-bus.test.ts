import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../logger.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { createEventBus, type EventBus } from './event-bus.js';

let database: TestDatabase;
let bus: EventBus;
const logger = createLogger({ logLevel: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
  bus = createEventBus(database.url, logger);
});
afterAll(async () => {
  await bus?.close();
  await database?.drop();
});

async function terminateListeners(): Promise<number> {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`,
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('event bus', () => {
  it('delivers across connections, and again after its listening connection is killed', async () => {
    const received: unknown[] = [];
    let reconnects = 0;
    bus.onReconnect(() => (reconnects += 1));
    await bus.subscribe('bus-test', (payload) => received.push(payload));
    await bus.publish('bus-test', { n: 1 });
    await expect.poll(() => received).toEqual([{ n: 1 }]);

    expect(await terminateListeners()).toBeGreaterThan(0);
    await expect.poll(() => reconnects, { timeout: 10_000 }).toBeGreaterThan(0);
    await bus.publish('bus-test', { n: 2 });
    await expect.poll(() => received).toEqual([{ n: 1 }, { n: 2 }]);
    await sleep(100);
    expect(received).toHaveLength(2); // one listener, not one per reconnect attempt
  });
});
