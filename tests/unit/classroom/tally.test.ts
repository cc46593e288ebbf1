import { describe, expect, it } from "vitest";
import {
  coderMatrix,
  majorityLabel,
  mergeResponses,
  responseRows,
  tallyResponses,
  type LabelingSpec,
  type ResponseRecord,
} from "../../../src/lib/classroom";
import { krippendorffAlphaNominal, safeCSV } from "../../../src/lib/labeling";

const r = (
  participantId: number,
  itemId: string,
  label: string,
  activityId = 1,
): ResponseRecord => ({
  activityId,
  participantId,
  itemId,
  label,
  at: Date.UTC(2026, 0, 1, 9, participantId),
});

const responses = [
  r(1, "a", "pos"),
  r(2, "a", "pos"),
  r(3, "a", "neg"),
  r(1, "b", "neg"),
  r(2, "b", "neg"),
  r(3, "b", "neg"),
  r(1, "c", "pos"),
  r(2, "c", "neg"),
  r(9, "a", "neg", 2),
  r(4, "a", "unknown-label"),
];

describe("tallyResponses", () => {
  it("counts each item's labels for one activity, ignoring other activities and labels", () => {
    expect(tallyResponses(1, ["a", "b", "c", "d"], ["pos", "neg"], responses)).toEqual([
      { itemId: "a", counts: { pos: 2, neg: 1 }, total: 3 },
      { itemId: "b", counts: { pos: 0, neg: 3 }, total: 3 },
      { itemId: "c", counts: { pos: 1, neg: 1 }, total: 2 },
      { itemId: "d", counts: { pos: 0, neg: 0 }, total: 0 },
    ]);
  });
});

describe("majorityLabel", () => {
  it.each([
    [{ pos: 2, neg: 1 }, "pos"],
    [{ pos: 1, neg: 1 }, null],
    [{ pos: 0, neg: 0 }, null],
    [{ pos: 1, neg: 3, x: 2 }, "neg"],
  ])("%o → %s", (counts, label) => {
    expect(majorityLabel(counts)).toBe(label);
  });
});

describe("coderMatrix", () => {
  it("lays responses out as coders × items, as krippendorffAlphaNominal takes them", () => {
    const matrix = coderMatrix(1, ["a", "b", "c"], responses.slice(0, 8));
    expect(matrix).toEqual([
      ["pos", "neg", "pos"],
      ["pos", "neg", "neg"],
      ["neg", "neg", null],
    ]);
    // By hand (Krippendorff 2011): pairable values n = 8; coincidences o(pos,neg) = 1 + 1 = 2 off
    // the diagonal each way; n_pos = 3, n_neg = 5: α = 1 − 7 · 4 / (2 · 3 · 5) = 1 − 28/30.
    const alpha = krippendorffAlphaNominal(matrix);
    expect(alpha.value).toBeCloseTo(1 - 28 / 30, 10);
  });
});

describe("mergeResponses", () => {
  it("replaces a participant's older answer to the same item", () => {
    const merged = mergeResponses([r(1, "a", "pos"), r(2, "a", "pos")], [r(1, "a", "neg")]);
    expect(merged.map((x) => x.label)).toEqual(["neg", "pos"]);
  });
});

describe("responseRows", () => {
  it("writes one row per answer in item order, with names, and safeCSV neutralises formulas", () => {
    const spec: LabelingSpec = {
      kind: "labeling",
      title: "t",
      items: [
        { id: "b", text: '=HYPERLINK("x")' },
        { id: "a", text: "plain" },
      ],
      labels: ["pos", "neg"],
      codebook: "",
    };
    const rows = responseRows(
      1,
      spec,
      [r(2, "a", "pos"), r(1, "b", "neg")],
      new Map([
        [1, "@ann"],
        [2, "Bob"],
      ]),
    );
    expect(rows.map((row) => [row.item_id, row.participant, row.name])).toEqual([
      ["b", 1, "@ann"],
      ["a", 2, "Bob"],
    ]);
    const csv = safeCSV(rows);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`"'@ann"`);
  });
});
