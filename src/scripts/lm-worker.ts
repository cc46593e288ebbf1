/**
 * The page's language-model worker: one for every widget on the page (NextWord,
 * LayerLens and WatchItLearn share it, so each model loads once). Our models
 * are served by the site; a hub model is loaded only when the learner turned the
 * hub on. A failed load is forgotten so it can be retried.
 */
import { createLmClient, type LmClient, type LmInfo, type LmKind } from "@/lib/lm/index";
import { ASSETS } from "../lib/assets/paths";
import { pagePrecision } from "./precision";

/** Locally served onnxruntime-web: nothing comes from a CDN. */
export const WASM_PATHS = {
  mjs: ASSETS.ort.mjs,
  wasm: ASSETS.ort.wasm,
};

let client: LmClient | null = null;
const loads = new Map<string, Promise<LmInfo>>();

export function lmClient(): LmClient {
  client ??= createLmClient(
    new Worker(new URL("../lib/lm/worker.ts", import.meta.url), { type: "module", name: "lm" }),
  );
  return client;
}

/** Loads `model` ("gpt", "mlm", "gpt-step-<n>" or a hub id with `online`) once. */
export function loadLm(
  model: string,
  options: {
    kind?: LmKind | undefined;
    online?: boolean;
    onProgress?: (label: string, fraction: number | null) => void;
  } = {},
): Promise<LmInfo> {
  let loading = loads.get(model);
  if (!loading) {
    loading = lmClient().load(
      {
        model,
        kind: options.kind,
        localModelPath: ASSETS.models,
        allowRemote: options.online ?? false,
        // int8 weights unless the page asks for ?precision=fp32
        dtype: pagePrecision(location.search),
        wasmPaths: WASM_PATHS,
      },
      options.onProgress,
    );
    loads.set(model, loading);
    loading.catch(() => loads.delete(model));
  }
  return loading;
}
