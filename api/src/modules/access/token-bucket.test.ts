import { describe, expect, it } from 'vitest';
import { fullBucket, isFull, takeToken } from './token-bucket.js';

const limit = { perSecond: 5, burst: 10 };

function takeMany(count: number, at: number, bucket = fullBucket(limit, 0)) {
  return Array.from({ length: count }, () => takeToken(bucket, limit, at));
}

describe('token bucket', () => {
  it('allows the burst at once and refuses the next request', () => {
    const takes = takeMany(11, 0);
    expect(takes.slice(0, 10).every((t) => t.allowed)).toBe(true);
    expect(takes[10]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the sustained rate', () => {
    const bucket = fullBucket(limit, 0);
    takeMany(10, 0, bucket);
    // 5 per second: 400 ms brings 2 tokens back, not 3.
    expect(takeMany(3, 400, bucket).map((t) => t.allowed)).toEqual([true, true, false]);
  });

  it('never saves more than the burst', () => {
    const bucket = fullBucket(limit, 0);
    takeMany(10, 0, bucket);
    expect(takeMany(11, 3_600_000, bucket).filter((t) => t.allowed)).toHaveLength(10);
  });

  it('caps saved tokens when the burst is lowered', () => {
    const bucket = fullBucket(limit, 0);
    const lower = { perSecond: 5, burst: 2 };
    const takes = Array.from({ length: 3 }, () => takeToken(bucket, lower, 0));
    expect(takes.map((t) => t.allowed)).toEqual([true, true, false]);
  });

  it('says in whole seconds when the next token is there', () => {
    const slow = { perSecond: 0.25, burst: 1 };
    const bucket = fullBucket(slow, 0);
    takeToken(bucket, slow, 0);
    expect(takeToken(bucket, slow, 0)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(takeToken(bucket, slow, 2_500)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(takeToken(bucket, slow, 4_000)).toEqual({ allowed: true });
  });

  it('does not spend a token on a refusal', () => {
    const bucket = fullBucket(limit, 0);
    takeMany(10, 0, bucket);
    takeMany(50, 100, bucket);
    expect(takeToken(bucket, limit, 200)).toEqual({ allowed: true });
  });

  it('is full again after burst / rate seconds', () => {
    const bucket = fullBucket(limit, 0);
    takeMany(10, 0, bucket);
    expect(isFull(bucket, limit, 1_999)).toBe(false);
    expect(isFull(bucket, limit, 2_000)).toBe(true);
  });
});
