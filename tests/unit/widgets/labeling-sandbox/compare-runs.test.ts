import { describe, expect, it } from "vitest";
import type { ItemResult } from "@/lib/labeling/store";
import { agreement, comparable, describeAgreement } from "@/widgets/LabelingSandbox/compare-runs";
import type { FinishedRun } from "@/lib/labeling/idb-jobs";

const result = (id: string, label: string | null): ItemResult => ({
  id,
  status: label === null ? "flagged" : "labelled",
  labels: label === null ? [] : [label],
  votes: [label === null ? null : [label]],
  raw: [],
  requests: 1,
  usage: { input: 0, cachedInput: 0, output: 0 },
  notes: [],
});

const run = (id: string, ids: string[], dataset = "politics"): FinishedRun => ({
  id,
  status: "done",
  message: "",
  dataset,
  task: {
    labels: [
      { name: "x", description: "" },
      { name: "y", description: "" },
    ],
    mode: "single",
    instructions: "",
    template: "{text}",
    examples: [],
    model: "m",
    parameters: {},
    votes: 1,
  },
  provider: { kind: "local", method: "zero-shot" },
  items: ids.map((i) => ({ id: i, text: i })),
  gold: [],
  pool: [],
  form: {},
  finishedAt: 0,
});

const map = (pairs: [string, string | null][]): Map<string, ItemResult> =>
  new Map(pairs.map(([id, l]) => [id, result(id, l)]));

describe("agreement between runs", () => {
  it("matches alpha and kappa worked by hand", () => {
    // a = x x y y, b = x y y y. kappa: p_o 3/4, p_e 1/2·1/4 + 1/2·3/4 = 1/2 → 1/2.
    // alpha: values x 3, y 5 (n 8); o_xy + o_yx = 2 → 1 − 7·2 / (2·3·5) = 8/15.
    const mine = run("a", ["1", "2", "3", "4"]);
    const theirs = run("b", ["1", "2", "3", "4", "5"]);
    const a = agreement(
      mine,
      map([
        ["1", "x"],
        ["2", "x"],
        ["3", "y"],
        ["4", "y"],
      ]),
      theirs,
      map([
        ["1", "x"],
        ["2", "y"],
        ["3", "y"],
        ["4", "y"],
        ["5", "x"],
      ]),
    );
    expect(a.shared).toBe(4);
    expect(a.paired).toBe(4);
    expect(a.kappa.value).toBeCloseTo(0.5, 12);
    expect(a.alpha.value).toBeCloseTo(8 / 15, 12);
  });

  it("treats a flagged item as missing and offers only other finished runs on the same items", () => {
    const mine = run("a", ["1", "2", "3"]);
    const a = agreement(
      mine,
      map([
        ["1", "x"],
        ["2", "y"],
        ["3", "x"],
      ]),
      run("b", ["1", "2", "3"]),
      map([
        ["1", "x"],
        ["2", "y"],
        ["3", null],
      ]),
    );
    expect(a.paired).toBe(2);
    expect(a.alpha.value).toBeCloseTo(1, 12);
    const runs = [
      run("a", ["1", "2"]),
      run("b", ["1", "2"]),
      run("c", ["1"]),
      run("d", ["1", "2"], "spam"),
    ];
    expect(comparable(mine, runs).map((r) => r.id)).toEqual(["b"]);
  });

  it("says why alpha and kappa are undefined instead of showing a number: one label throughout, or no item both labelled", () => {
    const mine = run("a", ["1", "2"]);
    const other = run("b", ["1", "2"]);
    const same = agreement(
      mine,
      map([
        ["1", "x"],
        ["2", "x"],
      ]),
      other,
      map([
        ["1", "x"],
        ["2", "x"],
      ]),
    );
    expect(same.kappa.reason).toMatch(/every rating is “x”, so chance agreement is 1/);
    expect(same.alpha.reason).toMatch(/every rating is “x”, so expected disagreement is 0/);
    const text = describeAgreement(same, other);
    expect(text).toContain("Krippendorff's alpha – (every rating is “x”");
    expect(text).toContain("Cohen's kappa – (every rating is “x”");
    const none = agreement(
      mine,
      map([
        ["1", "x"],
        ["2", null],
      ]),
      other,
      map([
        ["1", null],
        ["2", "y"],
      ]),
    );
    expect(none.paired).toBe(0);
    expect(describeAgreement(none, other)).toMatch(
      /alpha – \(no item has two or more ratings.*kappa – \(no item has both ratings.*count as missing\)\.$/,
    );
  });
});
