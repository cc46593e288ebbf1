import { describe, expect, it } from "vitest";
import {
  itemsFromLines,
  labelingActivity,
  LIMITS,
  modelLabelsFromCSV,
  pollActivity,
  sampleRows,
} from "../../../src/lib/classroom";
import { resultsCSV, type ItemResult } from "../../../src/lib/labeling";

describe("labelingActivity", () => {
  it("numbers pasted lines, reads labels as name: description, and writes the codebook", () => {
    const items = itemsFromLines("  first line \n\n second\r\nthird\n");
    expect(items).toEqual([
      { id: "1", text: "first line" },
      { id: "2", text: "second" },
      { id: "3", text: "third" },
    ]);
    const checked = labelingActivity({
      title: "",
      items,
      labelLines: "pos: a positive text\nneg",
      instructions: "Is it positive?",
    });
    expect(checked).toEqual({
      ok: true,
      value: {
        kind: "labeling",
        title: "Label 3 items",
        items,
        labels: ["pos", "neg"],
        codebook: "Is it positive?\n\npos: a positive text\nneg",
      },
    });
  });

  it("refuses no items, one label, repeated labels and too many items, saying why", () => {
    const base = { title: "t", labelLines: "a\nb", instructions: "" };
    const items = itemsFromLines("x\ny");
    const refusal = (input: Parameters<typeof labelingActivity>[0]) => {
      const c = labelingActivity(input);
      return c.ok ? "" : c.message;
    };
    expect(refusal({ ...base, items: [] })).toMatch(/Give the items/);
    expect(refusal({ ...base, items, labelLines: "only" })).toMatch(/at least 2 labels/);
    expect(refusal({ ...base, items, labelLines: "a\na" })).toMatch(/labels must be unique/);
    const many = itemsFromLines(
      Array.from({ length: LIMITS.itemsMax + 1 }, (_, i) => `t${i}`).join("\n"),
    );
    expect(refusal({ ...base, items: many })).toMatch(/at most 500/);
  });

  it("shortens an over-long item text to the limit with an ellipsis", () => {
    const long = "w".repeat(LIMITS.itemTextMax + 50);
    const c = labelingActivity({
      title: "t",
      items: [{ id: "1", text: long }],
      labelLines: "a\nb",
      instructions: "",
    });
    expect(c.ok && c.value.items[0]?.text.length).toBe(LIMITS.itemTextMax);
    expect(c.ok && c.value.items[0]?.text.endsWith("…")).toBe(true);
  });
});

describe("pollActivity", () => {
  it("takes options one per line for a choice poll, none for a text poll", () => {
    expect(
      pollActivity({ question: " Low bias? ", answer: "choice", optionLines: "Yes\n\nNo\n" }),
    ).toEqual({
      ok: true,
      value: { kind: "poll", question: "Low bias?", answer: "choice", options: ["Yes", "No"] },
    });
    const text = pollActivity({ question: "Why?", answer: "text", optionLines: "ignored" });
    expect(text.ok && text.value.options).toEqual([]);
    const one = pollActivity({ question: "Q", answer: "choice", optionLines: "Yes" });
    expect(one.ok ? "" : one.message).toMatch(/at least 2 options/);
    const empty = pollActivity({ question: "  ", answer: "text", optionLines: "" });
    expect(empty.ok).toBe(false);
  });
});

describe("sampleRows", () => {
  const table = {
    columns: ["id", "text", "label"],
    rows: Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      text: i === 3 ? "  " : `text ${i}`,
      label: i % 3 === 0 ? "a" : "b",
    })),
  };
  const columns = { id: "id", text: "text", gold: "label" };

  it("draws the same sample for the same seed, another for another, and pools the rest", () => {
    const one = sampleRows(table, columns, 8, 1);
    expect(sampleRows(table, columns, 8, 1)).toEqual(one);
    expect(sampleRows(table, columns, 8, 2).items).not.toEqual(one.items);
    expect(one.items).toHaveLength(8);
    expect(one.pool).toHaveLength(29 - 8);
    expect(
      one.items.some((i) => i.id === "r3"),
      "an empty text is never drawn",
    ).toBe(false);
    const sampled = new Set(one.items.map((i) => i.text));
    expect(one.pool.some((p) => sampled.has(p.text))).toBe(false);
    for (const item of one.items)
      expect(one.gold.get(item.id)).toBe(Number(item.id.slice(1)) % 3 === 0 ? "a" : "b");
  });

  it("keys the gold labels by the item's id as shortened for the activity", () => {
    const long = `x${"y".repeat(99)}`;
    const sample = sampleRows(
      { columns: ["id", "text", "label"], rows: [{ id: long, text: "a text", label: "a" }] },
      columns,
      1,
      1,
    );
    const id = sample.items[0]?.id ?? "";
    expect(id.length).toBeLessThanOrEqual(64);
    expect(sample.gold.get(id)).toBe("a");
  });
});

describe("modelLabelsFromCSV", () => {
  const ids = ["1", "2", "3"];
  it("reads the sandbox's results export: first label of a multi-label answer, counts the rest", () => {
    const result = (id: string, labels: string[]): ItemResult => ({
      id,
      labels,
      status: "labelled",
      votes: [labels],
      raw: [],
      requests: 1,
      usage: { input: 0, output: 0, cachedInput: 0 },
      notes: [],
    });
    const csv = resultsCSV(
      ["1", "2", "3", "9"].map((id) => ({ id, text: `text ${id}` })),
      [
        result("1", ["pos"]),
        result("2", ["neg", "pos"]),
        result("3", ["meh"]),
        result("9", ["pos"]),
      ],
    );
    const read = modelLabelsFromCSV(csv, ids, ["pos", "neg"]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect([...read.value.labels]).toEqual([
      ["1", "pos"],
      ["2", "neg"],
    ]);
    expect(read.value.unknown).toBe(1);
    expect(read.value.unmatched).toBe(1);
  });

  it("refuses a CSV without id and label columns, a malformed one, or one that matches nothing", () => {
    const no = modelLabelsFromCSV("name,answer\na,b\n", ids, ["pos", "neg"]);
    expect(no.ok ? "" : no.message).toMatch(/needs “id” and “label” columns.*name, answer/);
    const bad = modelLabelsFromCSV('id,label\n"1,pos\n', ids, ["pos", "neg"]);
    expect(bad.ok ? "" : bad.message).toMatch(/malformed/);
    const none = modelLabelsFromCSV("id,label\n7,pos\n1,zzz\n", ids, ["pos", "neg"]);
    expect(none.ok ? "" : none.message).toMatch(/1 rows have other ids, 1 other labels/);
  });
});
