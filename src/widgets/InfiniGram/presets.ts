/** Corpus choices, example n-grams and example texts to trace. */
import type { CorpusSource } from "@/lib/ngram/index";
import { ASSETS } from "../../lib/assets/paths";

export interface CorpusChoice {
  id: string;
  label: string;
  sources: CorpusSource[];
}

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

export const CORPUS_CHOICES: CorpusChoice[] = [
  { id: "sotu", label: "State of the Union addresses (1790–2021)", sources: [SOTU] },
  { id: "moby", label: "Moby Dick (Melville 1851)", sources: [MOBY] },
  { id: "both", label: "Both", sources: [SOTU, MOBY] },
];

export const CORPUS_NAMES: Record<string, string> = {
  sotu: "State of the Union",
  "moby-dick": "Moby Dick",
};

export function corpusChoice(id: string | undefined): CorpusChoice {
  return CORPUS_CHOICES.find((c) => c.id === id) ?? (CORPUS_CHOICES[0] as CorpusChoice);
}

export const DEFAULT_NGRAM = "the state of the";

export interface TracePreset {
  id: string;
  label: string;
  text: string;
}

export const TRACE_PRESETS: TracePreset[] = [
  {
    id: "cats",
    label: "OLMo's answer: “what is the best cat?” (slides)",
    text: `The question of "the best cat" can be subjective and depends on a variety of factors, such as the environment you live in, your lifestyle, the time you have to spend with your pet, and your personal preferences for a pet's personality, appearance, and needs. Here are a few considerations:

Personality: If you're looking for a friendly and affectionate cat, breeds like the Ragdoll, Persian, and Maine Coon are often praised for their gentle and loving nature.

Grooming: If you're looking for a low-maintenance pet, consider a short-haired breed like the Siamese or the domestic shorthair. Longhaired cats like the Persian or the Maine Coon typically require regular grooming.`,
  },
  {
    id: "sotu",
    label: "A State of the Union-like paragraph",
    text: `Mr. Speaker, Mr. Vice President, Members of Congress, my fellow Americans: tonight the state of our Union is strong, and it grows stronger every year. We have made real progress, but our work is not yet done. I ask the Congress to join me in a new effort to reduce the burden of taxation on working families, to strengthen our schools, and to secure the blessings of liberty to ourselves and our posterity. Let us work together to keep the peace and to build a future worthy of a great nation.`,
  },
  {
    id: "moby",
    label: "A sea story in Melville's manner",
    text: `Call me Ishmael, for that is the name I gave the captain. It was a damp, drizzly November in my soul, and I thought I would sail about a little and see the watery part of the world. Soon the whale-ship left the harbour, and the crew gathered on the quarter-deck to hear of the white whale.`,
  },
];

export function tracePreset(id: string | undefined): TracePreset | undefined {
  return TRACE_PRESETS.find((p) => p.id === id);
}
