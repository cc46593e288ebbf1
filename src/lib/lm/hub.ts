/**
 * The only place `lm` touches @huggingface/transformers: a causal LM (GPT-2
 * style, next token) or a masked LM (BERT style, fill in [MASK]) from the
 * Hugging Face hub, returning plain logits. Online only: nothing here runs
 * unless the learner switches the hub on.
 */
import {
  AutoModelForCausalLM,
  AutoModelForMaskedLM,
  AutoTokenizer,
  env,
  Tensor,
} from "@huggingface/transformers";
import type { ModelDtype } from "../encoder/types";
import { configureHubEnv } from "../runtime/index";
import { LmError } from "./errors";
import { logitsAt, maskPosition, withMask } from "./logits";
import type { LmKind } from "./models";

export type { LmKind } from "./models";

export interface HubLoadOptions {
  kind: LmKind;
  /** A hub id such as "Xenova/distilgpt2" or "Xenova/bert-base-uncased". */
  model: string;
  /** The hub's int8 file ("q8", the default) or its full-precision one ("fp32"). */
  dtype?: ModelDtype | undefined;
  /** Locally served onnxruntime-web files, so nothing comes from a CDN. */
  wasmPaths?: { mjs: string; wasm: string } | undefined;
  /** The hub's address (default https://huggingface.co/); a mirror or a test server. */
  remoteHost?: string | undefined;
  onProgress?: ((label: string, fraction: number | null) => void) | undefined;
}

export interface HubLm {
  kind: LmKind;
  model: string;
  /** The text of every token id ("Ġcheck" reads " check"). */
  vocabulary: string[];
  /** The mask token ("[MASK]") of a masked LM; "" for a causal LM. */
  maskToken: string;
  /** Its id, or -1. */
  maskId: number;
  /** Causal: logits for the token after `text`. Masked: logits at the mask in `text`. */
  logits(text: string): Promise<Float32Array>;
  /** Token ids with the special tokens the tokenizer adds ([CLS] … [SEP] for BERT). */
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /** Logits at every position of `ids`: [seq × vocab], row-major. */
  forward(ids: readonly number[]): Promise<Float32Array>;
}

interface ProgressInfo {
  status?: string;
  file?: string;
  progress?: number;
}

function configure(options: HubLoadOptions): void {
  configureHubEnv(env, options);
}

export async function loadHubLm(options: HubLoadOptions): Promise<HubLm> {
  configure(options);
  const progress_callback = (info: ProgressInfo): void => {
    if (info.status !== "progress" && info.status !== "done") return;
    options.onProgress?.(
      `Downloading ${info.file ?? "model files"} from the Hugging Face hub…`,
      typeof info.progress === "number" ? info.progress / 100 : null,
    );
  };
  const Model = options.kind === "causal" ? AutoModelForCausalLM : AutoModelForMaskedLM;
  let tokenizer: Awaited<ReturnType<typeof AutoTokenizer.from_pretrained>>;
  let model: Awaited<ReturnType<typeof Model.from_pretrained>>;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(options.model, { progress_callback });
    model = await Model.from_pretrained(options.model, {
      dtype: options.dtype ?? "q8",
      progress_callback,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LmError(`Could not load “${options.model}” from the Hugging Face hub: ${reason}`);
  }
  const size = tokenizer.get_vocab().size;
  const vocabulary = Array.from({ length: size }, (_, id) =>
    tokenizer.decode([id], { skip_special_tokens: false }),
  );
  const maskToken = options.kind === "masked" ? tokenizer.mask_token : "";
  async function run(ids: readonly number[]): Promise<{ data: Float32Array; dims: number[] }> {
    const dims = [1, ids.length];
    const output = (await model({
      input_ids: new Tensor("int64", BigInt64Array.from(ids, BigInt), dims),
      attention_mask: new Tensor("int64", new BigInt64Array(ids.length).fill(1n), dims),
      ...(options.kind === "masked"
        ? { token_type_ids: new Tensor("int64", new BigInt64Array(ids.length), dims) }
        : {}),
    })) as { logits?: unknown };
    const logits = output.logits;
    if (!(logits instanceof Tensor) || !(logits.data instanceof Float32Array))
      throw new LmError(`“${options.model}” returned no logits.`);
    return { data: logits.data, dims: logits.dims };
  }
  return {
    kind: options.kind,
    model: options.model,
    vocabulary,
    maskToken,
    maskId: options.kind === "masked" ? tokenizer.mask_token_id : -1,
    encode: (text) => tokenizer.encode(text),
    decode: (ids) => tokenizer.decode([...ids], { skip_special_tokens: false }),
    async forward(ids) {
      const { data } = await run(ids);
      return data;
    },
    async logits(text) {
      const input = options.kind === "masked" ? withMask(text, maskToken) : text;
      const ids = tokenizer.encode(input);
      if (ids.length === 0) throw new LmError("Type some text first.");
      const position =
        options.kind === "masked" ? maskPosition(ids, tokenizer.mask_token_id, maskToken) : -1;
      const { data, dims } = await run(ids);
      return logitsAt(data, dims, position);
    },
  };
}
