/**
 * A token bucket: `capacity` messages at once, refilled at `perSecond`. One
 * per WebSocket connection (and one per address for joins), so one client's
 * flood is dropped while everyone else carries on.
 */
export interface BucketOptions {
  capacity: number;
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly options: BucketOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = options.capacity;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the message is to be dropped). */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(
      this.options.capacity,
      this.tokens + ((t - this.last) / 1000) * this.options.perSecond,
    );
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Buckets by key (a remote address), forgetting the idle ones. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; used: number }>();

  constructor(
    private readonly options: BucketOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): boolean {
    const t = this.now();
    if (this.buckets.size > 10_000)
      for (const [k, v] of this.buckets) if (t - v.used > 60_000) this.buckets.delete(k);
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.options, this.now), used: t };
      this.buckets.set(key, entry);
    }
    entry.used = t;
    return entry.bucket.take();
  }
}
