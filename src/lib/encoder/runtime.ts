/**
 * The only place the encoder touches @huggingface/transformers: load a
 * tokenizer and an ONNX encoder (local folder or the Hugging Face hub), run
 * them, and hand back plain typed arrays.
 */
import { AutoModel, AutoTokenizer, env, Tensor } from "@huggingface/transformers";
import { configureTransformersEnv, readWithProgress } from "../runtime/index";
import type { RawTensor } from "./outputs";
import { sessionOptions } from "./precision";
import { EncoderError, type LoadProgress, type ModelDtype } from "./types";

export interface RuntimeOptions {
  /** Model id: a folder name under `localModelPath`, or a hub id. */
  model: string;
  /** Folder (Node) or URL path (browser) that holds local models. */
  localModelPath: string;
  /** Allow downloads from the hub (online only). */
  allowRemote: boolean;
  /** The weights: onnx/model_quantized.onnx ("q8") or onnx/model.onnx ("fp32"). */
  dtype: ModelDtype;
  /** The hub's address (default https://huggingface.co/); a mirror or a test server. */
  remoteHost?: string | undefined;
  /** Browser: locally served onnxruntime-web files, so nothing comes from a CDN. */
  wasmPaths?: { mjs: string; wasm: string } | undefined;
  /** Rewrites downloaded .onnx files before use (e.g. to expose attention). */
  patchModel?: ((bytes: Uint8Array) => Uint8Array) | undefined;
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

export interface TokenizedBatch {
  ids: number[][];
  pieces: string[][];
  /** Full token count of each text before truncation. */
  fullLengths: number[];
}

export interface LoadedRuntime {
  config: Record<string, unknown>;
  /** Vocabulary pieces by id ("▁bank"). */
  pieces: string[];
  /** Token ids of a text as the tokenizer makes them (with the special tokens it adds). */
  encode(text: string): number[];
  /** Text of token ids (special tokens kept). */
  decode(ids: readonly number[]): string;
  tokenize(texts: readonly string[], maxLength: number): TokenizedBatch;
  run(batch: TokenizedBatch): Promise<Record<string, RawTensor>>;
}

interface ProgressInfo {
  status?: string;
  file?: string;
  progress?: number;
}

function configure(options: RuntimeOptions): void {
  configureTransformersEnv(env, {
    localModelPath: options.localModelPath,
    allowRemote: options.allowRemote,
    remoteHost: options.remoteHost,
    wasmPaths: options.wasmPaths,
    // Each file is fetched once, with progress (see singleFetchCache).
    cache: singleFetchCache(options),
  });
}

/** The file name a progress report shows: "onnx/model.onnx" for …/use-lite/onnx/model.onnx. */
function shortName(url: string, model: string): string {
  const at = url.indexOf(`${model}/`);
  const rest = at === -1 ? url : url.slice(at + model.length + 1);
  return rest.replace(/^resolve\/[^/]+\//, "");
}

/**
 * A cache in front of transformers.js's downloads: each file is fetched once
 * (transformers.js would also fetch it whole just to read its headers), with
 * progress, and a downloaded .onnx goes through `patchModel`. Files on disk
 * (Node) are left to transformers.js.
 */
function singleFetchCache(options: RuntimeOptions): {
  match(request: string | Request): Promise<Response | undefined>;
  put(): Promise<void>;
} {
  const files = new Map<string, Promise<{ bytes: Uint8Array; type: string } | null>>();
  // The page's or the worker's address (none in Node).
  const base = (globalThis as { location?: { href: string } }).location?.href;
  const localBase = base === undefined ? undefined : new URL(options.localModelPath, base).href;
  return {
    async match(request) {
      const raw = typeof request === "string" ? request : request.url;
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        return undefined; // a file path in Node
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
      const key = url.href;
      // Only the site's own model folder, unless the learner allowed the hub.
      const local = localBase !== undefined && key.startsWith(localBase);
      if (!local && !options.allowRemote) return undefined;
      let entry = files.get(key);
      if (!entry) {
        const file = shortName(key, options.model);
        entry = (async () => {
          const response = await fetch(key);
          if (!response.ok) return null;
          const type = response.headers.get("content-type") ?? "application/octet-stream";
          let bytes = await readWithProgress(response, ({ fraction }) => {
            options.onProgress?.({ file, fraction, status: "progress" });
          });
          if (options.patchModel && key.endsWith(".onnx")) bytes = options.patchModel(bytes);
          options.onProgress?.({ file, fraction: 1, status: "done" });
          return { bytes, type };
        })();
        files.set(key, entry);
        entry.catch(() => files.delete(key));
      }
      const found = await entry;
      if (!found) return undefined;
      return new Response(new Blob([found.bytes.slice()]), {
        headers: { "content-type": found.type, "content-length": String(found.bytes.length) },
      });
    },
    async put() {
      /* match() keeps every file it fetched */
    },
  };
}

function toRaw(value: unknown): RawTensor | null {
  if (!(value instanceof Tensor) || !(value.data instanceof Float32Array)) return null;
  return { data: value.data, dims: value.dims };
}

export async function loadRuntime(options: RuntimeOptions): Promise<LoadedRuntime> {
  configure(options);
  const progress_callback = (info: ProgressInfo): void => {
    const status = info.status;
    if (
      status !== "initiate" &&
      status !== "download" &&
      status !== "progress" &&
      status !== "done" &&
      status !== "ready"
    )
      return;
    options.onProgress?.({
      file: info.file ?? "",
      fraction: typeof info.progress === "number" ? info.progress / 100 : null,
      status,
    });
  };
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  let model: Awaited<ReturnType<typeof AutoModel.from_pretrained>>;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(options.model, { progress_callback });
    model = await AutoModel.from_pretrained(options.model, {
      dtype: options.dtype,
      session_options: sessionOptions(options.dtype),
      progress_callback,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EncoderError(
      options.allowRemote
        ? `Could not load the model “${options.model}”: ${reason}`
        : `The model “${options.model}” is not available offline (${reason}).`,
    );
  }
  const pieceOf: string[] = [];
  for (const [piece, id] of tokenizer.get_vocab()) pieceOf[id] = piece;
  // Special tokens stand for no text; the unknown token does stand for some.
  const specials = tokenizer.all_special_ids.filter((id) => id !== tokenizer.unk_token_id);

  return {
    config: model.config as unknown as Record<string, unknown>,
    pieces: pieceOf,
    encode: (text) => tokenizer.encode(text),
    decode: (ids) => tokenizer.decode([...ids], { skip_special_tokens: false }),
    tokenize(texts, maxLength) {
      const ids = texts.map((text) => tokenizer.encode(text));
      const fullLengths = ids.map((row) => row.length);
      const cut = ids.map((row) =>
        row.length <= maxLength
          ? row
          : // Keep a closing special token (BERT's [SEP]) when the model has one.
            specials.includes(row.at(-1) ?? -1)
            ? [...row.slice(0, maxLength - 1), row.at(-1) as number]
            : row.slice(0, maxLength),
      );
      // tokenize() spells unknown pieces with the characters they stand for ("🐱", not "�").
      const pieces = cut.map((row, b) => {
        const spelled = tokenizer.tokenize(texts[b] ?? "");
        let k = 0;
        return row.map((id) =>
          specials.includes(id) ? (pieceOf[id] ?? "") : (spelled[k++] ?? pieceOf[id] ?? ""),
        );
      });
      return { ids: cut, pieces, fullLengths };
    },
    async run(batch) {
      const seq = Math.max(1, ...batch.ids.map((row) => row.length));
      // The pad id is masked out; any valid id will do.
      const padId = tokenizer.pad_token_id;
      const ids = new BigInt64Array(batch.ids.length * seq).fill(BigInt(padId));
      const mask = new BigInt64Array(batch.ids.length * seq);
      batch.ids.forEach((row, b) => {
        row.forEach((id, t) => {
          ids[b * seq + t] = BigInt(id);
          mask[b * seq + t] = 1n;
        });
      });
      const dims = [batch.ids.length, seq];
      const outputs = (await model({
        input_ids: new Tensor("int64", ids, dims),
        attention_mask: new Tensor("int64", mask, dims),
        token_type_ids: new Tensor("int64", new BigInt64Array(ids.length), dims),
      })) as Record<string, unknown>;
      const raw: Record<string, RawTensor> = {};
      for (const [name, value] of Object.entries(outputs)) {
        const tensor = toRaw(value);
        if (tensor) raw[name] = tensor;
      }
      return raw;
    },
  };
}
