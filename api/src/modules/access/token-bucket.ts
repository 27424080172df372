/** A sustained rate with a burst on top; perSecond 0 means no limit. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** A company's own limit from its two nullable settings: null unless both are set. */
export function rateLimitOf(perSecond: number | null | undefined, burst: number | null | undefined): RateLimit | null {
  return perSecond === null || perSecond === undefined || burst === null || burst === undefined ? null : { perSecond, burst };
}

export interface TokenBucket {
  tokens: number;
  /** Milliseconds on a monotonic clock when `tokens` was last brought up to date. */
  at: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function fullBucket(limit: RateLimit, now: number): TokenBucket {
  return { tokens: limit.burst, at: now };
}

/**
 * Refills for the time since the last take, capped at the burst (a lowered burst caps what was
 * saved under the old one), then spends one token. A refusal spends nothing, so an IdP that
 * retries after Retry-After finds its token there.
 */
export function takeToken(bucket: TokenBucket, limit: RateLimit, now: number): Take {
  const elapsedSeconds = Math.max(0, now - bucket.at) / 1000;
  bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsedSeconds * limit.perSecond);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { allowed: true };
  }
  // Whole seconds (RFC 9110 Retry-After), never 0: "retry at once" would be answered 429 again.
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
}

/** Refilled to the brim: forgetting this bucket loses nothing. */
export function isFull(bucket: TokenBucket, limit: RateLimit, now: number): boolean {
  return bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limit.perSecond >= limit.burst;
}
