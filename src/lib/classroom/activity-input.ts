/**
 * Turning what the instructor types or picks into an activity: a pasted list
 * of items, labels written "name: description" one per line (the sandbox's
 * codebook format), a seeded sample of a bundled dataset, a poll, and a
 * model's labels read back from the sandbox's results CSV. Every refusal is a
 * sentence the instructor can act on; the schema (protocol.ts) has the last word.
 */
import { shuffledIndices } from "../labeling/exports";
import { parseCSV, type Table } from "../labeling/table";
import { parseLabelLines, type LabelDef } from "../labeling/task";
import { LIMITS } from "./limits";
import { issueText } from "./parse";
import { labelingSpec, pollSpec, type LabelingSpec, type PollSpec } from "./protocol";

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ellipsis = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** Items from pasted text, one per non-empty line, numbered 1, 2, 3… */
export function itemsFromLines(text: string): { id: string; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => ({ id: String(i + 1), text: line }));
}

export interface LabelingInput {
  title: string;
  items: { id: string; text: string }[];
  /** One label per line, "name: description" (the description is optional). */
  labelLines: string;
  /** What the coders are asked; written above the labels in the codebook. */
  instructions: string;
}

/** The labels a codebook's lines define. */
export function labelDefs(labelLines: string): LabelDef[] {
  return parseLabelLines(labelLines);
}

export function labelingActivity(input: LabelingInput): Checked<LabelingSpec> {
  if (input.items.length === 0)
    return { ok: false, message: "Give the items to label: one per line, or pick a dataset." };
  if (input.items.length > LIMITS.itemsMax)
    return {
      ok: false,
      message: `That is ${input.items.length} items; a class activity has at most ${LIMITS.itemsMax}.`,
    };
  const defs = labelDefs(input.labelLines);
  const codebook = [
    input.instructions.trim(),
    defs.map((d) => (d.description ? `${d.name}: ${d.description}` : d.name)).join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");
  const parsed = labelingSpec.safeParse({
    kind: "labeling",
    title: input.title.trim() || `Label ${input.items.length} items`,
    items: input.items.map((item) => ({
      id: item.id,
      text: ellipsis(item.text, LIMITS.itemTextMax),
    })),
    labels: defs.map((d) => d.name),
    codebook: ellipsis(codebook, LIMITS.codebookMax),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: issueText(parsed.error) };
}

export interface PollInput {
  question: string;
  answer: "choice" | "text";
  /** One option per line (choice polls). */
  optionLines: string;
}

export function pollActivity(input: PollInput): Checked<PollSpec> {
  const options =
    input.answer === "choice"
      ? input.optionLines
          .split(/\r?\n/)
          .map((o) => o.trim())
          .filter(Boolean)
      : [];
  const parsed = pollSpec.safeParse({
    kind: "poll",
    question: input.question.trim(),
    answer: input.answer,
    options,
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: issueText(parsed.error) };
}

export interface BundledSample {
  items: { id: string; text: string }[];
  /** The gold label of each sampled item. */
  gold: Map<string, string>;
  /** Gold-labelled rows that are not in the sample: what a few-shot method may learn from. */
  pool: { text: string; label: string }[];
}

/**
 * `n` rows of a bundled dataset's table, drawn by a seeded shuffle (the same
 * seed gives the same sample), and the rest as a training pool.
 */
export function sampleRows(
  table: Table,
  columns: { id: string; text: string; gold: string },
  n: number,
  seed: number,
): BundledSample {
  const rows = table.rows.filter((r) => (r[columns.text] ?? "").trim() !== "");
  const order = shuffledIndices(rows.length, seed);
  const picked = new Set(order.slice(0, n));
  const items: BundledSample["items"] = [];
  const gold = new Map<string, string>();
  const pool: BundledSample["pool"] = [];
  order.forEach((index, rank) => {
    const row = rows[index] as Record<string, string>;
    const text = (row[columns.text] ?? "").trim();
    const label = (row[columns.gold] ?? "").trim();
    if (!picked.has(index)) {
      if (label) pool.push({ text, label });
      return;
    }
    // the gold map is keyed by the item's id as the activity has it (a long id shortened)
    const id = ellipsis((row[columns.id] ?? "").trim() || `row-${rank + 1}`, LIMITS.itemIdMax);
    items.push({ id, text });
    if (label) gold.set(id, label);
  });
  return { items, gold, pool };
}

export interface ModelLabels {
  labels: Map<string, string>;
  /** Rows whose id is not an item of the activity. */
  unmatched: number;
  /** Rows whose label is not one of the activity's labels (or empty). */
  unknown: number;
}

/**
 * A model's labels from a CSV with `id` and `label` columns (what the
 * labeling sandbox and the CLI export). A multi-label answer ("a; b") counts
 * by its first label.
 */
export function modelLabelsFromCSV(
  text: string,
  itemIds: readonly string[],
  labels: readonly string[],
): Checked<ModelLabels> {
  let table: Table;
  try {
    table = parseCSV(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const missing = ["id", "label"].filter((c) => !table.columns.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      message: `The CSV needs “id” and “label” columns (the sandbox's results export has both); it has ${table.columns.join(", ")}.`,
    };
  const ids = new Set(itemIds);
  const known = new Set(labels);
  const out = new Map<string, string>();
  let unmatched = 0;
  let unknown = 0;
  for (const row of table.rows) {
    const id = (row["id"] ?? "").trim();
    const label = (row["label"] ?? "").split(";")[0]?.trim() ?? "";
    if (!ids.has(id)) unmatched++;
    else if (!known.has(label)) unknown++;
    else out.set(id, label);
  }
  if (out.size === 0)
    return {
      ok: false,
      message: `No row of the CSV labels an item of this activity with one of its labels (${labels.join(", ")}): ${unmatched} rows have other ids, ${unknown} other labels.`,
    };
  return { ok: true, value: { labels: out, unmatched, unknown } };
}
