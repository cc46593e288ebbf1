/** The widget's choices: models, corpora for the offline model, the slide's prompt. */
import type { CorpusSource } from "@/lib/ngram/index";
import { ASSETS } from "../../lib/assets/paths";

export const DEFAULT_PROMPT = "John wants his bank to cash the";
export const MASKED_PROMPT = "John wants his bank to cash the [MASK].";

export type ModelId = "gpt" | "mlm" | "ngram" | "causal" | "masked";

export interface ModelChoice {
  id: ModelId;
  label: string;
  /** Needs the Hugging Face hub. */
  online: boolean;
  /** Language models: reads left to right, or fills in [MASK]. */
  kind?: "causal" | "masked";
  /** Hub id for online models. */
  hubId?: string;
}

/** The first is the default: our GPT, offline. */
export const MODELS: ModelChoice[] = [
  {
    id: "gpt",
    label: "LLM Lab GPT (ours), left to right (offline)",
    online: false,
    kind: "causal",
  },
  {
    id: "mlm",
    label: "LLM Lab masked LM (ours), fill in [MASK] (offline)",
    online: false,
    kind: "masked",
  },
  { id: "ngram", label: "∞-gram over the bundled corpora (offline)", online: false },
  {
    id: "causal",
    label: "GPT-2 (distilgpt2), left to right (online)",
    online: true,
    kind: "causal",
    hubId: "Xenova/distilgpt2",
  },
  {
    id: "masked",
    label: "BERT (bert-base-uncased), fill in [MASK] (online)",
    online: true,
    kind: "masked",
    hubId: "Xenova/bert-base-uncased",
  },
];

const SOTU: CorpusSource = {
  name: "sotu",
  url: ASSETS.corpus("sotu"),
  label: "State of the Union addresses",
};
const MOBY: CorpusSource = {
  name: "moby-dick",
  url: ASSETS.corpus("moby-dick"),
  label: "Moby Dick",
};

export const CORPORA: { id: string; label: string; sources: CorpusSource[] }[] = [
  { id: "both", label: "State of the Union + Moby Dick", sources: [SOTU, MOBY] },
  { id: "sotu", label: "State of the Union addresses", sources: [SOTU] },
  { id: "moby", label: "Moby Dick", sources: [MOBY] },
];
