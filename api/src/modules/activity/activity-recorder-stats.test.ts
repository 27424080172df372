import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { migrate, openOrm, type Orm } from '../../db/orm.js';
import type { SqlPool } from '../../db/sql.js';
import { createEventBus, type EventBus } from '../../events/event-bus.js';
import { createLogger } from '../../logger.js';
import { createServices } from '../../services.js';
import { createTestDatabase, openTestSql, type TestDatabase } from '../../../test/harness.js';
import { createActivityRecorder, type ProvisioningEventInput } from './activity-recorder.js';

let database: TestDatabase;
let orm: Orm;
let sql: SqlPool;
let events: EventBus;
const config = loadConfig({ LOG_LEVEL: 'silent' });
const logger = createLogger(config);

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url, 4);
  sql = openTestSql(database.url, 4);
  await migrate(orm, database.url);
  events = createEventBus(database.url, logger);
});
afterAll(async () => {
  await events?.close();
  await sql?.close();
  await orm?.close();
  await database?.drop();
});

const event = (companyId: string, occurredAt: Date): ProvisioningEventInput => ({
  companyId, occurredAt, tokenId: null, tokenLabel: 'Okta', userAgent: null, method: 'GET', operation: 'List Users',
  resourceType: 'User', resourceId: null, status: 200, scimType: null, message: null, durationMs: 1,
});

describe('activity recorder stats (for /metrics)', () => {
  it('report the age of the oldest unwritten event, what waits, and what a failed write dropped', async () => {
    const company = await createServices(orm.em.fork(), sql, config).companies.createCompany('rec-co', 'Recorder');
    // A long interval: nothing is written until the test flushes.
    const recorder = createActivityRecorder({ sql, events, logger, retentionPerCompany: 100, flushIntervalMs: 60_000 });
    expect(recorder.stats()).toEqual({ lagSeconds: 0, buffered: 0, lost: 0 });

    const now = Date.now();
    recorder.record(event(company.id, new Date(now - 5_000)));
    recorder.record(event(company.id, new Date(now - 1_000)));
    expect(recorder.stats(now)).toEqual({ lagSeconds: 5, buffered: 2, lost: 0 });
    await recorder.flush();
    expect(recorder.stats()).toEqual({ lagSeconds: 0, buffered: 0, lost: 0 });

    recorder.record(event(randomUUID(), new Date())); // no such company: the insert fails
    await recorder.flush();
    expect(recorder.stats()).toMatchObject({ buffered: 0, lost: 1 });
  });
});
