export interface RateLimitOptions {
  /** Receipts a client may send at once (default 20). */
  burst?: number;
  /** Receipts per second a client gets back after that (default 1). */
  perSecond?: number;
  /** Clients remembered at most; the fullest buckets are forgotten first (default 50,000). */
  maxClients?: number;
}

/**
 * A token bucket per client key, in memory only (keys are addresses and are never stored). A visitor makes a
 * handful of decisions; a client sending hundreds a minute is a script, and gets 429 instead of rows.
 * Several app servers each keep their own buckets: the limit is per server, which is enough against a flood.
 */
export function createRateLimiter({ burst = 20, perSecond = 1, maxClients = 50_000 }: RateLimitOptions = {}) {
  const buckets = new Map<string, { tokens: number; at: number }>();

  function forgetFullBuckets(now: number) {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) buckets.delete(key);
    }
    // Still too many (a spread-out flood): forget the oldest; they come back with a full bucket.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxClients / 2) break;
      buckets.delete(key);
    }
  }

  return {
    /** Takes one token; false when the client has none left. */
    take(key: string, now = Date.now()): boolean {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxClients) forgetFullBuckets(now);
        bucket = { tokens: burst, at: now };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    /** Seconds until the client has a token again (for Retry-After). */
    retryAfter(key: string): number {
      const bucket = buckets.get(key);
      return bucket ? Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) : 0;
    },
    get size() {
      return buckets.size;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
