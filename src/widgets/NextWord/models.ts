/**
 * Where the next word comes from: the ∞-gram in the n-gram worker, or a
 * language model in the lm worker — ours (offline, served by the site) or a
 * hub model (online) — each loaded once.
 */
import {
  ngramCandidates,
  type Candidate,
  type GenerateOptions,
  type Generation,
  type LmInfo,
  type Prediction,
} from "@/lib/lm/index";
import {
  copiedSpan,
  createNgramClient,
  type Copied,
  type CorpusSource,
  type InfiniGramPrediction,
  type NgramClient,
} from "@/lib/ngram/index";
import { lmClient, loadLm } from "@/scripts/lm-worker";
import type { ModelChoice } from "./options";

/** Enough candidates to sample from "all" words after any context in the bundled corpora. */
export const ALL_CANDIDATES = 1_000_000;

/** One model's answer for a prompt. */
export interface Step {
  /** n-gram: the words with their counts. */
  candidates: Candidate[];
  /** Full-vocabulary logits (language models) or the candidates' logits (n-gram). */
  logits: Float32Array | number[];
  prediction?: InfiniGramPrediction;
  /** `ms`: the worker's time for the forward pass and the distribution. */
  lm?: { prediction: Prediction; info: LmInfo; ms: number };
}

let ngram: NgramClient | null = null;

function ngramClient(): NgramClient {
  ngram ??= createNgramClient(
    new Worker(new URL("../../lib/ngram/worker.ts", import.meta.url), {
      type: "module",
      name: "ngram",
    }),
  );
  return ngram;
}

function loadModel(
  model: ModelChoice,
  onProgress: (label: string, fraction: number | null) => void,
): Promise<LmInfo> {
  return loadLm(model.hubId ?? model.id, { kind: model.kind, online: model.online, onProgress });
}

export async function modelStep(
  model: ModelChoice,
  text: string,
  options: {
    sources: CorpusSource[];
    /** How many n-gram candidates to fetch. */
    limit: number;
    /** How many language-model tokens to list. */
    shown: number;
    onProgress: (label: string, fraction: number | null) => void;
  },
): Promise<Step> {
  if (model.id === "ngram") {
    const { answer } = await ngramClient().query(
      options.sources,
      { type: "predict", prompt: text, limit: options.limit },
      (p) => {
        options.onProgress(p.label, p.fraction);
      },
    );
    const candidates = ngramCandidates(answer);
    return { candidates, logits: candidates.map((c) => c.logit), prediction: answer };
  }
  const info = await loadModel(model, options.onProgress);
  options.onProgress("Running the model…", null);
  const id = model.hubId ?? model.id;
  const prediction =
    model.kind === "masked"
      ? await lmClient().fill(id, text, options.shown)
      : await lmClient().predict(id, text, options.shown);
  return { candidates: [], logits: prediction.logits, lm: { prediction, info, ms: prediction.ms } };
}

/** A seeded continuation from a causal language model, computed in the worker by the library. */
export async function modelGeneration(
  model: ModelChoice,
  text: string,
  options: GenerateOptions,
  onProgress: (label: string, fraction: number | null) => void,
): Promise<{ generation: Generation; info: LmInfo }> {
  const info = await loadModel(model, onProgress);
  onProgress(`Generating ${options.tokens} tokens…`, null);
  return { generation: await lmClient().generate(model.hubId ?? model.id, text, options), info };
}

/**
 * Whether a generated text copies the corpus: the trace (OLMoTrace-style) of
 * prompt + continuation over `sources`, and its longest verbatim span with at
 * least `minTokens` generated tokens.
 */
export async function copyCheck(
  sources: CorpusSource[],
  text: string,
  generatedFrom: number,
  minTokens: number,
  onProgress: (label: string, fraction: number | null) => void,
): Promise<Copied | null> {
  const { answer } = await ngramClient().query(
    sources,
    { type: "trace", text, options: { minLength: minTokens, maxOccurrences: 1 } },
    (p) => {
      onProgress(p.label, p.fraction);
    },
  );
  return copiedSpan(answer, generatedFrom, minTokens);
}
