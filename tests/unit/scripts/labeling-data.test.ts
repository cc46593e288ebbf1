/** The sandbox's bundled CSVs (built by `npm run assets`), read with the same parser the widget uses. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpamSample } from "@/lib/corpora/spam";
import {
  BUNDLED,
  datasetFromTable,
  FORMULA_START,
  parseCSV,
  parseLabelLines,
  provenanceOf,
} from "@/lib/labeling/index";
import { LABELING_DATA } from "../../../scripts/assets/labeling-data";
import { CORPORA_OUTPUTS } from "../../../scripts/assets/corpora";

const count = (values: string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

describe("bundled labeling datasets", () => {
  it("politics.csv: 150 State of the Union sentences (speech) and 150 Moby-Dick sentences (novel), mixed", () => {
    const table = parseCSV(readFileSync(LABELING_DATA.politics, "utf8"));
    expect(table.columns).toEqual(["id", "text", "label", "source"]);
    const data = datasetFromTable(table, { text: "text", gold: "label", id: "id" });
    expect(data.items).toHaveLength(300);
    expect(count([...data.gold.values()])).toEqual({ speech: 150, novel: 150 });
    for (const row of table.rows) {
      if (row["label"] === "speech") {
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
    expect(first["speech"]).toBeGreaterThanOrEqual(10);
    expect(first["novel"]).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.values(BUNDLED))(
    "$id: the codebook's labels are exactly the gold labels, and the provenance says where they come from",
    (dataset) => {
      const file = dataset.id === "politics" ? LABELING_DATA.politics : LABELING_DATA.spam;
      const table = parseCSV(readFileSync(file, "utf8"));
      const data = datasetFromTable(table, dataset.columns);
      const names = parseLabelLines(dataset.codebook.labels).map((l) => l.name);
      expect(new Set(data.gold.values())).toEqual(new Set(names));
      expect(dataset.url.endsWith(file.replace(/^public\//, ""))).toBe(true);
      expect(provenanceOf(dataset.id)).toMatch(/^Gold labels: /);
    },
  );

  it.each(Object.values(LABELING_DATA))(
    "%s has no cell a spreadsheet would run as a formula (so it needs no quote prefix)",
    (file) => {
      const table = parseCSV(readFileSync(file, "utf8"));
      const risky = table.rows.flatMap((row) =>
        Object.values(row).filter((cell) => FORMULA_START.test(cell)),
      );
      expect(risky).toEqual([]);
    },
  );

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
