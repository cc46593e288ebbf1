/**
 * Pacing for API calls: a token bucket for requests- and tokens-per-minute
 * limits, exponential backoff with jitter, and an abortable sleep.
 */

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Waits `ms` milliseconds, or rejects with the signal's reason when it aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const done = (): void => {
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    const stop = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", stop, { once: true });
  });

/**
 * A bucket holding up to `perMinute` units that refills at `perMinute` per
 * 60 s. `take(n)` waits until n units are there (a request bigger than the
 * bucket waits for a full bucket).
 */
export class RateLimiter {
  private available: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly wait: Sleep = sleep,
  ) {
    if (!(perMinute > 0)) throw new RangeError(`a per-minute limit must be > 0, got ${perMinute}`);
    this.available = perMinute;
    this.last = now();
  }

  /** Takes `n` units, waiting in turn (first come, first served). */
  take(n: number, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeNow(Math.min(n, this.perMinute), signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(): void {
    const t = this.now();
    this.available = Math.min(
      this.perMinute,
      this.available + ((t - this.last) * this.perMinute) / 60_000,
    );
    this.last = t;
  }

  private async takeNow(n: number, signal?: AbortSignal): Promise<void> {
    this.refill();
    while (this.available < n) {
      await this.wait(((n - this.available) * 60_000) / this.perMinute, signal);
      this.refill();
    }
    this.available -= n;
  }
}

export interface BackoffOptions {
  /** The first retry's delay before jitter (default 500 ms). */
  baseMs?: number;
  /** The longest delay (default 30 s). */
  maxMs?: number;
}

/**
 * The wait before retry number `attempt` (0-based): base × 2^attempt capped at
 * max, times a random factor in [0.5, 1) ("equal jitter"). A server's
 * Retry-After wins when it asks for longer.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  const { baseMs = 500, maxMs = 30_000 } = options;
  const exp = Math.min(maxMs, baseMs * 2 ** attempt);
  const jittered = exp * (0.5 + 0.5 * random());
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered * 0.1) : jittered;
}
