/** The sandbox's bundled CSVs (built by `npm run assets`), read with the same parser the widget uses. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpamSample } from "@/lib/corpora/spam";
import { datasetFromTable, parseCSV } from "@/lib/labeling/index";
import { LABELING_DATA } from "../../../scripts/assets/labeling-data";
import { CORPORA_OUTPUTS } from "../../../scripts/assets/corpora";

const count = (values: string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

describe("bundled labeling datasets", () => {
  it("politics.csv: 150 State of the Union sentences (yes) and 150 Moby Dick sentences (no), mixed", () => {
    const table = parseCSV(readFileSync(LABELING_DATA.politics, "utf8"));
    expect(table.columns).toEqual(["id", "text", "label", "source"]);
    const data = datasetFromTable(table, { text: "text", gold: "label", id: "id" });
    expect(data.items).toHaveLength(300);
    expect(count([...data.gold.values()])).toEqual({ yes: 150, no: 150 });
    for (const row of table.rows) {
      if (row["label"] === "yes") {
        expect(row["id"]).toMatch(/^sotu-\d{3}$/);
        expect(Number(/(\d{4})$/.exec(row["source"] ?? "")?.[1])).toBeGreaterThanOrEqual(1900);
      } else {
        expect(row["id"]).toMatch(/^moby-\d{3}$/);
        expect(row["source"]).toMatch(/^(Chapter \d+|Epilogue|Etymology|Extracts)/);
      }
      expect(row["text"]?.length).toBeGreaterThanOrEqual(60);
    }
    // mixed: the first 40 rows (the sandbox's default) hold both labels in fair number
    const first = count(table.rows.slice(0, 40).map((r) => r["label"] ?? ""));
    expect(first["yes"]).toBeGreaterThanOrEqual(10);
    expect(first["no"]).toBeGreaterThanOrEqual(10);
  });

  it("spam.csv holds the same messages and labels as the SpamAssassin sample", () => {
    const table = parseCSV(readFileSync(LABELING_DATA.spam, "utf8"));
    const data = datasetFromTable(table, { text: "text", gold: "label", id: "id" });
    const sample = parseSpamSample(readFileSync(CORPORA_OUTPUTS.spam));
    expect(data.items.map((i) => i.id)).toEqual(sample.messages.map((m) => m.id));
    sample.messages.forEach((m, i) => {
      expect(data.gold.get(m.id)).toBe(m.label);
      expect(data.items[i]?.text).toContain(m.body.trim());
    });
  });
});
