import type { Config } from '../../config.js';
import type { ScimCaller } from '../../modules/access/scim-token-auth.js';
import { fullBucket, isFull, takeToken, type RateLimit, type TokenBucket } from '../../modules/access/token-bucket.js';
import { ScimError } from '../../scim/errors.js';

const MAX_BUCKETS = 10_000;

/** A 429 that says when to come back; writeScimError turns retryAfterSeconds into Retry-After. */
export class ScimThrottled extends ScimError {
  constructor(readonly retryAfterSeconds: number, limit: RateLimit) {
    super(429, undefined, `Too many requests: this company may send ${limit.perSecond} SCIM requests per second (bursts of ${limit.burst}); retry after ${retryAfterSeconds} s`);
  }
}

/** The limit that applies to a company: its own if set, else the deployment's; null when off. */
export function companyRateLimit(caller: Pick<ScimCaller, 'rateLimit'>, defaults: Config['scimRateLimit']): RateLimit | null {
  const limit = caller.rateLimit ?? defaults;
  return limit.perSecond > 0 ? { perSecond: limit.perSecond, burst: limit.burst } : null;
}

/**
 * One token bucket per company, in this process only: no database round trip per request. Over
 * SCIM_RATE_LIMIT_REPLICAS replicas behind a load balancer each enforces its share, so the whole
 * deployment allows about the company's limit (exactly, when requests spread evenly).
 */
export function createScimRateLimiter(defaults: Config['scimRateLimit'], now: () => number = () => performance.now()) {
  // Each bucket keeps the share it was last taken under, so makeRoom can tell whether it is full.
  const buckets = new Map<string, { bucket: TokenBucket; limit: RateLimit }>();

  function share(limit: RateLimit): RateLimit {
    const replicas = defaults.replicas;
    return { perSecond: limit.perSecond / replicas, burst: Math.max(1, limit.burst / replicas) };
  }

  /** Throws ScimThrottled when the caller's company has no token left. */
  function assertWithinRateLimit(caller: ScimCaller): void {
    const limit = companyRateLimit(caller, defaults);
    if (!limit) return;
    const mine = share(limit);
    const at = now();
    let entry = buckets.get(caller.companyId);
    if (!entry) {
      makeRoom(at);
      entry = { bucket: fullBucket(mine, at), limit: mine };
      buckets.set(caller.companyId, entry);
    }
    entry.limit = mine;
    const take = takeToken(entry.bucket, mine, at);
    if (!take.allowed) throw new ScimThrottled(take.retryAfterSeconds, limit);
  }

  // Full buckets go first: a company that comes back to one finds it exactly as it was.
  function makeRoom(at: number): void {
    if (buckets.size < MAX_BUCKETS) return;
    for (const [companyId, { bucket, limit }] of buckets) {
      if (isFull(bucket, limit, at)) buckets.delete(companyId);
    }
    if (buckets.size >= MAX_BUCKETS) buckets.clear();
  }

  return { assertWithinRateLimit };
}
