/**
 * This widget's encoder: one Web Worker for the page, started on first use,
 * loading the offline model the site serves (nothing leaves 127.0.0.1).
 */
import { createEncoderClient, type EncoderClient } from "@/lib/encoder/index";

let client: EncoderClient | null = null;
let ready: Promise<unknown> | null = null;

/** One worker for this widget on the page, started on first use. */
export function encoderClient(onProgress: (label: string, fraction?: number) => void): {
  client: EncoderClient;
  ready: Promise<unknown>;
} {
  if (!client || !ready) {
    const worker = new Worker(new URL("../../lib/encoder/worker.ts", import.meta.url), {
      type: "module",
    });
    client = createEncoderClient(worker);
    ready = client.load(
      {
        localModelPath: "/generated/models/",
        wasmPaths: {
          mjs: "/generated/ort/ort-wasm-simd-threaded.mjs",
          wasm: "/generated/ort/ort-wasm-simd-threaded.wasm",
        },
      },
      (p) => {
        onProgress(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
      },
    );
    ready.catch(() => {
      client?.terminate();
      client = null;
      ready = null;
    });
  }
  return { client, ready };
}
