/**
 * The language-model worker: loads our models (served by the site) or a hub
 * model (online) once each and answers predictions off the page's thread.
 * Start it with `new Worker(new URL("…/lib/lm/worker.ts", import.meta.url), { type: "module" })`
 * and talk to it through createLmClient().
 */
import { workerScope } from "../rpc/index";
import { generate } from "./generate";
import { loadLanguageModel, type LanguageModel } from "./language-model";
import { layerPredictions } from "./layers";
import { fillMask, predictNext } from "./predict";
import type { FromLmWorker, ToLmWorker } from "./protocol";

const scope = workerScope<ToLmWorker, FromLmWorker>();
const models = new Map<string, Promise<LanguageModel>>();

function model(id: string): Promise<LanguageModel> {
  const found = models.get(id);
  if (!found) throw new Error("Load the model first.");
  return found;
}

async function handle(message: ToLmWorker): Promise<void> {
  const id = message.id;
  if (message.type === "load") {
    let loading = models.get(message.options.model);
    if (!loading) {
      loading = loadLanguageModel({
        ...message.options,
        onProgress: (label, fraction) => {
          scope.postMessage({ id, type: "progress", label, fraction });
        },
      });
      models.set(message.options.model, loading);
      loading.catch(() => models.delete(message.options.model));
    }
    scope.postMessage({ id, type: "loaded", info: (await loading).info });
    return;
  }
  const lm = await model(message.model);
  const start = performance.now();
  switch (message.type) {
    case "predict":
    case "fill": {
      const run = message.type === "predict" ? predictNext : fillMask;
      const prediction = await run(lm, message.text, message.top);
      // The full probabilities stay here; the page gets the logits to sample from.
      const reply = { ...prediction, probabilities: new Float64Array(0) };
      scope.postMessage(
        { id, type: "prediction", prediction: reply, ms: performance.now() - start },
        [reply.logits.buffer as ArrayBuffer],
      );
      return;
    }
    case "generate": {
      const generation = await generate(lm, message.text, message.options);
      scope.postMessage({ id, type: "generation", generation, ms: performance.now() - start });
      return;
    }
    case "layers": {
      const layers = await layerPredictions(lm, message.text, message.top);
      scope.postMessage({ id, type: "layers", layers, ms: performance.now() - start });
      return;
    }
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  handle(message).catch((error: unknown) => {
    scope.postMessage({
      id: message.id,
      type: "error",
      message: error instanceof Error ? error.message : String(error),
    });
  });
};
