import { describe, expect, it } from "vitest";
import {
  bootstrapInterval,
  cohenKappa,
  confusionMatrix,
  evaluate,
  kappaFromMatrix,
  krippendorffAlphaNominal,
} from "@/lib/labeling/index";

const _ = null;

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing data. */
const NOMINAL_MISSING = [
  ["1", "2", "3", "3", "2", "1", "4", "1", "2", _, _, _],
  ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", _, "3"],
  [_, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", _],
  ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", _],
];

/** Krippendorff (2011), section A: two observers, binary data, 10 units. */
const BINARY = [
  ["0", "1", "0", "0", "0", "0", "0", "0", "1", "0"],
  ["1", "1", "1", "0", "0", "1", "0", "0", "0", "0"],
];

/** A second computation of nominal alpha: from pairs of values, without a coincidence matrix. */
function alphaByPairs(data: (string | null)[][]): number {
  const units = (data[0] ?? []).length;
  const pairable: string[][] = [];
  for (let u = 0; u < units; u++) {
    const values = data
      .map((row) => row[u])
      .filter((v): v is string => v !== null && v !== undefined);
    if (values.length >= 2) pairable.push(values);
  }
  const all = pairable.flat();
  const n = all.length;
  let within = 0;
  for (const values of pairable) {
    let d = 0;
    for (let i = 0; i < values.length; i++)
      for (let j = 0; j < values.length; j++) if (i !== j && values[i] !== values[j]) d++;
    within += d / (values.length - 1);
  }
  let between = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j && all[i] !== all[j]) between++;
  return 1 - within / n / (between / (n * (n - 1)));
}

describe("Krippendorff's alpha (nominal)", () => {
  it("equals the published value for the example with missing data (0.743)", () => {
    expect(krippendorffAlphaNominal(NOMINAL_MISSING).value).toBeCloseTo(0.743, 3);
    expect(krippendorffAlphaNominal(NOMINAL_MISSING).value).toBeCloseTo(
      alphaByPairs(NOMINAL_MISSING),
      12,
    );
  });

  it("equals the published value for the binary two-observer example (0.095)", () => {
    expect(krippendorffAlphaNominal(BINARY).value).toBeCloseTo(0.095, 3);
    expect(krippendorffAlphaNominal(BINARY).value).toBeCloseTo(alphaByPairs(BINARY), 12);
  });

  it("is 1 for perfect agreement and ignores units with one value", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "b", "a", "x"],
        ["a", "b", "a", _],
      ]).value,
    ).toBe(1);
  });

  it("is undefined, with the reason, when every value is the same label or no unit is pairable", () => {
    // one label throughout: D_e = 0, and alpha = 1 − D_o/D_e is 0/0 (not 1)
    expect(
      krippendorffAlphaNominal([
        ["a", "a", "a"],
        ["a", "a", _],
      ]),
    ).toEqual({
      value: undefined,
      reason: "every rating is “a”, so expected disagreement is 0 and alpha is 0/0",
    });
    const unpaired = krippendorffAlphaNominal([
      ["a", _, "b"],
      [_, "b", _],
    ]);
    expect(unpaired.reason).toMatch(/no item has two or more ratings/);
    expect(krippendorffAlphaNominal([]).reason).toMatch(/no item has two or more ratings/);
  });
});

describe("Cohen's kappa", () => {
  // A textbook example (Wikipedia, "Cohen's kappa"): 50 proposals, two readers:
  // both yes 20, A yes/B no 5, A no/B yes 10, both no 15 → po 0.70, pe 0.50, κ 0.40.
  const a = [
    ...new Array<string>(20).fill("yes"),
    ...new Array<string>(5).fill("yes"),
    ...new Array<string>(10).fill("no"),
    ...new Array<string>(15).fill("no"),
  ] as string[];
  const b = [
    ...new Array<string>(20).fill("yes"),
    ...new Array<string>(5).fill("no"),
    ...new Array<string>(10).fill("yes"),
    ...new Array<string>(15).fill("no"),
  ] as string[];

  it("equals the textbook example from raw labels and from the confusion matrix", () => {
    expect(cohenKappa(a, b).value).toBeCloseTo(0.4, 12);
    expect(
      kappaFromMatrix([
        [20, 5],
        [10, 15],
      ]).value,
    ).toBeCloseTo(0.4, 12);
    expect(kappaFromMatrix(confusionMatrix(a, b, ["yes", "no"])).value).toBeCloseTo(0.4, 12);
  });

  it("is undefined, with the reason, for identical constant ratings (0/0, not 1)", () => {
    const same = ["spam", "spam", "spam"];
    expect(cohenKappa(same, same)).toEqual({
      value: undefined,
      reason: "every rating is “spam”, so chance agreement is 1 and kappa is 0/0",
    });
    expect(
      kappaFromMatrix([
        [3, 0],
        [0, 0],
      ]),
    ).toEqual({
      value: undefined,
      reason: "every rating is the same label, so chance agreement is 1 and kappa is 0/0",
    });
    // one rater constant, the other not: p_e < 1, kappa is defined (here 0)
    expect(cohenKappa(same, ["spam", "ham", "spam"]).value).toBe(0);
  });

  it("is undefined, with the reason, when no item has both ratings (not 0)", () => {
    const none = cohenKappa(["a", null, "b"], [null, "a", null]);
    expect(none).toEqual({
      value: undefined,
      reason: "no item has both ratings, so there is nothing to compare",
    });
    expect(cohenKappa([], []).reason).toMatch(/no item has both ratings/);
    expect(kappaFromMatrix([]).reason).toMatch(/no item has both ratings/);
    expect(
      kappaFromMatrix([
        [0, 0],
        [0, 0],
      ]).reason,
    ).toMatch(/no item has both ratings/);
  });

  it("agrees between the two computations on many random label sets", () => {
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const labels = ["p", "q", "r"];
    for (let t = 0; t < 50; t++) {
      const g = Array.from({ length: 40 }, () => labels[Math.floor(rand() * 3)] as string);
      const p = g.map((x) => (rand() < 0.6 ? x : (labels[Math.floor(rand() * 3)] as string)));
      expect(cohenKappa(g, p).value).toBeCloseTo(
        kappaFromMatrix(confusionMatrix(g, p, labels)).value ?? NaN,
        12,
      );
    }
  });
});

describe("evaluate", () => {
  it("gives hand-computed accuracy, per-class scores and macro/micro F1", () => {
    // gold:      a a a b b c
    // predicted: a a b b c c
    const e = evaluate(
      ["a", "a", "a", "b", "b", "c"],
      ["a", "a", "b", "b", "c", "c"],
      ["a", "b", "c"],
    );
    expect(e.matrix).toEqual([
      [2, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
    ]);
    expect(e.accuracy.value).toBeCloseTo(4 / 6, 12);
    // a: P 2/2 R 2/3 F1 0.8; b: P 1/2 R 1/2 F1 0.5; c: P 1/2 R 1 F1 2/3
    expect(e.perClass.map((c) => c.f1)).toEqual([
      expect.closeTo(0.8, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(2 / 3, 12),
    ]);
    expect(e.macroF1.value).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
    expect(e.microF1.value).toBeCloseTo(4 / 6, 12);
    expect(e.kappa.value).toBeCloseTo(kappaFromMatrix(e.matrix).value ?? NaN, 12);
  });

  it("counts a flagged item (no prediction) as wrong, in its own column", () => {
    const e = evaluate(["a", "b"], ["a", null], ["a", "b"]);
    expect(e.matrix).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(e.accuracy.value).toBe(0.5);
    // kappa counts it as a disagreement too: p_o = 1/2, p_e = P(a)·P(a) = 1/4 → (1/2 − 1/4)/(3/4)
    expect(e.kappa.value).toBeCloseTo(1 / 3, 12);
  });

  it("averages macro F1 over the labels in use (a label nobody used is left out)", () => {
    const e = evaluate(["a", "a", "b"], ["a", "a", "b"], ["a", "b", "c"]);
    expect(e.macroF1.value).toBe(1);
    const missed = evaluate(["a", "c"], ["a", "a"], ["a", "b", "c"]);
    // a: P 1/2 R 1 F1 2/3; c: F1 0; b unused
    expect(missed.macroF1.value).toBeCloseTo(1 / 3, 12);
  });

  it("has no accuracy, F1 or kappa for no items: each is undefined with the reason", () => {
    const e = evaluate([], [], ["a", "b"]);
    expect(e.n).toBe(0);
    for (const s of [e.accuracy, e.macroF1, e.microF1, e.kappa])
      expect(s).toEqual({
        value: undefined,
        reason: "there are no items to compare, so it is 0/0",
      });
  });

  it("has accuracy 1 but no kappa when gold and model give every item the same label", () => {
    const e = evaluate(["a", "a"], ["a", "a"], ["a", "b"]);
    expect(e.accuracy.value).toBe(1);
    expect(e.kappa.reason).toMatch(/every rating is “a”/);
  });
});

describe("bootstrapInterval", () => {
  const correct = Array.from({ length: 400 }, (_, i) => (i % 10 < 7 ? 1 : 0));
  const accuracy = (idx: readonly number[]) =>
    idx.reduce((a, i) => a + (correct[i] ?? 0), 0) / idx.length;

  it("is reproducible with a seed and close to the normal approximation", () => {
    const one = bootstrapInterval(400, accuracy, { seed: 3 });
    expect(bootstrapInterval(400, accuracy, { seed: 3 })).toEqual(one);
    expect(bootstrapInterval(400, accuracy, { seed: 4 })).not.toEqual(one);
    expect(one.estimate).toBeCloseTo(0.7, 12);
    const half = 1.96 * Math.sqrt((0.7 * 0.3) / 400);
    expect(one.low).toBeCloseTo(0.7 - half, 1);
    expect(one.high).toBeCloseTo(0.7 + half, 1);
    expect(Math.abs(one.high - one.low - 2 * half)).toBeLessThan(0.25 * 2 * half);
  });
});
