/**
 * Label a CSV from the command line with the same job code as the course's
 * LabelingSandbox (src/lib/labeling/job.ts): with an LLM (the cost estimate
 * first, nothing sent without --yes) or offline with the course's sentence
 * encoder (--provider local: nothing leaves the machine, no key). The job is
 * resumable (results and a request log appended to a JSONL file as they
 * arrive; re-running skips what is done), evaluated against a gold column,
 * and exported.
 *
 *   npm run label -- data.csv --text text --gold label \
 *     --label "spam=Unsolicited bulk email" --label "ham=Ordinary email" \
 *     --model gpt-4.1-mini --yes --csv labelled.csv
 *   npm run label -- data.csv --text text --gold label --rows 100 \
 *     --label "spam=…" --label "ham=…" --provider local --method probe
 *
 * The key is read from the environment variable named by --key-env
 * (default OPENAI_API_KEY) and is never printed or written to a file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  actualCost,
  batchJSONL,
  buildMessages,
  createJob,
  datasetFromTable,
  defaultTemperature,
  encoderLabeler,
  type EncoderMethod,
  evaluationReport,
  fineTuneJSONL,
  formatDollars,
  importBatchIntoJob,
  jobSpend,
  LabelingError,
  parseCSV,
  priceFor,
  priceTable,
  type PriceTable,
  type ProviderSettings,
  retriedBy,
  resultsCSV,
  statisticText,
  runLabelingJob,
  selectExamples,
  splitDataset,
  type TaskSpec,
  validateTask,
} from "../src/lib/labeling";
import {
  createJobsClient,
  createOpenAIChat,
  type JobsClient,
  OPENAI_BASE_URL,
} from "../src/lib/labeling/openai";
import { estimateTaskCost } from "../src/lib/labeling/estimate";
import { jsonlCache, jsonlJobStore, nodeEmbedder } from "../src/lib/labeling/node";

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

const USAGE = `Usage: npm run label -- <file.csv> --text <column> --label "name=description" --label … [options]
  --id <column> --gold <column> --image <column>   other columns (gold enables evaluation and few-shot)
  --rows <n>              label the first n rows (default all); gold rows after them are the pool
  --instructions <text> --template "<… {text} …>"   the prompt (the template must contain {text})
  --few-shot <n>          n examples per label from the pool (0–10)
  --multi --k <n>         multi-label, up to n themes       --votes <n>  majority of n answers
  --provider openai|local (openai)  local: the offline sentence encoder, no key, nothing shared
  --method zero-shot|centroid|probe (zero-shot)   the local method; centroid and probe learn from the pool
  --model <name> (gpt-4.1-mini)  --base-url <url>  --key-env <VAR> (OPENAI_API_KEY)
  --temperature <0–2>     default 0 for one vote, 1 for several (at 0 votes cannot differ)
  --retry-flagged         ask again items flagged after server failures (--retry-invalid: all flagged)
  --concurrency <n> (4)  --rpm <n>  --tpm <n>  --max-input-tokens <n>  --prices <prices.json>
  --out <results.jsonl>  (default <file>.results.jsonl; re-running resumes from it)
  --csv <out.csv>  --finetune <prefix>  --batch <batch.jsonl>  --import-batch <output.jsonl>
  --submit-batch          label on OpenAI's Batch API (half price, within 24 h): upload, wait, import
  --start-finetune <base-model>   upload the --finetune files and start a fine-tuning job; wait for it
  --poll-seconds <s> (30) how often to ask about a batch or fine-tuning job
  --dry-run   print the estimate and the first item's messages; send nothing
  --yes       proceed after the estimate (without it nothing is sent)`;

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const { values: o, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      text: { type: "string" },
      id: { type: "string" },
      rows: { type: "string" },
      provider: { type: "string", default: "openai" },
      method: { type: "string", default: "zero-shot" },
      "retry-flagged": { type: "boolean", default: false },
      "retry-invalid": { type: "boolean", default: false },
      gold: { type: "string" },
      image: { type: "string" },
      label: { type: "string", multiple: true },
      instructions: { type: "string", default: "You label texts for a social-science study." },
      template: { type: "string", default: "Text:\n{text}" },
      "few-shot": { type: "string", default: "0" },
      multi: { type: "boolean", default: false },
      k: { type: "string" },
      votes: { type: "string", default: "1" },
      model: { type: "string", default: "gpt-4.1-mini" },
      temperature: { type: "string" },
      "base-url": { type: "string" },
      "key-env": { type: "string", default: "OPENAI_API_KEY" },
      concurrency: { type: "string", default: "4" },
      rpm: { type: "string" },
      tpm: { type: "string" },
      "max-input-tokens": { type: "string" },
      prices: { type: "string" },
      out: { type: "string" },
      csv: { type: "string" },
      finetune: { type: "string" },
      batch: { type: "string" },
      "import-batch": { type: "string" },
      "submit-batch": { type: "boolean", default: false },
      "start-finetune": { type: "string" },
      "poll-seconds": { type: "string", default: "30" },
      "dry-run": { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (o.help || !file || !o.text) {
    io.out(USAGE);
    return o.help ? 0 : 2;
  }
  const num = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new LabelingError(`--${name} must be a number, got “${value}”.`);
    return n;
  };
  const dataset = datasetFromTable(parseCSV(readFileSync(file, "utf8")), {
    text: o.text,
    ...(o.id ? { id: o.id } : {}),
    ...(o.gold ? { gold: o.gold } : {}),
    ...(o.image ? { image: o.image } : {}),
  });
  const labels = (o.label ?? []).map((spec) => {
    const at = spec.indexOf("=");
    return at < 0
      ? { name: spec, description: "" }
      : { name: spec.slice(0, at), description: spec.slice(at + 1) };
  });
  if (o.provider !== "openai" && o.provider !== "local")
    throw new LabelingError(`--provider must be openai or local, got “${o.provider}”.`);
  const local = o.provider === "local";
  const method = o.method as EncoderMethod;
  if (!["zero-shot", "centroid", "probe"].includes(method))
    throw new LabelingError(`--method must be zero-shot, centroid or probe, got “${o.method}”.`);
  const names = labels.map((l) => l.name.trim());
  // the sandbox's rule: the first --rows rows are labelled, the gold rows after them are the pool
  const { items, gold, pool } = splitDataset(dataset, num("rows", o.rows) ?? dataset.items.length);
  const perLabel = num("few-shot", o["few-shot"]) ?? 0;
  if (perLabel > 0 && !o.gold)
    throw new LabelingError(
      "--few-shot takes its examples from gold-labelled rows: name the gold column with --gold.",
    );
  if (perLabel > 0 && pool.length === 0)
    throw new LabelingError(
      "--few-shot takes its examples from gold-labelled rows after the ones being labelled: pass --rows <n> to label the first n rows only.",
    );
  const examples = selectExamples(pool, names, perLabel);
  const votes = num("votes", o.votes) ?? 1;
  const temperature = num("temperature", o.temperature) ?? defaultTemperature(votes);
  const k = num("k", o.k);
  const task: TaskSpec = validateTask({
    labels,
    mode: o.multi ? "multi" : "single",
    ...(k !== undefined ? { maxLabels: k } : {}),
    instructions: o.instructions,
    template: o.template,
    examples,
    model: local ? `local-${method}` : o.model,
    parameters: { temperature: local ? 0 : temperature },
    votes,
  });
  const settings: ProviderSettings = local
    ? { kind: "local", method }
    : {
        kind: "api",
        baseURL: o["base-url"] ?? OPENAI_BASE_URL,
        concurrency: num("concurrency", o.concurrency) ?? 4,
      };
  let record = await createJob({
    dataset: basename(file),
    task,
    provider: settings,
    items,
    gold,
    pool,
  });
  const prices: PriceTable = priceTable(
    o.prices ? (JSON.parse(readFileSync(o.prices, "utf8")) as PriceTable) : {},
  );
  const outPath = o.out ?? `${file}.results.jsonl`;
  const jobStore = jsonlJobStore(outPath);
  const store = jobStore.results;
  const stored = await jobStore.load();
  if (stored && stored.id !== record.id && !o["dry-run"])
    throw new LabelingError(
      `${outPath} holds the results of another job (different data, labels, prompt or settings). Choose a new file with --out, or delete ${outPath} and ${jobStore.recordPath} to start over.`,
    );
  if (stored) record = stored;
  const exportAll = async (): Promise<void> => {
    const results = await store.load();
    if (o.csv) {
      writeFileSync(o.csv, resultsCSV(items, results, o.gold ? dataset.gold : undefined));
      io.out(`Wrote ${o.csv}`);
    }
    if (o.finetune) {
      const rows = items.flatMap((item) => {
        const g = dataset.gold.get(item.id);
        return g ? [{ text: item.text, labels: [g] }] : [];
      });
      const split = fineTuneJSONL(task, rows);
      writeFileSync(`${o.finetune}.train.jsonl`, split.train);
      writeFileSync(`${o.finetune}.validation.jsonl`, split.validation);
      io.out(
        `Wrote ${o.finetune}.train.jsonl (${split.trainCount}) and .validation.jsonl (${split.validationCount})`,
      );
    }
  };

  async function report(): Promise<void> {
    const results = await store.load();
    const report = evaluationReport(task, items, results, dataset.gold);
    if (o.gold && report.reason) io.out(`Evaluation skipped: ${report.reason}`);
    const e = report.evaluation;
    if (e) {
      io.out(
        `Accuracy ${statisticText(e.accuracy, report.accuracy)}, macro F1 ${statisticText(e.macroF1, report.macroF1)}, micro F1 ${statisticText(e.microF1)}, Cohen's kappa ${statisticText(e.kappa, report.kappa)}`,
      );
      for (const c of e.perClass)
        io.out(
          `  ${c.label}: precision ${c.precision.toFixed(3)} recall ${c.recall.toFixed(3)} F1 ${c.f1.toFixed(3)} (n=${c.support})`,
        );
    }
    if (report.votesAlpha !== null)
      io.out(`Krippendorff's alpha across votes: ${statisticText(report.votesAlpha)}`);
  }

  if (o.batch) {
    writeFileSync(o.batch, batchJSONL(task, items));
    io.out(
      `Wrote ${o.batch}: ${items.length * task.votes} Batch API requests (upload it with purpose "batch").`,
    );
  }
  if (o["import-batch"]) {
    const imported = await importBatchIntoJob(
      record,
      jobStore,
      readFileSync(o["import-batch"], "utf8"),
    );
    record = imported.record;
    io.out(
      `Imported ${imported.imported.length} batch results into ${outPath}` +
        (imported.missing ? ` (${imported.missing} items have none yet)` : ""),
    );
  }

  const retryFlagged = o["retry-invalid"] ? "all" : o["retry-flagged"] ? "transient" : undefined;
  // a retry cut off earlier (a pause, a kill) resumes as a retry
  const retryMode = retryFlagged ?? record.retry;
  const done = new Set(
    (await store.load()).filter((r) => !retriedBy(r, retryMode)).map((r) => r.id),
  );
  const todo = items.filter((item) => !done.has(item.id));
  const estimate = estimateTaskCost(task, todo, prices);
  io.out(
    `${items.length} items (${done.size} already done, ${dataset.skipped} empty rows skipped), ${task.votes} vote(s), ` +
      (local
        ? `offline encoder, ${method} (nothing leaves this machine)`
        : `model ${task.model}, temperature ${String(temperature)}`),
  );
  if (local) {
    if (todo.length > 0) {
      io.err("  loading the offline encoder…");
      const setup = await encoderLabeler(task, method, record.pool, await nodeEmbedder(), (l) => {
        io.err(`  ${l}`);
      });
      io.out(setup.note);
      const { summary } = await runLabelingJob(record, jobStore, {
        provider: setup.provider,
        concurrency: 16,
        ...(retryFlagged ? { retryFlagged } : {}),
      });
      io.out(summary.message);
    }
    await report();
    await exportAll();
    return 0;
  }
  io.out(
    `Estimate: ${estimate.requests} requests, ${estimate.inputTokens} input tokens (exact) + ~${estimate.outputTokens} output tokens` +
      (estimate.priced
        ? ` = ${formatDollars(estimate.dollars)} (Batch API: ${formatDollars(estimate.batchDollars)})`
        : ` — no price for ${task.model} in the table (see --prices)`),
  );
  if (o["dry-run"]) {
    const first = todo[0];
    if (first)
      io.out(
        `Messages for item ${first.id}:\n${JSON.stringify(buildMessages(task, first), null, 2)}`,
      );
    await exportAll();
    return 0;
  }
  if (todo.length > 0 && !o.yes) {
    io.out("Nothing was sent. Run again with --yes to label (or --dry-run to see the messages).");
    return 0;
  }
  const key = (): string => {
    const apiKey = io.env[o["key-env"]] ?? "";
    if (!apiKey.trim())
      throw new LabelingError(
        `No key: set the environment variable ${o["key-env"]} (or choose another with --key-env).`,
      );
    return apiKey;
  };
  const jobs = (): JobsClient =>
    createJobsClient({ apiKey: key(), ...(o["base-url"] ? { baseURL: o["base-url"] } : {}) });
  const poll = { intervalMs: 1000 * (num("poll-seconds", o["poll-seconds"]) ?? 30) };
  if (todo.length > 0 && o["submit-batch"]) {
    const client = jobs();
    const { batchId } = await client.startBatch(batchJSONL(task, todo));
    io.out(`Started batch ${batchId} (${todo.length * task.votes} requests); waiting for it…`);
    const end = await client.waitForBatch(batchId, {
      ...poll,
      onStatus: (status) => {
        io.err(`  batch ${batchId}: ${status}`);
      },
    });
    if (end.status !== "completed") {
      io.out(`The batch ended “${end.status}”; nothing was imported. ${end.errors}`.trim());
      return 3;
    }
    const imported = await importBatchIntoJob(record, jobStore, end.output);
    record = imported.record;
    io.out(`Imported ${imported.imported.length} batch results into ${outPath}`);
  } else if (todo.length > 0) {
    const apiKey = key();
    let last = 0;
    const rpm = num("rpm", o.rpm);
    const tpm = num("tpm", o.tpm);
    const maxInputTokens = num("max-input-tokens", o["max-input-tokens"]);
    const { summary } = await runLabelingJob(record, jobStore, {
      provider: createOpenAIChat({ apiKey, ...(o["base-url"] ? { baseURL: o["base-url"] } : {}) }),
      cache: jsonlCache(`${outPath}.cache`),
      concurrency: settings.kind === "api" ? settings.concurrency : 4,
      ...(retryFlagged ? { retryFlagged } : {}),
      ...(rpm ? { requestsPerMinute: rpm } : {}),
      ...(tpm ? { tokensPerMinute: tpm } : {}),
      ...(maxInputTokens ? { maxInputTokens } : {}),
      onResult: (_r, p) => {
        if (p.done - last >= Math.max(1, Math.floor(p.total / 20)) || p.done === p.total) {
          last = p.done;
          io.err(`  ${p.done}/${p.total} done, ${p.flagged} flagged`);
        }
      },
    });
    io.out(summary.message);
    if (summary.status === "paused") return 3;
  }
  const spend = jobSpend(await store.load(), await store.loadLog());
  const price = priceFor(task.model, prices);
  io.out(
    `Requests sent: ${spend.requests}` +
      (price
        ? `; actual cost from reported usage: ${formatDollars(actualCost([spend.usage], price))}`
        : "") +
      (spend.unanswered
        ? ` (${spend.unanswered} requests were in flight when a run stopped; the server may have billed them too)`
        : ""),
  );
  await report();
  await exportAll();
  if (o["start-finetune"]) {
    if (!o.yes) {
      io.out("Nothing was sent: add --yes to upload the fine-tuning files and start the job.");
      return 0;
    }
    if (!o.finetune)
      throw new LabelingError("--start-finetune needs --finetune <prefix> (the files to upload).");
    const client = jobs();
    const jobId = await client.startFineTune(
      o["start-finetune"],
      readFileSync(`${o.finetune}.train.jsonl`, "utf8"),
      readFileSync(`${o.finetune}.validation.jsonl`, "utf8"),
    );
    io.out(`Started fine-tuning job ${jobId} on ${o["start-finetune"]}; waiting for it…`);
    const end = await client.waitForFineTune(jobId, {
      ...poll,
      onStatus: (status) => {
        io.err(`  fine-tuning ${jobId}: ${status}`);
      },
    });
    io.out(
      end.model
        ? `Fine-tuning ${end.status}: use the model ${end.model} (--model ${end.model}).`
        : `Fine-tuning ended “${end.status}”.`,
    );
    if (end.status !== "succeeded") return 3;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: CliIO = {
    out: (l) => {
      console.log(l);
    },
    err: (l) => {
      console.error(l);
    },
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(
        error instanceof LabelingError || error instanceof TypeError
          ? `label: ${error.message}`
          : error,
      );
      process.exitCode = 2;
    },
  );
}
