/**
 * A bundled dataset labelled offline in Node exactly as the sandbox does it
 * (same codebook, same first rows, same pool, same job and recipe): what the
 * bench measures and what the CLI must reproduce. Node only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createJob, memoryJobStore, runLabelingJob, splitDataset, type JobRecord } from "./job";
import { encoderLabeler, type EncoderMethod } from "./local-recipe";
import type { EmbedTexts } from "./local";
import { evaluationReport, type EvaluationReport } from "./report";
import { memoryStore, type ItemResult } from "./store";
import { datasetFromTable, parseCSV, type Dataset } from "./table";
import { parseLabelLines, validateTask, type TaskSpec } from "./task";

/** What the sandbox puts in its form for a bundled dataset. */
export interface BundledSettings {
  url: string;
  columns: { text: string; gold: string; id: string };
  codebook: { labels: string; instructions: string; rows: number };
}

/** The sandbox's default template (LabelingSandbox.astro). */
export const SANDBOX_TEMPLATE = "Text: {text}";

/** Where the bundled CSV is on disk (public/ + its URL path). */
export function bundledFile(settings: BundledSettings): string {
  return fileURLToPath(new URL(`../../../public${settings.url}`, import.meta.url));
}

export function readBundled(settings: BundledSettings): Dataset {
  return datasetFromTable(parseCSV(readFileSync(bundledFile(settings), "utf8")), settings.columns);
}

/**
 * The `npm run label` arguments that reproduce the sandbox's defaults for a
 * bundled set with a local method (the file, columns, first rows, codebook
 * and template), to which a caller adds --out and --csv.
 */
export function bundledCliArgs(
  settings: BundledSettings,
  method: EncoderMethod,
  rows = settings.codebook.rows,
): string[] {
  return [
    bundledFile(settings),
    ...["--text", settings.columns.text, "--gold", settings.columns.gold],
    ...["--id", settings.columns.id, "--rows", String(rows)],
    ...parseLabelLines(settings.codebook.labels).flatMap((l) => [
      "--label",
      `${l.name}=${l.description}`,
    ]),
    ...["--instructions", settings.codebook.instructions, "--template", SANDBOX_TEMPLATE],
    ...["--provider", "local", "--method", method],
  ];
}

export function bundledTask(settings: BundledSettings, method: EncoderMethod): TaskSpec {
  return validateTask({
    labels: parseLabelLines(settings.codebook.labels),
    mode: "single",
    instructions: settings.codebook.instructions,
    template: SANDBOX_TEMPLATE,
    examples: [],
    model: `local-${method}`,
    parameters: { temperature: 0 },
    votes: 1,
  });
}

export interface BundledRun {
  record: JobRecord;
  results: ItemResult[];
  note: string;
  report: EvaluationReport;
  validationAccuracy?: number;
}

/** Labels the first `rows` (the codebook's default) of a bundled set with a local method. */
export async function labelBundledLocally(
  name: string,
  settings: BundledSettings,
  method: EncoderMethod,
  embed: EmbedTexts,
  rows = settings.codebook.rows,
): Promise<BundledRun> {
  const dataset = readBundled(settings);
  const { items, gold, pool } = splitDataset(dataset, rows);
  const record = await createJob({
    dataset: name,
    task: bundledTask(settings, method),
    provider: { kind: "local", method },
    items,
    gold,
    pool,
  });
  const setup = await encoderLabeler(record.task, method, record.pool, embed);
  const { summary, record: finished } = await runLabelingJob(
    record,
    memoryJobStore(memoryStore()),
    { provider: setup.provider, concurrency: 16 },
  );
  return {
    record: finished,
    results: summary.results,
    note: setup.note,
    report: evaluationReport(record.task, items, summary.results, new Map(gold)),
    ...(setup.validationAccuracy !== undefined
      ? { validationAccuracy: setup.validationAccuracy }
      : {}),
  };
}
