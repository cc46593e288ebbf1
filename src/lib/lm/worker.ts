/**
 * The hub-model worker: loads a causal and/or a masked LM from the Hugging
 * Face hub (online only) and computes logits off the page's thread. Start it
 * with `new Worker(new URL("…/lib/lm/worker.ts", import.meta.url), { type: "module" })`
 * and talk to it through createLmClient().
 */
import { loadHubLm, type HubLm, type LmKind } from "./hub";
import type { FromLmWorker, ToLmWorker } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToLmWorker>) => void) | null;
  postMessage(message: FromLmWorker, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const models = new Map<LmKind, HubLm>();

scope.onmessage = (event) => {
  const message = event.data;
  void (async () => {
    try {
      if (message.type === "load") {
        const lm = await loadHubLm({
          ...message.options,
          onProgress: (label, fraction) => {
            scope.postMessage({ id: message.id, type: "progress", label, fraction });
          },
        });
        models.set(lm.kind, lm);
        scope.postMessage({
          id: message.id,
          type: "loaded",
          vocabulary: lm.vocabulary,
          maskToken: lm.maskToken,
        });
        return;
      }
      const lm = models.get(message.kind);
      if (!lm) throw new Error("Load the model first.");
      const start = performance.now();
      const logits = await lm.logits(message.text);
      scope.postMessage({ id: message.id, type: "logits", logits, ms: performance.now() - start }, [
        logits.buffer,
      ]);
    } catch (error) {
      scope.postMessage({
        id: message.id,
        type: "error",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
};
