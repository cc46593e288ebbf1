import { describe, expect, it } from "vitest";
import {
  labelingReport,
  pollReport,
  responseRows,
  type LabelingSpec,
  type PollSpec,
  type ResponseRecord,
} from "../../../src/lib/classroom";
import { krippendorffAlphaNominal, parseCSV, safeCSV } from "../../../src/lib/labeling";

const r = (participantId: number, itemId: string, label: string, at = 0): ResponseRecord => ({
  activityId: 1,
  participantId,
  itemId,
  label,
  at: Date.UTC(2026, 0, 1, 9) + at * 1000 + participantId,
});

const spec: LabelingSpec = {
  kind: "labeling",
  title: "t",
  items: [
    { id: "a", text: "first" },
    { id: "b", text: "second" },
    { id: "c", text: "third" },
    { id: "d", text: "nobody" },
  ],
  labels: ["pos", "neg"],
  codebook: "",
};

// a: pos pos neg · b: neg neg neg · c: pos neg · d: unanswered
const responses = [
  r(1, "a", "pos"),
  r(2, "a", "pos"),
  r(3, "a", "neg"),
  r(1, "b", "neg"),
  r(2, "b", "neg"),
  r(3, "b", "neg"),
  r(1, "c", "pos"),
  r(2, "c", "neg"),
];

describe("labelingReport", () => {
  it("gives α by hand from the coincidence matrix: 1 − 7 · 4 / 30 = 1/15", () => {
    // o(pos,pos) 1, o(pos,neg) = o(neg,pos) 2, o(neg,neg) 3; n_pos 3, n_neg 5, n 8
    const report = labelingReport(1, spec, responses);
    expect(report.alpha.value).toBeCloseTo(1 / 15, 12);
    expect(report.coders).toBe(3);
    expect(report.labels).toBe(8);
    const interval = report.alphaInterval;
    expect(interval).not.toBeNull();
    expect(interval?.low).toBeLessThanOrEqual(interval?.high ?? NaN);
    expect(interval?.resamples).toBeGreaterThan(0);
  });

  it("lists the most disagreed items first, the unanswered last, with majorities and ties", () => {
    const report = labelingReport(1, spec, responses);
    expect(report.items.map((i) => i.itemId)).toEqual(["c", "a", "b", "d"]);
    const byId = new Map(report.items.map((i) => [i.itemId, i]));
    expect(byId.get("c")).toMatchObject({ majority: null, disagreement: 0.5, total: 2 });
    expect(byId.get("a")?.majority).toBe("pos");
    expect(byId.get("a")?.disagreement).toBeCloseTo(1 / 3, 12);
    expect(byId.get("b")).toMatchObject({ majority: "neg", disagreement: 0 });
    expect(byId.get("d")).toMatchObject({ majority: null, total: 0, counts: { pos: 0, neg: 0 } });
  });

  it("gives κ between the majority and the model on items that have both (by hand: 0.5)", () => {
    const five: LabelingSpec = {
      ...spec,
      items: ["w", "x", "y", "z", "tie"].map((id) => ({ id, text: id })),
    };
    // majorities w pos, x pos, y neg, z neg; "tie" has none and drops out
    const votes = [
      r(1, "w", "pos"),
      r(1, "x", "pos"),
      r(1, "y", "neg"),
      r(1, "z", "neg"),
      r(1, "tie", "pos"),
      r(2, "tie", "neg"),
    ];
    const model = new Map([
      ["w", "pos"],
      ["x", "neg"],
      ["y", "neg"],
      ["z", "neg"],
      ["tie", "pos"],
    ]);
    // observed 3/4; chance (2·1 + 2·3) / 16 = 1/2; κ = (3/4 − 1/2) / (1/2)
    const report = labelingReport(1, five, votes, model);
    expect(report.kappaItems).toBe(4);
    expect(report.kappa?.value).toBeCloseTo(0.5, 12);
    expect(report.items.find((i) => i.itemId === "x")?.model).toBe("neg");
    expect(labelingReport(1, five, votes).kappa, "no model, no κ").toBeNull();
    expect(labelingReport(1, five, [], model).kappa?.reason).toMatch(/no item has both/);
  });

  it("says why α is undefined when everyone gave one label", () => {
    const report = labelingReport(1, spec, [r(1, "a", "pos"), r(2, "a", "pos")]);
    expect(report.alpha.value).toBeUndefined();
    expect(report.alpha.reason).toMatch(/0\/0/);
    expect(report.alphaInterval).toBeNull();
  });

  it("equals α recomputed from the exported CSV (a second path through the data)", () => {
    const names = new Map([
      [1, "=cmd"],
      [2, "Bo"],
      [3, "Cy"],
    ]);
    const csv = safeCSV(responseRows(1, spec, responses, names));
    const table = parseCSV(csv);
    const coders = [...new Set(table.rows.map((row) => row["participant"]))];
    const matrix = coders.map((p) =>
      spec.items.map(
        (item) =>
          table.rows.find((row) => row["participant"] === p && row["item_id"] === item.id)?.[
            "label"
          ] ?? null,
      ),
    );
    expect(matrix).toHaveLength(3);
    expect(krippendorffAlphaNominal(matrix).value).toBe(
      labelingReport(1, spec, responses).alpha.value,
    );
  });
});

describe("pollReport", () => {
  it("counts a choice poll's options in order, and ignores other activities", () => {
    const poll: PollSpec = {
      kind: "poll",
      question: "q",
      answer: "choice",
      options: ["yes", "no", "maybe"],
    };
    const report = pollReport(1, poll, [
      r(1, "answer", "no"),
      r(2, "answer", "no"),
      r(3, "answer", "yes"),
      { ...r(4, "answer", "yes"), activityId: 2 },
    ]);
    expect(report.counts).toEqual([
      { option: "yes", count: 1 },
      { option: "no", count: 2 },
      { option: "maybe", count: 0 },
    ]);
    expect(report.total).toBe(3);
  });

  it("lists a text poll's answers oldest first", () => {
    const poll: PollSpec = { kind: "poll", question: "q", answer: "text", options: [] };
    const report = pollReport(1, poll, [r(2, "answer", "later", 5), r(1, "answer", "first", 1)]);
    expect(report.answers.map((a) => a.text)).toEqual(["first", "later"]);
    expect(report.total).toBe(2);
  });
});
