/**
 * Exports: results as CSV (safe to open in a spreadsheet); fine-tuning data in OpenAI's chat JSONL format
 * with a seeded train/validation split; Batch API request JSONL, and import
 * of a batch's output file into results. No export carries the API key: they
 * hold only texts, labels, answers and token counts.
 */
import Papa from "papaparse";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { majorityVote, parseAnswer } from "./answer";
import { answerJSON, buildMessages, responseSchema } from "./prompt";
import type { ItemResult } from "./store";
import type { LabelItem, TaskSpec } from "./task";

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): one
 * that starts with = + - @, a tab or a carriage return. Only the start is
 * tested, so a formula followed by a line break is caught too (papaparse's
 * own `escapeFormulae: true` pattern, /^[=+\-@\t\r].*$/, misses it).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV text ("\n" line ends) that a spreadsheet opens without running
 * anything: every text cell that starts like a formula gets a single quote in
 * front, inside CSV quotes (`=SUM(1,2)` is written `"'=SUM(1,2)"`, and reads
 * back as `'=SUM(1,2)`). Values the code passes as numbers stay numbers, so a
 * negative count is still a number; text, even text that looks like a
 * number, is always neutralised.
 */
export function safeCSV(rows: readonly Record<string, string | number>[]): string {
  return Papa.unparse(rows as Record<string, string | number>[], {
    newline: "\n",
    escapeFormulae: FORMULA_START,
  });
}

/**
 * One row per item: id, text, gold (if given), label(s), status, votes, raw
 * answers, tokens (numbers), notes. Cells that start like a formula are
 * neutralised (see safeCSV): the texts, labels and answers are data.
 */
export function resultsCSV(
  items: readonly LabelItem[],
  results: readonly ItemResult[],
  gold?: ReadonlyMap<string, string>,
): string {
  const byId = new Map(results.map((r) => [r.id, r]));
  const images = items.some((item) => item.image);
  const rows = items.map((item) => {
    const r = byId.get(item.id);
    return {
      id: item.id,
      text: item.text,
      ...(images ? { image: item.image ?? "" } : {}),
      ...(gold ? { gold: gold.get(item.id) ?? "" } : {}),
      label: r?.labels.join("; ") ?? "",
      status: r?.status ?? "pending",
      votes: r ? r.votes.map((v) => (v ? v.join("+") : "invalid")).join(" | ") : "",
      raw: r ? r.raw.join(" | ") : "",
      input_tokens: r?.usage.input ?? 0,
      output_tokens: r?.usage.output ?? 0,
      notes: r?.notes.join("; ") ?? "",
    };
  });
  return safeCSV(rows);
}

/** Seeded Fisher–Yates shuffle of 0..n−1. */
export function shuffledIndices(n: number, seed: number): number[] {
  const rng = xoroshiro128plus(seed);
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

/**
 * Fine-tuning JSONL (one {"messages": [...]} per line: the prompt's messages
 * then the gold answer as the assistant turn), split into train and validation
 * by a seeded shuffle. Few-shot examples are dropped from the prompt: the
 * fine-tuned model learns them.
 */
export function fineTuneJSONL(
  task: TaskSpec,
  rows: readonly { text: string; labels: string[] }[],
  options: { validationShare?: number; seed?: number } = {},
): { train: string; validation: string; trainCount: number; validationCount: number } {
  const { validationShare = 0.2, seed = 7 } = options;
  const zeroShot = { ...task, examples: [] };
  const lines = rows.map((row) =>
    JSON.stringify({
      messages: [
        ...buildMessages(zeroShot, row),
        { role: "assistant", content: answerJSON(task, row.labels) },
      ],
    }),
  );
  const order = shuffledIndices(lines.length, seed);
  const nValidation = Math.round(lines.length * validationShare);
  const validation = order.slice(0, nValidation).map((i) => lines[i] as string);
  const train = order.slice(nValidation).map((i) => lines[i] as string);
  const join = (xs: string[]): string => (xs.length ? `${xs.join("\n")}\n` : "");
  return {
    train: join(train),
    validation: join(validation),
    trainCount: train.length,
    validationCount: validation.length,
  };
}

const SEP = "#vote";

/** Batch API input: one POST /v1/chat/completions per item and vote, custom_id "<id>#vote<n>". */
export function batchJSONL(task: TaskSpec, items: readonly LabelItem[]): string {
  const schema = responseSchema(task);
  const { max_completion_tokens = 50, ...rest } = task.parameters;
  const lines: string[] = [];
  for (const item of items)
    for (let vote = 0; vote < task.votes; vote++)
      lines.push(
        JSON.stringify({
          custom_id: `${item.id}${SEP}${vote}`,
          method: "POST",
          url: "/v1/chat/completions",
          body: {
            model: task.model,
            messages: buildMessages(task, item),
            response_format: { type: "json_schema", json_schema: schema },
            max_completion_tokens,
            ...rest,
          },
        }),
      );
  return `${lines.join("\n")}\n`;
}

interface BatchLine {
  custom_id?: unknown;
  response?: {
    status_code?: number;
    body?: {
      choices?: { message?: { content?: string | null } }[];
      usage?: {
        prompt_tokens?: number;
        completion_tokens?: number;
        prompt_tokens_details?: { cached_tokens?: number };
      };
    };
  } | null;
  error?: { message?: string } | null;
}

/** Results from a batch's output (and error) JSONL: votes grouped by item, majority taken, invalid answers flagged. */
export function importBatchResults(text: string, task: TaskSpec): ItemResult[] {
  const byId = new Map<string, ItemResult>();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    let entry: BatchLine;
    try {
      entry = JSON.parse(line) as BatchLine;
    } catch {
      continue;
    }
    if (typeof entry.custom_id !== "string") continue;
    const cut = entry.custom_id.lastIndexOf(SEP);
    const id = cut < 0 ? entry.custom_id : entry.custom_id.slice(0, cut);
    const vote = cut < 0 ? 0 : Number(entry.custom_id.slice(cut + SEP.length));
    let result = byId.get(id);
    if (!result) {
      result = {
        id,
        status: "flagged",
        labels: [],
        votes: [],
        raw: [],
        requests: 0,
        usage: { input: 0, cachedInput: 0, output: 0 },
        notes: [],
      };
      byId.set(id, result);
    }
    result.requests++;
    const body = entry.response?.status_code === 200 ? entry.response.body : undefined;
    const content = body?.choices?.[0]?.message?.content ?? "";
    result.raw[vote] = content;
    result.votes[vote] = body ? parseAnswer(content, task) : null;
    if (!body)
      result.notes.push(
        `vote ${vote + 1}: ${entry.error?.message ?? `status ${entry.response?.status_code ?? "?"}`}`,
      );
    const usage = body?.usage;
    if (usage) {
      result.usage.input += usage.prompt_tokens ?? 0;
      result.usage.cachedInput += usage.prompt_tokens_details?.cached_tokens ?? 0;
      result.usage.output += usage.completion_tokens ?? 0;
    }
  }
  for (const result of byId.values()) {
    for (let v = 0; v < result.votes.length; v++) result.votes[v] ??= null;
    const valid = result.votes.filter((v): v is string[] => v !== null);
    if (valid.length > 0) {
      result.status = "labelled";
      result.labels = majorityVote(valid, task);
    } else result.notes.push("no valid label in the batch output");
  }
  return [...byId.values()];
}
