/**
 * Reading a labeling dataset from CSV (papaparse): pick the id, text, image
 * and gold columns; skip empty rows; report malformed CSV and missing columns
 * in words a learner can act on.
 */
import Papa from "papaparse";
import { LabelingError, type LabelItem } from "./task";

export interface Table {
  columns: string[];
  rows: Record<string, string>[];
}

export interface ColumnChoice {
  /** Absent: the items are images only (an image column is then required). */
  text?: string;
  /** Default: the row number (1-based). */
  id?: string;
  image?: string;
  gold?: string;
}

export interface Dataset {
  items: LabelItem[];
  /** Gold labels by item id (rows with a gold value only). */
  gold: Map<string, string>;
  /** Rows skipped because their text (and image) was empty. */
  skipped: number;
}

/** Parses CSV text with a header row. Throws LabelingError on malformed CSV. */
export function parseCSV(text: string): Table {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const serious = parsed.errors.filter((e) => e.type === "Quotes" || e.code === "TooManyFields");
  const first = serious[0];
  if (first)
    throw new LabelingError(
      `The CSV is malformed near row ${(first.row ?? 0) + 2}: ${first.message}. Check quotes and separators.`,
    );
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== "");
  if (columns.length === 0) throw new LabelingError("The CSV has no header row.");
  return { columns, rows: parsed.data };
}

/** Items from a table and a choice of columns; ids must be unique. */
export function datasetFromTable(table: Table, choice: ColumnChoice): Dataset {
  for (const [role, column] of Object.entries(choice) as [string, string | undefined][])
    if (column !== undefined && !table.columns.includes(column))
      throw new LabelingError(
        `There is no “${column}” column for the ${role}; the columns are: ${table.columns.join(", ")}.`,
      );
  if (choice.text === undefined && choice.image === undefined)
    throw new LabelingError("Choose a text column or an image column.");
  const items: LabelItem[] = [];
  const gold = new Map<string, string>();
  const ids = new Set<string>();
  let skipped = 0;
  table.rows.forEach((row, i) => {
    const text = choice.text === undefined ? "" : (row[choice.text] ?? "").trim();
    const image = choice.image ? (row[choice.image] ?? "").trim() : "";
    if (!text && !image) {
      skipped++;
      return;
    }
    const id = choice.id ? (row[choice.id] ?? "").trim() : String(i + 1);
    if (!id) throw new LabelingError(`Row ${i + 2} has an empty id.`);
    if (ids.has(id)) throw new LabelingError(`The id “${id}” appears twice (row ${i + 2}).`);
    ids.add(id);
    items.push(image ? { id, text, image } : { id, text });
    const g = choice.gold ? (row[choice.gold] ?? "").trim() : "";
    if (g) gold.set(id, g);
  });
  return { items, gold, skipped };
}
