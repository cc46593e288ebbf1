/**
 * The encoder workers of this widget: one per model, started on first use.
 * The offline model is served by the site; a hub model is downloaded only when
 * the learner turned the hub on (allowRemote).
 */
import {
  DEFAULT_MODEL,
  createEncoderClient,
  type EncoderClient,
  type EncoderInfo,
  type LoadProgress,
} from "@/lib/encoder/index";

export const OFFLINE_MODEL = DEFAULT_MODEL;

export interface LoadedModel {
  client: EncoderClient;
  info: EncoderInfo;
}

const loaded = new Map<string, Promise<LoadedModel>>();

/** The model's worker, loading it on first use; a failed load is forgotten so it can be retried. */
export function loadModel(
  model: string,
  onProgress: (progress: LoadProgress) => void,
): Promise<LoadedModel> {
  let entry = loaded.get(model);
  if (!entry) {
    const worker = new Worker(new URL("../../lib/encoder/worker.ts", import.meta.url), {
      type: "module",
    });
    const client = createEncoderClient(worker);
    const remote = model !== OFFLINE_MODEL;
    entry = client
      .load(
        {
          model,
          localModelPath: "/generated/models/",
          allowRemote: remote,
          wasmPaths: {
            mjs: "/generated/ort/ort-wasm-simd-threaded.mjs",
            wasm: "/generated/ort/ort-wasm-simd-threaded.wasm",
          },
        },
        onProgress,
      )
      .then((info) => ({ client, info }));
    entry.catch(() => {
      client.terminate();
      loaded.delete(model);
    });
    loaded.set(model, entry);
  }
  return entry;
}

/** A plausible hub id ("owner/name"), checked before anything is downloaded. */
export function hubIdProblem(id: string): string | null {
  if (!id.trim()) return "Type a hub model id, e.g. Xenova/bert-base-uncased.";
  if (!/^[\w.-]+\/[\w.-]+$/.test(id.trim()))
    return `“${id.trim()}” is not a hub model id: use the form owner/name, e.g. Xenova/bert-base-uncased.`;
  return null;
}
