/**
 * The course's language models from the command line, on the same library
 * as the widgets (src/lib/lm). JSON on stdout with --json.
 *
 *   npm run lm -- predict --model gpt --text "John wants his bank to cash the" --top 5
 *   npm run lm -- fill --model mlm --text "John wants his bank to [MASK] the check." --top 5
 *   npm run lm -- generate --model gpt --text "Fellow citizens," --tokens 30 --temperature 0.8 --seed 1
 *   npm run lm -- perplexity --model gpt --file speech.txt
 *   npm run lm -- layers --model gpt --text "John wants his bank to cash the"
 *   npm run lm -- word-vectors --model gpt --input sentences.jsonl
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadCorpus } from "../src/lib/corpora/index";
import { DEFAULT_MODEL, findWord, loadEncoder } from "../src/lib/encoder/index";
import {
  fillMask,
  generate,
  isOwnModel,
  layerPredictions,
  LmError,
  perplexity,
  predictNext,
  type LanguageModel,
  type Prediction,
} from "../src/lib/lm/index";
import { loadLanguageModelFromDisk } from "../src/lib/lm/node";
import { buildIndex, infiniGram } from "../src/lib/ngram/index";

export interface LmIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const MODELS = `${ROOT}public/generated/models/`;
const CORPORA = ["sotu", "moby-dick"].map((name) => `${ROOT}public/generated/corpora/${name}.bin`);

const USAGE = `Usage: npm run lm -- <command> --model <id> [options] [--json]
  predict      --text T [--top K]            the next token's distribution
  fill         --text "… [MASK] …" [--top K] the masked model's guesses for [MASK] (or ___)
  generate     --text T [--tokens N] [--temperature t] [--top-k k] [--top-p p] [--seed s]
  perplexity   --file F                      natural-log NLL per token and per word, perplexity
  layers       --text T [--top K]            the top predictions after every layer (logit lens)
  word-vectors --input F.jsonl               each line {"text", "word"} → {"tokens", "layers"}
Models: gpt (causal, ours), mlm (masked, ours), gpt-step-<n> (a GPT checkpoint), use-lite
(sentence encoder; word-vectors only), ngram (the ∞-gram over the State of the Union and Moby
Dick; predict only), default (the ContextLens default), or a hub id with --online
(--kind causal|masked).`;

const DEFAULT_CONTEXT_MODEL = DEFAULT_MODEL;

class UsageError extends Error {}

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new UsageError(`--${name} must be a number, not “${value}”.`);
  return n;
}

function resolve(model: string): string {
  return model === "default" ? DEFAULT_CONTEXT_MODEL : model;
}

async function languageModel(
  model: string,
  online: boolean,
  kind: string | undefined,
): Promise<LanguageModel> {
  if (model === "use-lite")
    throw new UsageError(
      "use-lite is a sentence encoder, not a language model: it has no next-token or [MASK] head. Use it with word-vectors.",
    );
  if (!isOwnModel(model) && !online)
    throw new UsageError(
      `“${model}” is not one of the course's models (gpt, mlm, gpt-step-<n>); a hub model needs --online.`,
    );
  if (kind !== undefined && kind !== "causal" && kind !== "masked")
    throw new UsageError("--kind must be causal or masked.");
  return loadLanguageModelFromDisk({
    model,
    localModelPath: MODELS,
    allowRemote: online,
    kind: kind ?? "causal",
  });
}

function printPrediction(io: LmIO, p: Prediction, json: boolean, heading: string): void {
  if (json) {
    io.out(
      JSON.stringify({
        tokens: p.tokens,
        position: p.position,
        top: p.top.map(({ id, label, text, probability, logit }) => ({
          id,
          token: label,
          text,
          probability,
          logit,
        })),
        truncated: p.truncated,
      }),
    );
    return;
  }
  if (p.truncated) io.err(p.truncated.notice);
  io.out(heading);
  for (const c of p.top) io.out(`  ${(100 * c.probability).toFixed(2).padStart(6)} %  ${c.label}`);
}

function ngramPredict(io: LmIO, text: string, top: number, json: boolean): void {
  if (text.trim() === "") throw new LmError("Type some text first.");
  const shards = CORPORA.map((path) => buildIndex(loadCorpus(readFileSync(path))));
  const p = infiniGram(shards, text, { limit: top });
  const d = p.distribution;
  const rows = d.candidates
    .slice(0, top)
    .map((c) => ({ token: c.display, count: c.count, probability: c.count / d.contextCount }));
  if (json) {
    io.out(
      JSON.stringify({
        suffix: p.suffix,
        suffixLength: p.suffixLength,
        contextCount: d.contextCount,
        top: rows,
      }),
    );
    return;
  }
  io.out(
    `∞-gram: the longest suffix seen is “${p.suffix}” (${p.suffixLength} words, ${d.contextCount} continuations)`,
  );
  for (const r of rows)
    io.out(`  ${(100 * r.probability).toFixed(2).padStart(6)} %  ${r.token} (${r.count})`);
}

async function wordVectors(io: LmIO, model: string, input: string, online: boolean): Promise<void> {
  const lines = readFileSync(input, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  const items = lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${input} line ${i + 1} is not JSON.`);
    }
    const { text, word } = value as { text?: unknown; word?: unknown };
    if (typeof text !== "string" || typeof word !== "string")
      throw new UsageError(`${input} line ${i + 1} needs "text" and "word" strings.`);
    return { text, word };
  });
  if (!isOwnModel(model) && model !== DEFAULT_MODEL && !online)
    throw new UsageError(
      `“${model}” is not one of the course's models; a hub model needs --online.`,
    );
  const encoder = await loadEncoder({ model, localModelPath: MODELS, allowRemote: online });
  for (const [i, item] of items.entries()) {
    const encoding = await encoder.encode(item.text);
    const found = findWord(encoding, item.word);
    if (!found)
      throw new LmError(
        encoding.truncated
          ? `Line ${i + 1}: “${item.word}” is past the model's limit of ${encoder.info.maxLength} tokens.`
          : `Line ${i + 1}: “${item.word}” is not a word of “${item.text}”.`,
      );
    const { start, end } = found.tokens;
    const layers = encoding.hiddenStates.map((layer) => {
      const mean = new Array<number>(layer.dim).fill(0);
      for (let t = start; t < end; t++)
        for (let j = 0; j < layer.dim; j++)
          mean[j] = (mean[j] as number) + (layer.data[t * layer.dim + j] as number) / (end - start);
      return mean;
    });
    io.out(JSON.stringify({ tokens: encoding.tokens.slice(start, end), layers }));
  }
}

export async function runLm(argv: string[], io: LmIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: "string", default: "gpt" },
        text: { type: "string" },
        file: { type: "string" },
        input: { type: "string" },
        top: { type: "string" },
        tokens: { type: "string" },
        temperature: { type: "string" },
        "top-k": { type: "string" },
        "top-p": { type: "string" },
        seed: { type: "string" },
        kind: { type: "string" },
        online: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const command = positionals[0];
  if (v.help || command === undefined) {
    (v.help ? io.out : io.err)(USAGE);
    return v.help ? 0 : 2;
  }
  const model = resolve(v.model);
  try {
    const text = (): string => {
      if (v.text === undefined) throw new UsageError(`${command} needs --text.`);
      return v.text;
    };
    const top = number(v.top, "top", command === "layers" ? 5 : 10);
    switch (command) {
      case "predict":
        if (model === "ngram") ngramPredict(io, text(), top, v.json);
        else
          printPrediction(
            io,
            await predictNext(await languageModel(model, v.online, v.kind), text(), top),
            v.json,
            "Next token:",
          );
        return 0;
      case "fill":
        printPrediction(
          io,
          await fillMask(await languageModel(model, v.online, v.kind ?? "masked"), text(), top),
          v.json,
          "[MASK]:",
        );
        return 0;
      case "generate": {
        const g = await generate(await languageModel(model, v.online, v.kind), text(), {
          tokens: number(v.tokens, "tokens", 30),
          temperature: number(v.temperature, "temperature", 1),
          topK: number(v["top-k"], "top-k", 0),
          topP: number(v["top-p"], "top-p", 1),
          seed: number(v.seed, "seed", 42),
        });
        if (v.json) io.out(JSON.stringify(g));
        else {
          if (g.truncated) io.err(g.truncated.notice);
          io.out(g.text);
        }
        return 0;
      }
      case "perplexity": {
        if (model === "ngram")
          throw new UsageError(
            "The n-gram baseline's held-out perplexity (a Kneser–Ney 5-gram) is computed at training time: see data/lm/baselines.json.",
          );
        if (v.file === undefined) throw new UsageError("perplexity needs --file.");
        const result = await perplexity(
          await languageModel(model, v.online, v.kind),
          readFileSync(v.file, "utf8"),
        );
        io.out(
          v.json
            ? JSON.stringify(result)
            : `${result.tokens} tokens, ${result.words} words: ${result.nllPerToken.toFixed(3)} nats per token, perplexity per word ${result.perplexityPerWord.toFixed(1)}${result.method === "pseudo" ? " (pseudo-likelihood)" : ""}`,
        );
        return 0;
      }
      case "layers": {
        const lens = await layerPredictions(
          await languageModel(model, v.online, v.kind),
          text(),
          top,
        );
        if (v.json)
          io.out(
            JSON.stringify({
              tokens: lens.tokens,
              layers: lens.layers,
              grid: lens.grid.map((row) =>
                row.map((cs) => cs.map((c) => ({ token: c.label, probability: c.probability }))),
              ),
            }),
          );
        else {
          const last = lens.grid.at(-1) ?? [];
          io.out(`After “${lens.tokens.at(-1) ?? ""}”, layer by layer:`);
          last.forEach((cs, l) => {
            io.out(
              `  ${(lens.layers[l] ?? "").padEnd(10)} ${cs.map((c) => `${c.label} ${(100 * c.probability).toFixed(1)}%`).join(", ")}`,
            );
          });
        }
        return 0;
      }
      case "word-vectors":
        if (v.input === undefined) throw new UsageError("word-vectors needs --input F.jsonl.");
        if (model === "ngram") throw new UsageError("The n-gram model has no vectors.");
        await wordVectors(io, model, v.input, v.online);
        return 0;
      default:
        throw new UsageError(`Unknown command “${command}”.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const code = await runLm(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
