/**
 * The encoder's Web Worker: loads the model once and encodes on request, so
 * the page never freezes. Start it with
 * `new Worker(new URL("…/lib/encoder/worker.ts", import.meta.url), { type: "module" })`
 * and talk to it through createEncoderClient().
 */
import { workerScope } from "../rpc/index";
import { loadEncoder, type Encoder } from "./encoder";
import { transferables, type FromWorker, type ToWorker } from "./protocol";

const scope = workerScope<ToWorker, FromWorker>();
let encoder: Promise<Encoder> | null = null;

function fail(id: number, error: unknown): void {
  scope.postMessage({
    type: "error",
    id,
    message: error instanceof Error ? error.message : String(error),
  });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "load") {
    encoder = loadEncoder({
      ...message.options,
      onProgress: (progress) => {
        scope.postMessage({ type: "progress", id: message.id, progress });
      },
    });
    encoder.then(
      (loaded) => {
        scope.postMessage({ type: "loaded", id: message.id, info: loaded.info });
      },
      (error: unknown) => {
        encoder = null;
        fail(message.id, error);
      },
    );
    return;
  }
  if (!encoder) {
    fail(message.id, new Error("The model is not loaded yet."));
    return;
  }
  const start = performance.now();
  encoder
    .then((loaded) => loaded.encode(message.texts))
    .then(
      (encodings) => {
        scope.postMessage(
          { type: "encoded", id: message.id, encodings, ms: performance.now() - start },
          transferables(encodings),
        );
      },
      (error: unknown) => {
        fail(message.id, error);
      },
    );
};
