import { describe, expect, it } from 'vitest';
import { createUserHints } from './directory-user-hints.js';
import type { UserRow } from './directory-user.store.js';

const COMPANY = '6f1c1a52-0000-4000-8000-000000000001';

function row(n: number, version = 1): UserRow {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id, companyId: COMPANY, source: 'SCIM', userName: `user${n}`, externalId: null, displayName: null, active: true,
    attributes: {}, version, createdAt: new Date(0), updatedAt: new Date(0),
  };
}

function clocked(options: { max?: number; ttlMs?: number }) {
  let now = 0;
  const hints = createUserHints({ ...options, now: () => now });
  return { hints, advance: (ms: number) => (now += ms) };
}

describe('user hints', () => {
  it('answers the last state remembered, whatever the case of the id asked for', () => {
    const { hints } = clocked({});
    hints.remember(row(1, 1));
    hints.remember(row(1, 2));
    expect(hints.get(COMPANY, row(1).id.toUpperCase())?.version).toBe(2);
    expect(hints.get('another-company', row(1).id)).toBeUndefined();
    hints.forget(COMPANY, row(1).id);
    expect(hints.get(COMPANY, row(1).id)).toBeUndefined();
  });

  it('lets a hint expire, and drops the expired ones as new ones arrive (memory follows the recent traffic)', () => {
    const { hints, advance } = clocked({ ttlMs: 1000 });
    for (let n = 0; n < 150; n += 1) hints.remember(row(n));
    advance(999);
    expect(hints.get(COMPANY, row(0).id)).toBeDefined();
    hints.remember(row(0));
    advance(1);
    expect(hints.get(COMPANY, row(1).id)).toBeUndefined();
    hints.remember(row(1000));
    // Only the one remembered again within the last second and the new one are left.
    expect(hints.size()).toBe(2);
    expect(hints.get(COMPANY, row(0).id)).toBeDefined();
  });

  it('keeps at most `max`, dropping the one remembered longest ago', () => {
    const { hints } = clocked({ max: 100 });
    for (let n = 0; n < 250; n += 1) hints.remember(row(n));
    expect(hints.size()).toBe(100);
    expect(hints.get(COMPANY, row(149).id)).toBeUndefined();
    expect(hints.get(COMPANY, row(150).id)).toBeDefined();
  });
});
