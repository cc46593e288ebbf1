import { describe, expect, it } from "vitest";
import {
  evaluationReport,
  NOTHING_LABELLED,
  statisticText,
  type ItemResult,
} from "@/lib/labeling/index";
import { spamTask } from "./helpers";

const result = (id: string, label: string | null, votes?: (string | null)[]): ItemResult => ({
  id,
  status: label === null ? "flagged" : "labelled",
  labels: label === null ? [] : [label],
  votes: (votes ?? [label]).map((v) => (v === null ? null : [v])),
  raw: [],
  requests: 1,
  usage: { input: 0, cachedInput: 0, output: 0 },
  notes: [],
});

/**
 * The lesson's worked example (20 items): gold 6 spam / 14 ham; the model says
 * spam for 5 of the 6 spam and for 2 of the ham. By hand: p_o = 17/20 = 0.85,
 * p_e = (7/20)(6/20) + (13/20)(14/20) = 0.105 + 0.455 = 0.56, kappa = 0.29/0.44.
 */
function workedExample(): { gold: Map<string, string>; results: ItemResult[]; ids: string[] } {
  const gold = new Map<string, string>();
  const results: ItemResult[] = [];
  for (let i = 0; i < 20; i++) {
    const id = `m${i}`;
    const g = i < 6 ? "spam" : "ham";
    const p = i < 5 ? "spam" : i === 5 ? "ham" : i < 8 ? "spam" : "ham";
    gold.set(id, g);
    results.push(result(id, p));
  }
  return { gold, results, ids: [...gold.keys()] };
}

describe("evaluationReport", () => {
  it("matches the hand-computed accuracy, F1 and kappa, with intervals around them", () => {
    const { gold, results, ids } = workedExample();
    const items = ids.map((id) => ({ id, text: id }));
    const report = evaluationReport(spamTask(), items, results, gold);
    expect(report.reason).toBe("");
    expect(report.scored).toBe(20);
    const e = report.evaluation;
    expect(e?.accuracy.value).toBeCloseTo(0.85, 12);
    expect(e?.kappa.value).toBeCloseTo(0.29 / 0.44, 12);
    // spam: precision 5/7, recall 5/6; ham: precision 12/13, recall 12/14
    const f1 = (p: number, r: number): number => (2 * p * r) / (p + r);
    expect(e?.macroF1.value).toBeCloseTo((f1(5 / 7, 5 / 6) + f1(12 / 13, 12 / 14)) / 2, 12);
    for (const ci of [report.accuracy, report.macroF1, report.kappa]) {
      expect(ci).not.toBeNull();
      expect(ci?.low).toBeLessThanOrEqual(ci?.estimate ?? NaN);
      expect(ci?.high).toBeGreaterThanOrEqual(ci?.estimate ?? NaN);
      expect((ci?.high ?? 0) - (ci?.low ?? 0)).toBeGreaterThan(0);
    }
    expect(report.accuracy?.estimate).toBeCloseTo(0.85, 12);
    expect(report.votesAlpha).toBeNull();
  });

  it("is seeded: the same data gives the same intervals", () => {
    const { gold, results, ids } = workedExample();
    const items = ids.map((id) => ({ id, text: id }));
    const a = evaluationReport(spamTask(), items, results, gold, { seed: 3 });
    const b = evaluationReport(spamTask(), items, results, gold, { seed: 3 });
    expect(a.kappa).toEqual(b.kappa);
  });

  it("counts flagged items as wrong and leaves out items without gold or without a result", () => {
    const gold = new Map([
      ["a", "spam"],
      ["b", "ham"],
      ["c", "ham"],
    ]);
    const items = ["a", "b", "c", "d"].map((id) => ({ id, text: id }));
    const report = evaluationReport(
      spamTask(),
      items,
      [result("a", "spam"), result("b", null), result("d", "ham")],
      gold,
    );
    expect(report.scored).toBe(2);
    expect(report.evaluation?.accuracy.value).toBe(0.5);
    expect(report.evaluation?.matrix[1]).toEqual([0, 0, 1]);
  });

  it("explains why there is no evaluation", () => {
    const items = [{ id: "a", text: "a" }];
    expect(evaluationReport(spamTask(), items, [], new Map()).reason).toMatch(/No labelled item/);
    expect(
      evaluationReport(spamTask(), items, [result("a", "spam")], new Map([["a", "SPAM"]])).reason,
    ).toMatch(/gold label “SPAM” is not one of the labels/);
    expect(
      evaluationReport(
        spamTask({ mode: "multi", maxLabels: 2 }),
        items,
        [result("a", "spam")],
        new Map([["a", "spam"]]),
      ).reason,
    ).toMatch(/one-label answers/);
  });

  it("gives Krippendorff's alpha across votes: 1 when the votes always agree, below 0 when they always differ", () => {
    const items = ["a", "b", "c", "d"].map((id) => ({ id, text: id }));
    const agree = ["a", "b", "c", "d"].map((id, i) => {
      const l = i % 2 ? "spam" : "ham";
      return result(id, l, [l, l, l]);
    });
    expect(
      evaluationReport(spamTask({ votes: 3 }), items, agree, new Map()).votesAlpha?.value,
    ).toBeCloseTo(1, 12);
    // two votes that always disagree: D_o = 1, D_e = n/(n−1)·(1/2) with 8 values → α = 1 − 1/(8/7 · 1/2)
    const differ = ["a", "b", "c", "d"].map((id) => result(id, "spam", ["spam", "ham"]));
    const alpha = evaluationReport(spamTask({ votes: 2 }), items, differ, new Map()).votesAlpha;
    expect(alpha?.value).toBeCloseTo(1 - 1 / ((8 / 7) * 0.5), 12);
  });

  it("gives kappa as undefined, with the reason and no interval, when gold and model use one label throughout", () => {
    const items = ["a", "b", "c"].map((id) => ({ id, text: id }));
    const gold = new Map(items.map((i) => [i.id, "spam"]));
    const report = evaluationReport(
      spamTask(),
      items,
      items.map((i) => result(i.id, "spam")),
      gold,
    );
    expect(report.evaluation?.accuracy.value).toBe(1);
    expect(report.accuracy?.estimate).toBe(1);
    expect(report.evaluation?.kappa).toEqual({
      value: undefined,
      reason: "every rating is “spam”, so chance agreement is 1 and kappa is 0/0",
    });
    expect(report.kappa).toBeNull();
  });

  it("has no evaluation and no metric at all when nothing was labelled (every result flagged)", () => {
    const items = ["a", "b"].map((id) => ({ id, text: id }));
    const report = evaluationReport(
      spamTask({ votes: 3 }),
      items,
      [result("a", null, [null, null, null]), result("b", null, [null, null, null])],
      new Map([
        ["a", "spam"],
        ["b", "ham"],
      ]),
    );
    expect(report).toEqual({
      scored: 0,
      evaluation: null,
      accuracy: null,
      macroF1: null,
      kappa: null,
      votesAlpha: null,
      reason: NOTHING_LABELLED,
    });
    expect(report.reason).toMatch(/^No item was labelled, so there is nothing to evaluate/);
  });

  it("gives alpha across votes as undefined with the reason when every vote is the same label", () => {
    const items = ["a", "b"].map((id) => ({ id, text: id }));
    const same = items.map((i) => result(i.id, "spam", ["spam", "spam"]));
    const alpha = evaluationReport(spamTask({ votes: 2 }), items, same, new Map()).votesAlpha;
    expect(alpha?.value).toBeUndefined();
    expect(alpha?.reason).toMatch(/every rating is “spam”, so expected disagreement is 0/);
  });
});

describe("statisticText", () => {
  it("writes a value with its interval, a value alone, or – and the reason", () => {
    const ci = { estimate: 0.85, low: 0.7, high: 0.95, level: 0.95, resamples: 500 };
    expect(statisticText({ value: 0.85 }, ci)).toBe("0.850 (95% CI 0.700–0.950)");
    expect(statisticText({ value: 0.85 })).toBe("0.850");
    expect(statisticText({ value: 0.85 }, { ...ci, low: NaN, high: NaN })).toBe("0.850");
    expect(statisticText({ value: undefined, reason: "it is 0/0" }, ci)).toBe("– (it is 0/0)");
  });
});
