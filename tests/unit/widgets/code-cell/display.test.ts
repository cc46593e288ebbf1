import { describe, expect, it } from "vitest";
import { inspect, TABLE_ROWS, toDisplay } from "@/widgets/CodeCell/display";

describe("toDisplay(value)", () => {
  it("shows an array of records as a table with the union of their keys", () => {
    expect(
      toDisplay([
        { word: "queen", score: 0.7839 },
        { word: "monarch", extra: true },
      ]),
    ).toEqual({
      kind: "table",
      columns: ["word", "score", "extra"],
      rows: [
        ["queen", "0.7839", ""],
        ["monarch", "", "true"],
      ],
      more: 0,
    });
  });
  it(`keeps the first ${String(TABLE_ROWS)} rows and counts the rest`, () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ i }));
    const shown = toDisplay(rows);
    expect(shown.kind === "table" && shown.rows.length).toBe(TABLE_ROWS);
    expect(shown.kind === "table" && shown.more).toBe(120 - TABLE_ROWS);
  });
  it.each([
    [[1, 2, 3], "[1, 2, 3]"],
    [[], "[]"],
    ["text", "text"],
    [0.5, "0.5"],
    [{ a: 1, b: "x" }, '{ a: 1, b: "x" }'],
    [null, "null"],
    [[{ a: 1 }, 2], "[{ a: 1 }, 2]"],
  ])("shows %j as text", (value, text) => {
    expect(toDisplay(value)).toEqual({ kind: "text", text });
  });
  it("does not treat class instances or typed arrays as records", () => {
    expect(toDisplay([new Map([[1, 2]])]).kind).toBe("text");
    expect(toDisplay([new Float32Array(2)]).kind).toBe("text");
  });
});

describe("inspect(value)", () => {
  it("summarises typed arrays, errors, functions and deep objects", () => {
    expect(inspect(new Float32Array([1, 2.5]))).toBe("Float32Array(2) [1, 2.500]");
    expect(inspect(new TypeError("nope"))).toBe("TypeError: nope");
    expect(
      inspect(function plot() {
        return 1;
      }),
    ).toBe("[function plot]");
    expect(inspect({ a: { b: { c: { d: 1 } } } })).toBe("{ a: { b: { c: {…} } } }");
    expect(inspect(Array.from({ length: 25 }, (_, i) => i))).toMatch(/, … 5 more]$/);
  });
});
