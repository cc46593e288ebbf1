/**
 * Shared test inputs: the real corpora (built by `npm run assets`), small
 * hand-made corpora, a seeded random source, and a naive scan of a token
 * stream written independently of the suffix array.
 */
import { readFileSync } from "node:fs";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { buildCorpus, loadCorpus, type Corpus } from "@/lib/corpora/index";
import { buildIndex, type NgramIndex } from "@/lib/ngram/index";

const cache = new Map<string, NgramIndex>();

/** The index of a corpus under public/generated/corpora/ ("sotu", "moby-dick"), built once. */
export function realIndex(name: "sotu" | "moby-dick"): NgramIndex {
  let index = cache.get(name);
  if (!index) {
    index = buildIndex(loadCorpus(readFileSync(`public/generated/corpora/${name}.bin`)));
    cache.set(name, index);
  }
  return index;
}

/** A corpus of the given documents, through the real tokeniser and file format. */
export function tinyCorpus(name: string, documents: readonly string[]): Corpus {
  return loadCorpus(
    buildCorpus(
      name,
      "hand-made test corpus",
      documents.map((text, i) => ({ title: `${name} ${i + 1}`, meta: { n: i + 1 }, text })),
    ),
  );
}

export function tinyIndex(name: string, documents: readonly string[]): NgramIndex {
  return buildIndex(tinyCorpus(name, documents));
}

/** A seeded source of whole numbers in [0, n). */
export function seeded(seed: number): (n: number) => number {
  const rng = xoroshiro128plus(seed);
  return (n) => uniformInt(rng, 0, n - 1);
}

/** The corpus as lower-cased words, documents separated by null. */
export function foldedWords(corpus: Corpus): (string | null)[] {
  return Array.from(corpus.tokens, (id) =>
    id === 0 ? null : (corpus.vocabulary[id] as string).toLowerCase(),
  );
}

/** Every position where `ngram` (lower-cased words) starts, by scanning the stream. */
export function naivePositions(
  words: readonly (string | null)[],
  ngram: readonly string[],
): number[] {
  const found: number[] = [];
  outer: for (let i = 0; i + ngram.length <= words.length; i++) {
    for (let k = 0; k < ngram.length; k++) if (words[i + k] !== ngram[k]) continue outer;
    found.push(i);
  }
  return found;
}
