import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, RateLimiter } from "@/lib/labeling/index";

describe("RateLimiter", () => {
  it("lets a full minute's requests through, then paces them at the per-minute rate", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(
      60,
      () => now,
      (ms) => {
        waits.push(ms);
        now += ms;
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 60; i++) await limiter.take(1);
    expect(now).toBe(0);
    for (let i = 0; i < 5; i++) await limiter.take(1);
    // 60 per minute = one per second once the bucket is empty
    expect(now).toBeCloseTo(5000, 6);
  });

  it("caps a request bigger than the bucket at a full bucket", async () => {
    let now = 0;
    const limiter = new RateLimiter(
      1000,
      () => now,
      (ms) => {
        now += ms;
        return Promise.resolve();
      },
    );
    await limiter.take(5000);
    await limiter.take(500);
    expect(now).toBeCloseTo(30_000, 6);
  });
});

describe("backoff and Retry-After", () => {
  it("doubles with equal jitter and a cap", () => {
    const o = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, o, () => 0)).toBe(50);
    expect(backoffDelay(0, o, () => 0.999999)).toBeCloseTo(100, 3);
    expect(backoffDelay(3, o, () => 0)).toBe(400);
    expect(backoffDelay(10, o, () => 0)).toBe(500);
    expect(backoffDelay(0, o, () => 0.5, 7000)).toBe(7000);
  });

  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("2", "150")).toBe(150);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", null, 4000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
