import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { seedCompany } from '../../../test/seed.js';
import { createActivityRecorder, type ProvisioningEventInput } from './activity-recorder.js';
import { storableText } from './activity-sanitise.js';
import { sql } from '../../db/sql-tag.js';

let t: TestApp;
const logged: Record<string, unknown>[] = [];
const logger = pino({ level: 'warn' }, new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
}));

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const event = (companyId: string, overrides: Partial<ProvisioningEventInput> = {}): ProvisioningEventInput => ({
  companyId, occurredAt: new Date(), tokenId: null, tokenLabel: 'Okta', userAgent: 'Okta SCIM Client', method: 'GET',
  operation: 'List Users', resourceType: 'User', resourceId: null, status: 200, scimType: null, message: null, durationMs: 2,
  ...overrides,
});

async function messagesOf(companyId: string): Promise<(string | null)[]> {
  const rows = await t.sql.query<{ message: string | null }>(
    sql`select message from provisioning_event where company_id = ${companyId} order by id`);
  return rows.map((row) => row.message);
}

describe('storableText', () => {
  it('replaces NUL and lone surrogates, keeps pairs, and cuts without splitting a pair', () => {
    expect(storableText('a\u0000b', 10)).toBe('a\uFFFDb');
    expect(storableText('x\uD800y\uDC00z', 10)).toBe('x\uFFFDy\uFFFDz');
    expect(storableText('ok \u{1F600}', 10)).toBe('ok \u{1F600}');
    expect(storableText('ab\u{1F600}', 3)).toBe('ab\uFFFD');
  });
});

describe('activity recorder', () => {
  it('stores every company\'s events of a batch when one carries NUL, a lone surrogate or overlong text', async () => {
    const [a, b] = [await seedCompany(t), await seedCompany(t)];
    const recorder = createActivityRecorder({ sql: t.sql, events: t.events, logger, retentionPerCompany: 1000 });
    recorder.record(event(b.companyId, { message: 'before' }));
    recorder.record(event(a.companyId, { status: 400, scimType: 'invalidFilter', message: 'bad filter userName eq "a\u0000b\uD800"', userAgent: 'x'.repeat(5000) }));
    recorder.record(event(b.companyId, { message: 'after' }));
    await recorder.stop();
    expect(await messagesOf(a.companyId)).toEqual(['bad filter userName eq "a\uFFFDb\uFFFD"']);
    expect(await messagesOf(b.companyId)).toEqual(['before', 'after']);
  });

  it('writes a batch the database still refuses row by row, and logs only the refused row, with its company', async () => {
    const [a, b] = [await seedCompany(t), await seedCompany(t)];
    const recorder = createActivityRecorder({ sql: t.sql, events: t.events, logger, retentionPerCompany: 1000 });
    const gone = '00000000-0000-4000-8000-000000000000'; // a company deleted meanwhile: the foreign key refuses it
    logged.length = 0;
    recorder.record(event(a.companyId, { message: 'a1' }));
    recorder.record(event(gone, { message: 'orphan' }));
    recorder.record(event(b.companyId, { message: 'b1' }));
    recorder.record(event(a.companyId, { message: 'a2' }));
    await recorder.stop();
    expect(await messagesOf(a.companyId)).toEqual(['a1', 'a2']);
    expect(await messagesOf(b.companyId)).toEqual(['b1']);
    expect(logged.map((line) => [line['msg'], line['companyId'], line['lost']])).toEqual([
      ['provisioning events refused by the database', gone, 1],
    ]);
  });
});
