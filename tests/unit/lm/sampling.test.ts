import { describe, expect, it } from "vitest";
import {
  argmax,
  createRandom,
  sampleIndex,
  sampleNext,
  samplingDistribution,
  softmax,
  topKIndices,
} from "@/lib/lm/index";

const LOGITS = [2, 1, 0.5, -1, 3, 0];

describe("softmax", () => {
  it("matches exp(x) / Σ exp(x) computed by hand", () => {
    const p = softmax([0, Math.log(2), Math.log(3)]);
    expect(Array.from(p)).toEqual(
      [1 / 6, 2 / 6, 3 / 6].map((v) => expect.closeTo(v, 12) as number),
    );
  });

  it("divides the logits by the temperature", () => {
    // T = 2 on logits (0, 2 ln 2) is softmax(0, ln 2) = (1/3, 2/3).
    const p = softmax([0, 2 * Math.log(2)], 2);
    expect(p[0]).toBeCloseTo(1 / 3, 12);
    expect(p[1]).toBeCloseTo(2 / 3, 12);
  });

  it("stays finite for huge logits", () => {
    const p = softmax([1000, 1000]);
    expect(Array.from(p)).toEqual([0.5, 0.5]);
  });
});

describe("samplingDistribution", () => {
  it("puts all mass on the argmax at temperature 0", () => {
    const p = samplingDistribution(LOGITS, { temperature: 0, topK: 0 });
    expect(argmax(LOGITS)).toBe(4);
    expect(Array.from(p)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it("approaches the argmax as the temperature goes to 0", () => {
    const p = samplingDistribution(LOGITS, { temperature: 0.01, topK: 0 });
    expect(p[4]).toBeGreaterThan(0.999);
  });

  it("restricts the support to the top k and renormalises", () => {
    const p = samplingDistribution(LOGITS, { temperature: 1, topK: 2 });
    const kept = softmax([3, 2]);
    expect(p[4]).toBeCloseTo(kept[0] as number, 12);
    expect(p[0]).toBeCloseTo(kept[1] as number, 12);
    expect([p[1], p[2], p[3], p[5]]).toEqual([0, 0, 0, 0]);
    expect(topKIndices(LOGITS, 3)).toEqual([4, 0, 1]);
  });

  it("flattens towards uniform at a high temperature", () => {
    const p = samplingDistribution(LOGITS, { temperature: 1000, topK: 0 });
    for (const v of p) expect(v).toBeCloseTo(1 / LOGITS.length, 2);
  });

  it("rejects a negative temperature", () => {
    expect(() => samplingDistribution(LOGITS, { temperature: -1, topK: 0 })).toThrow(RangeError);
  });
});

describe("sampling with a seed", () => {
  it("repeats the same draws for the same seed and differs for another", () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 50 }, () =>
        sampleNext(LOGITS, { temperature: 1.5, topK: 0 }, random),
      );
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("never draws outside the top k", () => {
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++)
      expect([4, 0, 1]).toContain(sampleNext(LOGITS, { temperature: 5, topK: 3 }, random));
  });

  it("draws the argmax every time at temperature 0", () => {
    const random = createRandom(9);
    for (let i = 0; i < 200; i++)
      expect(sampleNext(LOGITS, { temperature: 0, topK: 0 }, random)).toBe(4);
  });

  it("matches the softmax within tolerance over 100,000 draws", () => {
    const random = createRandom(2024);
    const n = 100_000;
    const counts = new Array<number>(LOGITS.length).fill(0);
    for (let i = 0; i < n; i++) {
      const k = sampleNext(LOGITS, { temperature: 0.8, topK: 0 }, random);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const expected = softmax(LOGITS, 0.8);
    counts.forEach((c, i) => {
      const p = expected[i] as number;
      // Within 5 standard errors of a binomial proportion.
      expect(Math.abs(c / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 1e-9);
    });
  });

  it("sampleIndex walks the cumulative distribution", () => {
    const fixed = (u: number) => () => u;
    expect(sampleIndex([0.2, 0.5, 0.3], fixed(0))).toBe(0);
    expect(sampleIndex([0.2, 0.5, 0.3], fixed(0.2))).toBe(1);
    expect(sampleIndex([0.2, 0.5, 0.3], fixed(0.69))).toBe(1);
    expect(sampleIndex([0.2, 0.5, 0.3], fixed(0.7))).toBe(2);
    expect(sampleIndex([0, 1, 0], fixed(0.9999999))).toBe(1);
  });

  it("rejects a seed that is not a whole number from 0 to 2³² − 1", () => {
    expect(() => createRandom(-1)).toThrow(RangeError);
    expect(() => createRandom(1.5)).toThrow(RangeError);
  });
});

describe("samplingDistribution with top-p", () => {
  it("keeps the shortest most-likely prefix whose mass reaches p, renormalised", () => {
    // softmax of log([0.5, 0.3, 0.15, 0.05]) is the same list.
    const logits = [0.5, 0.3, 0.15, 0.05].map(Math.log);
    const d = samplingDistribution(logits, { temperature: 1, topK: 0, topP: 0.75 });
    expect(Array.from(d).map((p) => Number(p.toFixed(12)))).toEqual([0.625, 0.375, 0, 0]);
    const all = samplingDistribution(logits, { temperature: 1, topK: 0, topP: 1 });
    expect(all[3]).toBeCloseTo(0.05, 12);
    const one = samplingDistribution(logits, { temperature: 1, topK: 0, topP: 0.1 });
    expect(Array.from(one)).toEqual([1, 0, 0, 0]);
  });

  it("refuses p outside (0, 1]", () => {
    expect(() => samplingDistribution([0, 1], { temperature: 1, topK: 0, topP: 0 })).toThrow(
      /top-p/,
    );
    expect(() => samplingDistribution([0, 1], { temperature: 1, topK: 0, topP: 1.2 })).toThrow(
      /top-p/,
    );
  });
});
