import { describe, expect, it } from 'vitest';
import type { ScimCaller } from '../../modules/access/scim-token-auth.js';
import { createScimRateLimiter, ScimThrottled } from './rate-limit.js';

const caller = (companyId: string, rateLimit: ScimCaller['rateLimit'] = null): ScimCaller => ({
  companyId, slug: companyId, scimStatus: 'ACTIVE', entraIdEnabled: false, tokenId: 't', tokenLabel: 'IdP', rateLimit, tokenExpiresAt: null,
});

function allowedOf(limiter: ReturnType<typeof createScimRateLimiter>, who: ScimCaller, attempts: number): number {
  let allowed = 0;
  for (let i = 0; i < attempts; i++) {
    try {
      limiter.assertWithinRateLimit(who);
      allowed++;
    } catch (error) {
      expect(error).toBeInstanceOf(ScimThrottled);
    }
  }
  return allowed;
}

describe('SCIM rate limiter', () => {
  const frozen = () => 0;

  it('gives each replica its share of the limit', () => {
    const limiter = createScimRateLimiter({ perSecond: 100, burst: 300, replicas: 3 }, frozen);
    expect(allowedOf(limiter, caller('a'), 500)).toBe(100);
  });

  it('lets every request through when the limit is 0, globally or for the company', () => {
    const off = createScimRateLimiter({ perSecond: 0, burst: 300, replicas: 1 }, frozen);
    expect(allowedOf(off, caller('a'), 1000)).toBe(1000);
    const on = createScimRateLimiter({ perSecond: 1, burst: 1, replicas: 1 }, frozen);
    expect(allowedOf(on, caller('b', { perSecond: 0, burst: 1 }), 1000)).toBe(1000);
  });

  it('follows a company limit that changes while its bucket exists', () => {
    const limiter = createScimRateLimiter({ perSecond: 1, burst: 5, replicas: 1 }, frozen);
    expect(allowedOf(limiter, caller('a'), 3)).toBe(3);
    // The saved 2 tokens are capped at the new burst of 1.
    expect(allowedOf(limiter, caller('a', { perSecond: 1, burst: 1 }), 5)).toBe(1);
  });

  it('names the whole limit, not the replica share, and says when to retry', () => {
    const limiter = createScimRateLimiter({ perSecond: 2, burst: 2, replicas: 2 }, frozen);
    limiter.assertWithinRateLimit(caller('a'));
    expect(() => limiter.assertWithinRateLimit(caller('a'))).toThrow(
      expect.objectContaining({ status: 429, retryAfterSeconds: 1, message: expect.stringContaining('2 SCIM requests per second (bursts of 2)') }),
    );
  });
});
