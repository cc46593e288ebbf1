/**
 * The vision Web Worker: loads the image embedder once, then decodes and
 * embeds the images it is sent, a batch at a time, reporting progress. An
 * image that cannot be read gets its message; the others go on.
 */
import { workerScope } from "../rpc/index";
import { decodeImage } from "./decode";
import { BATCH, loadImageEmbedder, type ImageEmbedder } from "./embedder";
import type { EmbedOutcome, FromWorker, ToWorker } from "./protocol";

const scope = workerScope<ToWorker, FromWorker>();
let embedder: Promise<ImageEmbedder> | null = null;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

async function embedAll(id: number, images: Blob[]): Promise<void> {
  const loaded = embedder;
  if (!loaded) throw new Error("Load the vision model first.");
  const model = await loaded;
  const start = performance.now();
  const outcomes: EmbedOutcome[] = [];
  for (let at = 0; at < images.length; at += BATCH) {
    const decoded = await Promise.all(
      images.slice(at, at + BATCH).map((blob) =>
        decodeImage(blob).then(
          (d) => ({ ok: true as const, ...d }),
          (error: unknown) => ({ ok: false as const, message: messageOf(error) }),
        ),
      ),
    );
    const readable = decoded.flatMap((d) => (d.ok ? [d] : []));
    const vectors = await model.embed(
      readable.map((d) => d.pixels),
      { normalize: true },
    );
    let v = 0;
    for (const d of decoded)
      outcomes.push(
        d.ok
          ? {
              ok: true,
              vector: vectors[v++] as Float32Array,
              width: d.pixels.width,
              height: d.pixels.height,
              reduced: d.reduced,
            }
          : d,
      );
    scope.postMessage({
      type: "progress",
      id,
      file: "",
      fraction: outcomes.length / images.length,
      done: outcomes.length,
    });
  }
  const buffers = outcomes.flatMap((o) => (o.ok ? [o.vector.buffer as ArrayBuffer] : []));
  scope.postMessage({ type: "embedded", id, outcomes, ms: performance.now() - start }, buffers);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "load") {
    embedder ??= loadImageEmbedder({
      ...message.options,
      onProgress: (file, fraction) => {
        scope.postMessage({ type: "progress", id: message.id, file, fraction });
      },
    });
    embedder.then(
      () => {
        scope.postMessage({ type: "loaded", id: message.id });
      },
      (error: unknown) => {
        embedder = null;
        scope.postMessage({ type: "error", id: message.id, message: messageOf(error) });
      },
    );
    return;
  }
  embedAll(message.id, message.images).catch((error: unknown) => {
    scope.postMessage({ type: "error", id: message.id, message: messageOf(error) });
  });
};
