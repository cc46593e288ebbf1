/**
 * The page's vision worker, started on first use and shared by every widget
 * on the page: the offline image model (src/lib/vision) served by the site.
 * A failed load is forgotten so it can be retried.
 */
import { createVisionClient, type VisionClient } from "@/lib/vision/index";
import { ASSETS } from "../lib/assets/paths";

let loaded: Promise<VisionClient> | null = null;

export function visionWorker(
  onProgress: (label: string, fraction?: number) => void,
): Promise<VisionClient> {
  if (!loaded) {
    const worker = new Worker(new URL("../lib/vision/worker.ts", import.meta.url), {
      type: "module",
    });
    const client = createVisionClient(worker);
    loaded = client
      .load(
        {
          localModelPath: ASSETS.models,
          wasmPaths: { mjs: ASSETS.ort.mjs, wasm: ASSETS.ort.wasm },
        },
        (file, fraction) => {
          onProgress(`Loading the image model: ${file || "files"}…`, fraction ?? undefined);
        },
      )
      .then(() => client);
    loaded.catch(() => {
      client.terminate();
      loaded = null;
    });
  }
  return loaded;
}
