/**
 * Cosines of the benchmark's pairs at every layer of a contextual model: each
 * example's word vector (the mean of its tokens, as ContextLens takes it) from
 * the model's encoding of the example sentence.
 */
import type { Encoding } from "../encoder/types";
import { contextualVector } from "../vectors/contextual";
import { cosine } from "../vectors/cosine";
import type { SenseExample, SensePair } from "./benchmark";

/** The word of `encoding` at `chars` (or else the first with the same letters), or undefined. */
export function wordAt(
  encoding: Encoding,
  chars: { start: number; end: number },
  form: string,
): Encoding["words"][number] | undefined {
  return (
    encoding.words.find((w) => w.chars.start === chars.start && w.chars.end === chars.end) ??
    encoding.words.find((w) => w.text.toLowerCase() === form.toLowerCase())
  );
}

/**
 * The example's word vector after every layer: [token embedding, layer input,
 * after layer 1, …]. Throws when the encoding lacks the word (cut off by the
 * model's length limit, or a tokenizer that drops it).
 */
export function exampleVectors(
  encoding: Encoding,
  example: Pick<SenseExample, "chars" | "form">,
): Float32Array[] {
  const word = wordAt(encoding, example.chars, example.form);
  if (!word)
    throw new Error(`“${example.form}” is not a word of the model's text “${encoding.text}”`);
  const states = [encoding.tokenEmbeddings, ...encoding.hiddenStates];
  return states.map((_, layer) => contextualVector(states, word.tokens, layer));
}

/** cosines[layer][pair]: the pair's cosine at each layer, from each example's vectors. */
export function pairCosines(
  vectors: readonly (readonly Float32Array[])[],
  pairs: readonly Pick<SensePair, "a" | "b">[],
): Float64Array[] {
  const layers = vectors[0]?.length ?? 0;
  return Array.from({ length: layers }, (_, layer) =>
    Float64Array.from(pairs, (p) =>
      cosine(
        vectors[p.a]?.[layer] ?? new Float32Array(),
        vectors[p.b]?.[layer] ?? new Float32Array(),
      ),
    ),
  );
}
