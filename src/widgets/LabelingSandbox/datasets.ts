/**
 * The sandbox's datasets: the two bundled CSV files (defined, with their
 * codebooks and gold-label provenance, in src/lib/labeling/datasets.ts) and a
 * learner's own CSV, all read by the same parser.
 */
import { type BundledDataset, LabelingError, parseCSV, type Table } from "@/lib/labeling";

/** The largest CSV the sandbox reads (the CLI has no such limit). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** The most rows labelled in one browser job; larger jobs belong in the CLI or the Batch API. */
export const MAX_JOB_ROWS = 5000;

export async function loadBundled(dataset: BundledDataset): Promise<Table> {
  const response = await fetch(dataset.url);
  if (!response.ok)
    throw new LabelingError(
      `The ${dataset.id} dataset did not load (${response.status}). Run npm run assets, then reload.`,
    );
  return parseCSV(await response.text());
}

/** Reads a learner's CSV file; refuses files over 50 MB and says why. */
export async function loadFile(file: File): Promise<Table> {
  if (file.size > MAX_FILE_BYTES)
    throw new LabelingError(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; the sandbox reads files up to 50 MB. Label larger files with npm run label (the command line) or the Batch API export.`,
    );
  if (file.size === 0) throw new LabelingError(`${file.name} is empty.`);
  return parseCSV(await file.text());
}

/** The column to preselect for a role: the first whose name matches, else the fallback. */
export function guessColumn(
  columns: readonly string[],
  patterns: RegExp,
  fallback: string,
): string {
  return columns.find((c) => patterns.test(c)) ?? fallback;
}
