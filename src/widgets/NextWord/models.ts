/**
 * Where the next word comes from: the ∞-gram in the n-gram worker (offline)
 * or a hub model in the lm worker (online, loaded once per model).
 */
import {
  createLmClient,
  hubCandidates,
  ngramCandidates,
  type Candidate,
  type LmClient,
} from "@/lib/lm/index";
import {
  createNgramClient,
  type CorpusSource,
  type InfiniGramPrediction,
  type NgramClient,
} from "@/lib/ngram/index";
import { WASM_PATHS, type ModelChoice, type ModelId } from "./options";

/** Enough candidates to sample from "all" words after any context in the bundled corpora. */
export const ALL_CANDIDATES = 1_000_000;

/** One model's answer for a prompt: candidates with logits, and what to say about them. */
export interface Step {
  candidates: Candidate[];
  /** Full-vocabulary logits (hub models) or the candidates' logits (n-gram). */
  logits: Float32Array | number[];
  prediction?: InfiniGramPrediction;
  /** Hub models: the text of each token id. */
  vocabulary?: string[];
}

let ngram: NgramClient | null = null;
let lm: LmClient | null = null;
const hubModels = new Map<ModelId, Promise<{ vocabulary: string[]; maskToken: string }>>();

function ngramClient(): NgramClient {
  ngram ??= createNgramClient(
    new Worker(new URL("../../lib/ngram/worker.ts", import.meta.url), {
      type: "module",
      name: "ngram",
    }),
  );
  return ngram;
}

/** The hub-model worker: created only when the learner has allowed the hub and asks a hub model. */
function lmClient(): LmClient {
  lm ??= createLmClient(
    new Worker(new URL("../../lib/lm/worker.ts", import.meta.url), {
      type: "module",
      name: "lm",
    }),
  );
  return lm;
}

export async function modelStep(
  model: ModelChoice,
  text: string,
  options: {
    sources: CorpusSource[];
    /** How many n-gram candidates to fetch. */
    limit: number;
    /** How many hub candidates to list. */
    shown: number;
    onProgress: (label: string, fraction: number | null) => void;
  },
): Promise<Step> {
  if (model.id === "ngram") {
    const { answer } = await ngramClient().query(
      options.sources,
      { type: "predict", prompt: text, limit: options.limit },
      (p) => {
        options.onProgress(p.label, p.fraction);
      },
    );
    const candidates = ngramCandidates(answer);
    return { candidates, logits: candidates.map((c) => c.logit), prediction: answer };
  }
  const kind = model.id === "masked" ? "masked" : "causal";
  let loading = hubModels.get(model.id);
  if (!loading) {
    loading = lmClient().load(
      { kind, model: model.hubId ?? "", wasmPaths: WASM_PATHS },
      options.onProgress,
    );
    hubModels.set(model.id, loading);
    loading.catch(() => hubModels.delete(model.id));
  }
  const { vocabulary } = await loading;
  options.onProgress("Running the model…", null);
  const { logits } = await lmClient().logits(kind, text);
  return { candidates: hubCandidates(logits, vocabulary, options.shown), logits, vocabulary };
}
