/**
 * The sandbox's exports, as downloads: results CSV, fine-tuning JSONL
 * (train/validation) from the gold-labelled rows, and Batch API requests.
 * None of them holds the API key.
 */
import {
  batchJSONL,
  fineTuneJSONL,
  type ItemResult,
  LabelingError,
  resultsCSV,
  type TaskSpec,
} from "@/lib/labeling";
import type { Selection } from "./data-panel";
import { download } from "@/scripts/download";
import type { JobRecord } from "@/lib/labeling";

const slug = (name: string): string =>
  name
    .replace(/\.csv$/i, "")
    .replace(/[^\w-]+/g, "-")
    .slice(0, 40) || "data";

const jsonl = (text: string): Blob => new Blob([text], { type: "application/jsonl" });

export function downloadResults(job: JobRecord, results: readonly ItemResult[]): void {
  download(
    new Blob([resultsCSV(job.items, results, new Map(job.gold))], { type: "text/csv" }),
    `labels-${slug(job.dataset)}.csv`,
  );
}

export function downloadBatch(task: TaskSpec, selection: Selection): void {
  download(jsonl(batchJSONL(task, selection.items)), `batch-${slug(selection.name)}.jsonl`);
}

/** Gold-labelled rows (those being labelled and the rest) in OpenAI's fine-tuning format. */
export function downloadFineTune(task: TaskSpec, selection: Selection): void {
  const rows = [
    ...selection.items.flatMap((item) => {
      const g = selection.gold.get(item.id);
      return g === undefined ? [] : [{ text: item.text, labels: [g] }];
    }),
    ...selection.pool.map((r) => ({ text: r.text, labels: [r.label] })),
  ];
  if (rows.length < 2)
    throw new LabelingError("Fine-tuning data needs gold-labelled rows: choose a gold column.");
  const names = new Set(task.labels.map((l) => l.name));
  const unknown = rows.find((r) => !names.has(r.labels[0] ?? ""));
  if (unknown)
    throw new LabelingError(
      `The gold label “${unknown.labels[0] ?? ""}” is not one of the labels; fix the labels first.`,
    );
  const out = fineTuneJSONL(task, rows);
  download(jsonl(out.train), `finetune-train-${slug(selection.name)}.jsonl`);
  download(jsonl(out.validation), `finetune-validation-${slug(selection.name)}.jsonl`);
}
