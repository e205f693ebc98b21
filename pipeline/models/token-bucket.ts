/** A continuously refilled token bucket, the algorithm the Anthropic API uses for its rate limits. */

export type TokenBucket = {
  /** Units per window (requests, input tokens or output tokens per minute). */
  limit: number;
  /** Largest level the bucket can hold. */
  capacity: number;
  level: number;
  updatedAt: number;
  readonly windowMs: number;
};

/**
 * Creates a full bucket holding `burst` of `limit` per `windowMs`.
 * @param burst share of the limit that can be spent at once (default: `1`, a whole window)
 */
export function createTokenBucket(limit: number, windowMs: number, now: number, burst = 1): TokenBucket {
  const capacity = Math.max(1, limit * burst);
  return { limit, capacity, level: capacity, updatedAt: now, windowMs };
}

/** Brings the level up to `now`. */
export function refillBucket(bucket: TokenBucket, now: number): void {
  // `updatedAt` may lie ahead: the bucket does not refill until then.
  if (now <= bucket.updatedAt) return;
  const rate = bucket.limit / bucket.windowMs;
  bucket.level = Math.min(bucket.capacity, bucket.level + (now - bucket.updatedAt) * rate);
  bucket.updatedAt = now;
}

/** Milliseconds until `amount` units are available (0 when they are now). */
export function msUntilAvailable(bucket: TokenBucket, amount: number, now: number): number {
  refillBucket(bucket, now);
  const needed = Math.min(amount, bucket.capacity);
  if (bucket.level >= needed) return 0;
  return Math.ceil((needed - bucket.level) / (bucket.limit / bucket.windowMs));
}

/** Takes `amount` units (the level may go negative: a debt repaid by the refill). */
export function takeFromBucket(bucket: TokenBucket, amount: number, now: number): void {
  refillBucket(bucket, now);
  bucket.level -= amount;
}

/** Gives back units reserved but not used. */
export function refundToBucket(bucket: TokenBucket, amount: number, now: number): void {
  refillBucket(bucket, now);
  bucket.level = Math.min(bucket.capacity, bucket.level + amount);
}

/** Milliseconds until the bucket is full again. */
export function msUntilFull(bucket: TokenBucket, now: number): number {
  refillBucket(bucket, now);
  return Math.ceil((bucket.capacity - bucket.level) / (bucket.limit / bucket.windowMs));
}
