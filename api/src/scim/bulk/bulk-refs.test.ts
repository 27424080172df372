import { describe, expect, it } from 'vitest';
import type { BulkOperation } from './bulk-request.js';
import { findBulkIdRefs, planBulkOperations, resolveBulkIds } from './bulk-refs.js';

const post = (bulkId: string, data: Record<string, unknown> = {}): BulkOperation => ({ method: 'POST', path: '/Groups', resource: 'Groups', bulkId, data });

describe('findBulkIdRefs', () => {
  it('finds references anywhere, members included', () => {
    expect(findBulkIdRefs({ members: [{ value: 'bulkId:a' }, { value: 'x' }], manager: { value: 'bulkId:b' }, note: 'bulkId:a' })).toEqual(['a', 'b']);
  });
});

describe('resolveBulkIds', () => {
  it('replaces known references and lists the rest, without mutating', () => {
    const data = { members: [{ value: 'bulkId:a' }, { value: 'bulkId:c' }] };
    const result = resolveBulkIds(data, new Map([['a', 'id-a']]));
    expect(result).toEqual({ value: { members: [{ value: 'id-a' }, { value: 'bulkId:c' }] }, unresolved: ['c'] });
    expect(data.members[0]?.value).toBe('bulkId:a');
  });
});

describe('planBulkOperations', () => {
  it.each<[string, BulkOperation[], number[], number[]]>([
    ['no references keep request order', [post('a'), post('b')], [0, 1], []],
    ['producers move before consumers', [post('g', { members: [{ value: 'bulkId:u' }] }), post('u')], [1, 0], []],
    ['unknown reference fails only that operation', [post('g', { members: [{ value: 'bulkId:nope' }] }), post('u')], [1], [0]],
    ['self reference', [post('a', { members: [{ value: 'bulkId:a' }] })], [], [0]],
    ['cycle fails both', [post('a', { members: [{ value: 'bulkId:b' }] }), post('b', { members: [{ value: 'bulkId:a' }] })], [], [0, 1]],
    ['a consumer of a failed producer fails too', [post('a', { x: 'bulkId:zz' }), post('b', { x: 'bulkId:a' })], [], [0, 1]],
    ['path references count', [{ method: 'PATCH', path: '/Groups/bulkId:g', resource: 'Groups', id: 'bulkId:g', data: {} }, post('g')], [1, 0], []],
  ])('%s', (_label, operations, order, failed) => {
    const plan = planBulkOperations(operations);
    expect(plan.order).toEqual(order);
    expect([...plan.failures.keys()].sort()).toEqual(failed);
    for (const error of plan.failures.values()) expect(error).toMatchObject({ status: 409 });
  });
});
