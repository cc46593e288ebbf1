import { isOwnModel } from "../lm/models";
import { alignTokens, displayToken, wordSpans } from "./align";
import { numbered, sliceAttention, sliceRow, sliceSequence, type RawTensor } from "./outputs";
import type { LoadedRuntime, RuntimeOptions } from "./runtime";
import {
  EncoderError,
  type Encoding,
  type EncoderInfo,
  type LoadProgress,
  type ModelDtype,
} from "./types";

/** The offline default: Universal Sentence Encoder lite, converted by scripts/assets/encoder.ts. */
export const DEFAULT_MODEL = "use-lite";

export interface LoadEncoderOptions {
  /** "use-lite" (default, offline) or a hub id such as "Xenova/bert-base-uncased". */
  model?: string;
  /** Folder (Node) or URL path (browser) holding local models, e.g. "/generated/models/". */
  localModelPath: string;
  /** Allow the hub (online). Off by default: nothing leaves the machine. */
  allowRemote?: boolean;
  /** The hub's address, for a mirror (default https://huggingface.co/). */
  remoteHost?: string;
  /** Browser only: locally served onnxruntime-web files. */
  wasmPaths?: { mjs: string; wasm: string };
  /**
   * The weights: "q8" (int8) by default for the site's own models, "fp32" by
   * default for hub models (not every hub model ships an int8 file).
   */
  dtype?: ModelDtype | undefined;
  onProgress?: (progress: LoadProgress) => void;
}

export interface Encoder {
  info: EncoderInfo;
  encode(text: string): Promise<Encoding>;
  encode(texts: readonly string[]): Promise<Encoding[]>;
}

function ownModelName(model: string): string {
  if (model === DEFAULT_MODEL) return "Universal Sentence Encoder lite (offline)";
  if (model === "mlm") return "LLM Lab masked LM (ours, offline)";
  return model === "gpt"
    ? "LLM Lab GPT (ours, offline)"
    : `LLM Lab GPT, checkpoint ${model} (offline)`;
}

function tokenStyleOf(pieces: Iterable<string>): EncoderInfo["tokenStyle"] {
  for (const piece of pieces) {
    if (piece.startsWith("\u2581")) return "metaspace";
    if (piece.startsWith("##")) return "wordpiece";
    if (piece.startsWith("\u0120")) return "byte-level";
  }
  return "metaspace";
}

function numberFrom(
  config: Record<string, unknown>,
  keys: readonly string[],
  fallback: number,
): number {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return fallback;
}

export async function loadEncoder(options: LoadEncoderOptions): Promise<Encoder> {
  const model = options.model ?? DEFAULT_MODEL;
  // The site's own models: USE-lite and the course's GPT and masked LM (scripts/train/).
  const offline = model === DEFAULT_MODEL || isOwnModel(model);
  const dtype = options.dtype ?? (offline ? "q8" : "fp32");
  const runtimeOptions: RuntimeOptions = {
    model,
    localModelPath: options.localModelPath,
    allowRemote: !offline && (options.allowRemote ?? false),
    dtype,
    remoteHost: options.remoteHost,
    wasmPaths: options.wasmPaths,
    onProgress: options.onProgress,
  };
  if (!offline) {
    const { exposeAttention } = await import("./onnx-attention");
    runtimeOptions.patchModel = exposeAttention;
  }
  const { loadRuntime } = await import("./runtime");
  const runtime: LoadedRuntime = await loadRuntime(runtimeOptions);
  const config = runtime.config;
  const maxLength = Math.min(
    512,
    numberFrom(config, ["max_position_embeddings", "n_positions"], 512),
  );
  const lowercase = config["do_lower_case"] === true || /uncased/i.test(model);
  const probe = runtime.tokenize(["the bank"], maxLength);
  const info: EncoderInfo = {
    id: model,
    name: offline ? ownModelName(model) : model,
    layers: numberFrom(config, ["num_hidden_layers", "n_layer"], 0),
    heads: numberFrom(config, ["num_attention_heads", "n_head"], 0),
    maxLength,
    tokenStyle: tokenStyleOf(probe.pieces[0] ?? []),
    offline,
    dtype,
  };

  async function encodeMany(texts: readonly string[]): Promise<Encoding[]> {
    const normalized = texts.map((text) => text.normalize("NFKC"));
    const empty = normalized.findIndex((text) => text.trim() === "");
    if (empty !== -1)
      throw new EncoderError(
        texts.length === 1
          ? "Type some text to encode."
          : `Text ${empty + 1} is empty: type some text or remove it.`,
      );
    const batch = runtime.tokenize(normalized, maxLength);
    const outputs = await runtime.run(batch);
    const need = (name: string): RawTensor => {
      const tensor = outputs[name];
      if (!tensor) throw new EncoderError(`The model gave no “${name}” output.`);
      return tensor;
    };
    const hiddenNames = numbered(Object.keys(outputs), "hidden_state");
    const attentionNames = numbered(Object.keys(outputs), "attention");
    if (attentionNames.length === 0)
      throw new EncoderError(
        `${info.name} exposes no attention: its attention is fused into one operator, so there are no weights to show. Try another model.`,
      );
    return normalized.map((full, b) => {
      const ids = batch.ids[b] ?? [];
      const pieces = batch.pieces[b] ?? [];
      const n = ids.length;
      const offsets = alignTokens(full, pieces, info.tokenStyle, lowercase);
      const kept = offsets.reduce((end, o) => Math.max(end, o.end), 0);
      const truncated = (batch.fullLengths[b] ?? n) > n;
      const text = truncated ? full.slice(0, kept) : full;
      const layers = hiddenNames.length > 0 ? hiddenNames : ["last_hidden_state"];
      return {
        text,
        tokens: pieces.map((p) => displayToken(p, info.tokenStyle)),
        pieces,
        tokenIds: ids,
        offsets,
        words: wordSpans(text, offsets),
        tokenEmbeddings: outputs["token_embeddings"]
          ? sliceSequence(need("token_embeddings"), b, n)
          : sliceSequence(need(layers[0] as string), b, n),
        hiddenStates: layers.map((name) => sliceSequence(need(name), b, n)),
        attentions: attentionNames.map((name) => sliceAttention(need(name), b, n)),
        sentenceEmbedding: outputs["sentence_embedding"]
          ? sliceRow(need("sentence_embedding"), b)
          : null,
        truncated: truncated
          ? {
              keptTokens: n,
              notice: `The text is longer than the model's limit of ${maxLength} tokens; only the first ${n} tokens were used.`,
            }
          : null,
      };
    });
  }

  function encode(text: string): Promise<Encoding>;
  function encode(texts: readonly string[]): Promise<Encoding[]>;
  async function encode(input: string | readonly string[]): Promise<Encoding | Encoding[]> {
    if (typeof input === "string") return (await encodeMany([input]))[0] as Encoding;
    if (input.length === 0) return [];
    return encodeMany(input);
  }

  return { info, encode };
}
