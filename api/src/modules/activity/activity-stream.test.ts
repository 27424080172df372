import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEventBus, type EventBus } from '../../events/event-bus.js';
import { createLogger } from '../../logger.js';
import { loadConfig } from '../../config.js';
import { activityChannel } from '../../events/channels.js';
import { streamActivity } from './activity-stream.js';

// The harness would load the whole app; this test needs only a database for LISTEN/NOTIFY.
const info = inject('pg');
const url = (name: string) => `postgres://${info.user}:${info.password}@${info.host}:${info.port}/${name}`;
const databaseName = `roster_test_${randomBytes(6).toString('hex')}`;
async function admin(sql: string) {
  const client = new pg.Client({ connectionString: url('postgres') });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

let bus: EventBus;
let active = 0;

/** The real bus, counting live subscriptions so the test can see them end. */
function counting(inner: EventBus): EventBus {
  return {
    ...inner,
    subscribe: async (channel, handler) => {
      const unsubscribe = await inner.subscribe(channel, handler);
      active += 1;
      return async () => {
        active -= 1;
        await unsubscribe();
      };
    },
  };
}

beforeAll(async () => {
  await admin(`create database ${databaseName}`);
  bus = createEventBus(url(databaseName), createLogger(loadConfig({ LOG_LEVEL: 'silent' })));
});
afterAll(async () => {
  await bus?.close();
  await admin(`drop database if exists ${databaseName} with (force)`);
});

const event = (companyId: string, id: string) => ({
  id, companyId, occurredAt: '2026-11-28T13:00:00.000Z', tokenId: null, tokenLabel: 'Okta', userAgent: null,
  method: 'POST', operation: 'Create user', resourceType: 'User', resourceId: null, status: 201, scimType: null, message: null, durationMs: 1,
});

describe('streamActivity', () => {
  it('yields the company\'s events in order, ignores a stray payload, and stops listening on return()', async () => {
    const stream = await streamActivity(counting(bus), 'company-a');
    expect(active).toBe(1);
    await bus.publish(activityChannel('company-a'), { not: 'an event' });
    await bus.publish(activityChannel('company-a'), event('company-b', '1'));
    await bus.publish(activityChannel('company-a'), event('company-a', '2'));
    await bus.publish(activityChannel('company-a'), event('company-a', '3'));
    const first = await stream.next();
    expect(first.value).toMatchObject({ id: '2', tokenLabel: 'Okta' });
    expect(first.value?.occurredAt).toEqual(new Date('2026-11-28T13:00:00.000Z'));
    expect((await stream.next()).value?.id).toBe('3');
    const pending = stream.next();
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(active).toBe(0);
  });
});
