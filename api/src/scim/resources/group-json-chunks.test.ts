import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { groupJsonChunks } from './group-json-chunks.js';
import { parseProjection } from './projection.js';
import { serializeGroup, type GroupRow } from './serialize.js';

const BASE = 'https://roster.test/pp/scim/v2/acme';

const member = fc.record({
  value: fc.uuid(),
  type: fc.constantFrom('User' as const, 'Group' as const),
  display: fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null }),
});

const group = fc.record({
  id: fc.uuid(),
  displayName: fc.string({ unit: 'binary', maxLength: 12 }),
  externalId: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  attributes: fc.dictionary(fc.constantFrom('displayName', 'externalId', 'x-note', 'members'), fc.string({ maxLength: 6 })),
  createdAt: fc.constant(new Date('2026-01-02T03:04:05Z')),
  updatedAt: fc.constant(new Date('2026-02-03T04:05:06Z')),
  version: fc.nat({ max: 1000 }),
}) as fc.Arbitrary<GroupRow>;

/** Projections a client may send on GET /Groups/{id} that keep members, and some that drop them. */
const projection = fc.constantFrom(
  parseProjection(null, null),
  parseProjection('members.value', null),
  parseProjection('members.display,displayName', null),
  parseProjection('members', null),
  parseProjection(null, 'members.display'),
  parseProjection(null, 'meta,externalId'),
  parseProjection('displayName', null),
  parseProjection(null, 'members'),
);

async function* inBatches<T>(batches: T[][]) {
  for (const batch of batches) yield batch;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('groupJsonChunks', () => {
  test.prop([group, fc.array(fc.array(member, { maxLength: 5 }), { maxLength: 5 }), projection], { numRuns: 300 })(
    'writes, batch after batch, exactly the JSON text serializeGroup gives for the whole group',
    async (row, batches, wanted) => {
      const options = { baseUrl: BASE, projection: wanted };
      const whole = JSON.stringify(serializeGroup({ ...row, members: batches.flat() }, options));
      expect(await text(groupJsonChunks(row, inBatches(batches), options))).toBe(whole);
    },
  );
});
