/**
 * The polysemy benchmark: WordNet example sentences of one word in different
 * senses, from synsets our language models never saw (the held-out splits of
 * src/lib/senses/split.ts), paired WiC-style (Pilehvar & Camacho-Collados
 * 2019): two sentences with the same word form and part of speech, labelled
 * same sense or different sense. A different-sense pair is "related" when both
 * synsets are in one WordNet category (lexicographer file, e.g. noun.artifact:
 * polysemy) and "distant" when not (bank: noun.object vs noun.group, a proxy
 * for homonymy).
 */
import { lexName } from "./lexnames";
import { findLemma } from "./morph";
import { splitOf, type Split } from "./split";
import type { Synset, WordNetPos } from "./wordnet";

export interface SenseExample {
  /** "bank|n|banks": lemma, part of speech and the form as written (case kept: "Bank" is another token). */
  word: string;
  lemma: string;
  pos: WordNetPos;
  form: string;
  synset: string;
  category: string;
  definition: string;
  text: string;
  /** Where the form is in `text`. */
  chars: { start: number; end: number };
  split: Split;
}

export type PairKind = "same" | "related" | "distant";

export interface SensePair {
  word: string;
  /** Indices into the examples. */
  a: number;
  b: number;
  kind: PairKind;
}

const SIMPLE_LEMMA = /^[a-z]{3,}$/;

/**
 * Every example sentence of every single-word lemma (lower case, three letters
 * or more) of the given synsets that contains a form of the lemma, from
 * synsets in `splits`. A sentence repeated in a synset counts once.
 */
export function senseExamples(
  synsets: readonly Synset[],
  splits: readonly Split[] = ["valid", "test"],
): SenseExample[] {
  const out: SenseExample[] = [];
  const seen = new Set<string>();
  for (const synset of synsets) {
    const split = splitOf(`wordnet:${synset.id}`);
    if (!splits.includes(split)) continue;
    for (const written of synset.words) {
      const lemma = written.toLowerCase();
      if (!SIMPLE_LEMMA.test(lemma)) continue;
      for (const text of synset.examples) {
        const found = findLemma(text, lemma, synset.pos);
        if (!found) continue;
        const word = `${lemma}|${synset.pos}|${found.form}`;
        const key = `${word}\u0000${synset.id}\u0000${text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          word,
          lemma,
          pos: synset.pos,
          form: found.form,
          synset: synset.id,
          category: lexName(synset.lexFile),
          definition: synset.definition,
          text,
          chars: { start: found.start, end: found.end },
          split,
        });
      }
    }
  }
  return out;
}

/**
 * Every pair of examples of one word (same lemma, part of speech and form)
 * with different sentences, for the words that have at least one
 * different-sense pair; same-sense pairs of other words are left out, so each
 * word in the benchmark can be wrong.
 */
export function sensePairs(examples: readonly SenseExample[]): SensePair[] {
  const byWord = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const list = byWord.get(e.word) ?? [];
    list.push(i);
    byWord.set(e.word, list);
  });
  const pairs: SensePair[] = [];
  for (const [word, indices] of byWord) {
    const local: SensePair[] = [];
    for (let x = 0; x < indices.length; x++)
      for (let y = x + 1; y < indices.length; y++) {
        const a = examples[indices[x] as number] as SenseExample;
        const b = examples[indices[y] as number] as SenseExample;
        if (a.text === b.text) continue;
        const kind: PairKind =
          a.synset === b.synset ? "same" : a.category === b.category ? "related" : "distant";
        local.push({ word, a: indices[x] as number, b: indices[y] as number, kind });
      }
    if (local.some((p) => p.kind !== "same")) pairs.push(...local);
  }
  return pairs;
}
