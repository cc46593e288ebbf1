import { describe, expect, it } from "vitest";
import { MAX_SEED, SchellingError, createRandom, parseSeed } from "@/lib/schelling/index";

describe("parseSeed(seed)", () => {
  it.each([
    [0, 0],
    [42, 42],
    [MAX_SEED, MAX_SEED],
    ["7", 7],
    [" 123 ", 123],
  ])("accepts %j as %j", (seed, expected) => {
    expect(parseSeed(seed)).toBe(expected);
  });

  it.each([["abc"], [""], ["1.5"], [-1], [1.5], [Number.NaN], [Infinity], [MAX_SEED + 1], ["-3"]])(
    "rejects %j with a message that quotes it",
    (seed) => {
      expect(() => parseSeed(seed)).toThrow(SchellingError);
      expect(() => parseSeed(seed)).toThrow(/The seed must be a whole number from 0 to 4294967295/);
    },
  );

  it("quotes a non-numeric string", () => {
    expect(() => parseSeed("abc")).toThrow("“abc” is not");
  });
});

describe("createRandom(seed)", () => {
  const draw = (seed: number, count = 20): number[] => {
    const random = createRandom(seed);
    return Array.from({ length: count }, () => random.int(1000));
  };

  it("gives the same sequence for the same seed", () => {
    expect(draw(5)).toEqual(draw(5));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw(5)).not.toEqual(draw(6));
  });

  it("int(n) stays in [0, n) and reaches both ends", () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = random.int(6);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(random.int(1)).toBe(0);
  });

  it("float() stays in [0, 1) with a mean near 1/2", () => {
    const random = createRandom(2);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = random.float();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it("shuffle() permutes in place, and only the first `length` entries", () => {
    const items = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    createRandom(3).shuffle(items, 5);
    expect([...items.slice(0, 5)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...items.slice(5)]).toEqual([5, 6, 7, 8, 9]);
    const all = Int32Array.from({ length: 50 }, (_, i) => i);
    createRandom(3).shuffle(all);
    expect([...all]).not.toEqual([...Array(50).keys()]);
    expect([...all].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });
});

describe("createRandom(seed): seeds go through a mixer", () => {
  // Before the seed was mixed, the first int(1000) of seeds 0, 1, 2, … was 647, 646, …:
  // nearly a straight line in the seed.
  const SEEDS = 2000;
  const first = Array.from({ length: SEEDS }, (_, seed) => createRandom(seed).int(1000));

  it("the first outputs of consecutive seeds are uncorrelated", () => {
    const xs = first.slice(0, -1);
    const ys = first.slice(1);
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i++) {
      const dx = (xs[i] as number) - mx;
      const dy = (ys[i] as number) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    // For independent draws r has a standard error of 1/√n ≈ 0.022; allow 4 of them.
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(4 / Math.sqrt(xs.length));
    // And the seed itself does not predict the first output.
    const seeds = first.map((_, s) => s);
    const ms = mean(seeds);
    const mf = mean(first);
    let c = 0;
    let vs = 0;
    let vf = 0;
    for (let s = 0; s < SEEDS; s++) {
      c += (s - ms) * ((first[s] as number) - mf);
      vs += (s - ms) ** 2;
      vf += ((first[s] as number) - mf) ** 2;
    }
    expect(Math.abs(c / Math.sqrt(vs * vf))).toBeLessThan(4 / Math.sqrt(SEEDS));
  });

  it("the first outputs over seeds pass a chi-square test of uniformity (10 bins)", () => {
    const bins = new Array<number>(10).fill(0);
    for (const v of first) bins[Math.floor(v / 100)] = (bins[Math.floor(v / 100)] as number) + 1;
    const expected = SEEDS / 10;
    const chi2 = bins.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(χ² > 27.88) = 0.001.
    expect(chi2).toBeLessThan(27.88);
  });
});
