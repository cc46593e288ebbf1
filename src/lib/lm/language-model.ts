/**
 * One interface over every language model the course runs: our own GPT and
 * masked LM (and the GPT's training checkpoints), served by the site and run
 * through the encoder's runtime, so their hidden states and attention come
 * with the logits; or a causal / masked LM from the Hugging Face hub (online,
 * logits only).
 */
import type { LoadProgress, ModelDtype } from "../encoder/types";
import { LmError } from "./errors";
import { LENS_FILES, parseLensFile, type Lens } from "./lens";
import { isOwnModel, type LmKind, type TrainingFacts } from "./models";
import { fetchFile, modelFilePath, type ReadFile } from "./read-file";

export interface LmInfo {
  id: string;
  name: string;
  kind: LmKind;
  /** Served by this site (ours); false for hub models. */
  own: boolean;
  layers: number;
  heads: number;
  /** Width of the hidden states (0 when unknown). */
  dim: number;
  /** The longest input in tokens. */
  context: number;
  vocabSize: number;
  /** "[MASK]" for masked models, "" for causal ones. */
  maskToken: string;
  maskId: number;
  /** Our models' training facts (size, steps, tokens, validation loss). */
  training: TrainingFacts | null;
  /** Whether forward() returns hidden states and attention (our models). */
  internals: boolean;
  /** The weights loaded. */
  dtype: ModelDtype;
}

/** One forward pass over `ids`. Arrays are row-major. */
export interface Forward {
  ids: number[];
  /** [seq × vocab] */
  logits: Float32Array;
  /** Our models: hidden[0] = embedding + position, hidden[l] = block l's output; each [seq × dim]. */
  hidden: Float32Array[];
  /** Our models: attentions[l] = block l+1's attention, [heads × seq × seq]. */
  attentions: Float32Array[];
}

export interface LanguageModel {
  info: LmInfo;
  /** The text's token ids, without the document boundaries contextIds() adds. */
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /** Vocabulary pieces by id ("▁check", "##ing", "Ġcheck", "<0xC3>"). */
  pieces: readonly string[];
  /**
   * The ids the model reads for `text`, with the position of the text's first
   * token: ours read an end-of-text token first (a document starts after one
   * in training), BERT adds [CLS] … [SEP].
   */
  contextIds(text: string): { ids: number[]; start: number; end: number };
  /** End-of-text id of our models (also their document start), or -1. */
  eosId: number;
  forward(ids: readonly number[]): Promise<Forward>;
  /** Final norm and unembedding for the logit lens (our final models only). */
  lens: Lens | null;
}

export interface LoadLmOptions {
  /** "gpt", "mlm", "gpt-step-<n>", or a hub id with `allowRemote`. */
  model: string;
  /** Folder (Node) or URL path (browser) holding our models: "/generated/models/". */
  localModelPath: string;
  /** Hub models need this (online). */
  allowRemote?: boolean;
  /** Hub models: causal (GPT-2 style) or masked (BERT style). */
  kind?: LmKind | undefined;
  remoteHost?: string | undefined;
  wasmPaths?: { mjs: string; wasm: string } | undefined;
  /** The weights: "q8" (int8, the default) or "fp32" (full precision). */
  dtype?: ModelDtype | undefined;
  onProgress?: ((label: string, fraction: number | null) => void) | undefined;
  /** How to read our models' extra files (lens.bin, lens_quantized.bin): fetch by default; Node passes a disk reader (node.ts). */
  readFile?: ReadFile | undefined;
}

function num(config: Record<string, unknown>, keys: string[]): number {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return 0;
}

async function loadOwn(options: LoadLmOptions): Promise<LanguageModel> {
  const dtype = options.dtype ?? "q8";
  const { loadRuntime } = await import("../encoder/runtime");
  const progress = (p: LoadProgress): void => {
    if (p.status === "progress" || p.status === "done")
      options.onProgress?.(`Loading ${p.file}…`, p.fraction);
  };
  let runtime: Awaited<ReturnType<typeof loadRuntime>>;
  try {
    runtime = await loadRuntime({
      model: options.model,
      localModelPath: options.localModelPath,
      allowRemote: false,
      dtype,
      wasmPaths: options.wasmPaths,
      onProgress: progress,
    });
  } catch (error) {
    throw new LmError(error instanceof Error ? error.message : String(error));
  }
  const config = runtime.config;
  const training = (config["llm_lab"] ?? null) as TrainingFacts | null;
  const kind: LmKind = config["model_type"] === "bert" ? "masked" : "causal";
  const eosId = num(config, ["eos_token_id"]);
  const maskId = num(config, ["mask_token_id"]);
  const layers = num(config, ["n_layer", "num_hidden_layers"]);
  const dim = num(config, ["n_embd", "hidden_size"]);
  const final = !options.model.includes("-step-");
  const lens = final
    ? parseLensFile(
        await (options.readFile ?? fetchFile)(
          modelFilePath(options.localModelPath, options.model, LENS_FILES[dtype]),
        ),
        dim,
        dtype,
      )
    : null;
  const info: LmInfo = {
    id: options.model,
    name:
      kind === "causal"
        ? `LLM Lab GPT${final ? "" : ` after ${training?.steps ?? "?"} steps`} (ours, offline)`
        : "LLM Lab masked LM (ours, offline)",
    kind,
    own: true,
    layers,
    heads: num(config, ["n_head", "num_attention_heads"]),
    dim,
    context: num(config, ["n_positions", "max_position_embeddings"]),
    vocabSize: num(config, ["vocab_size"]),
    maskToken: kind === "masked" ? "[MASK]" : "",
    maskId: kind === "masked" ? maskId : -1,
    training,
    internals: true,
    dtype,
  };
  return {
    info,
    pieces: runtime.pieces,
    encode: (text) => runtime.encode(text),
    decode: (ids) => runtime.decode(ids),
    eosId,
    contextIds(text) {
      const ids = runtime.encode(text);
      return kind === "causal"
        ? { ids: [eosId, ...ids], start: 1, end: ids.length + 1 }
        : { ids: [eosId, ...ids, eosId], start: 1, end: ids.length + 1 };
    },
    async forward(ids) {
      if (ids.length === 0) throw new LmError("There are no tokens to run.");
      if (ids.length > info.context)
        throw new LmError(`At most ${info.context} tokens fit this model (got ${ids.length}).`);
      const out = await runtime.run({ ids: [[...ids]], pieces: [[]], fullLengths: [ids.length] });
      const logits = out["logits"];
      if (!logits) throw new LmError(`${info.name} gave no logits.`);
      const hidden = Array.from({ length: layers + 1 }, (_, l) => out[`hidden_state_${l}`]?.data);
      const attentions = Array.from({ length: layers }, (_, l) => out[`attention_${l}`]?.data);
      return {
        ids: [...ids],
        logits: logits.data,
        hidden: hidden.filter((h): h is Float32Array => h !== undefined),
        attentions: attentions.filter((a): a is Float32Array => a !== undefined),
      };
    },
    lens,
  };
}

async function loadHub(options: LoadLmOptions): Promise<LanguageModel> {
  if (!options.allowRemote)
    throw new LmError(
      `“${options.model}” comes from the Hugging Face hub: allow the hub first (online only).`,
    );
  const { loadHubLm } = await import("./hub");
  const kind = options.kind ?? "causal";
  const hub = await loadHubLm({
    kind,
    model: options.model,
    dtype: options.dtype ?? "q8",
    wasmPaths: options.wasmPaths,
    remoteHost: options.remoteHost,
    onProgress: options.onProgress,
  });
  const info: LmInfo = {
    id: options.model,
    name: options.model,
    kind,
    own: false,
    layers: 0,
    heads: 0,
    dim: 0,
    context: 512,
    vocabSize: hub.vocabulary.length,
    maskToken: hub.maskToken,
    maskId: hub.maskId,
    training: null,
    internals: false,
    dtype: options.dtype ?? "q8",
  };
  return {
    info,
    pieces: hub.vocabulary,
    encode: (text) => hub.encode(text),
    decode: (ids) => hub.decode(ids),
    eosId: -1,
    contextIds(text) {
      const ids = hub.encode(text);
      const special = kind === "masked" ? 1 : 0;
      return { ids, start: special, end: ids.length - special };
    },
    async forward(ids) {
      return { ids: [...ids], logits: await hub.forward(ids), hidden: [], attentions: [] };
    },
    lens: null,
  };
}

export function loadLanguageModel(options: LoadLmOptions): Promise<LanguageModel> {
  return isOwnModel(options.model) ? loadOwn(options) : loadHub(options);
}
