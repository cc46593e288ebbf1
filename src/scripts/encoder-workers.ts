/**
 * The page's encoder workers: one per model, started on first use and shared
 * by every widget on the page (lesson 03 has two widgets on the same model;
 * they load it once). The offline model is served by the site; a hub model is
 * downloaded only when the learner turned the hub on. Every caller waiting on
 * a load hears its progress; a failed load is forgotten so it can be retried.
 */
import {
  DEFAULT_MODEL,
  createEncoderClient,
  type EncoderClient,
  type EncoderInfo,
  type LoadProgress,
} from "@/lib/encoder/index";
import { ASSETS } from "../lib/assets/paths";
import { pagePrecision } from "./precision";

export const OFFLINE_MODEL = DEFAULT_MODEL;

/** A plausible hub id ("owner/name"), checked before anything is downloaded. */
export function hubIdProblem(id: string): string | null {
  if (!id.trim()) return "Type a hub model id, e.g. Xenova/bert-base-uncased.";
  if (!/^[\w.-]+\/[\w.-]+$/.test(id.trim()))
    return `“${id.trim()}” is not a hub model id: use the form owner/name, e.g. Xenova/bert-base-uncased.`;
  return null;
}

export interface LoadedModel {
  client: EncoderClient;
  info: EncoderInfo;
}

interface Entry {
  loaded: Promise<LoadedModel>;
  listeners: Set<(progress: LoadProgress) => void>;
  /** Once loaded, there is no progress left to hear. */
  settled: boolean;
}

const entries = new Map<string, Entry>();

/** The model's worker, loading it on first use. */
export function loadModel(
  model: string,
  onProgress?: (progress: LoadProgress) => void,
): Promise<LoadedModel> {
  let entry = entries.get(model);
  if (!entry) {
    const worker = new Worker(new URL("../lib/encoder/worker.ts", import.meta.url), {
      type: "module",
    });
    const client = createEncoderClient(worker);
    const listeners = new Set<(progress: LoadProgress) => void>();
    const loaded = client
      .load(
        {
          model,
          localModelPath: ASSETS.models,
          allowRemote: model !== OFFLINE_MODEL,
          // int8 weights unless the page asks for ?precision=fp32
          dtype: pagePrecision(location.search),
          wasmPaths: {
            mjs: ASSETS.ort.mjs,
            wasm: ASSETS.ort.wasm,
          },
        },
        (progress) => {
          for (const listener of listeners) listener(progress);
        },
      )
      .then((info) => ({ client, info }));
    const created: Entry = { loaded, listeners, settled: false };
    loaded.then(
      () => {
        created.settled = true;
        listeners.clear();
      },
      () => {
        created.settled = true;
        client.terminate();
        listeners.clear();
        if (entries.get(model) === created) entries.delete(model);
      },
    );
    entries.set(model, created);
    entry = created;
  }
  if (onProgress && !entry.settled) entry.listeners.add(onProgress);
  return entry.loaded;
}

/** The offline encoder, with progress worded for a loading bar. */
export async function offlineEncoder(
  onProgress: (label: string, fraction?: number) => void,
): Promise<EncoderClient> {
  const { client } = await loadModel(OFFLINE_MODEL, (p) => {
    onProgress(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
  });
  return client;
}
