/**
 * The sense explorer's measurements for one word: the learner's own sentences
 * (each labelled with a sense) beside the benchmark's WordNet examples, paired
 * within the word, scored like the benchmark. Plain data in, plain data out.
 */
import { bootstrapInterval, type Interval } from "../labeling/bootstrap";
import { baseForms } from "./morph";
import type { PolysemyBenchmark } from "./report";
import { auc } from "./separation";

export class SenseInputError extends Error {
  override name = "SenseInputError";
}

export interface LabelledSentence {
  /** The sense as the learner named it ("money"), or a WordNet synset's number ("2"). */
  label: string;
  text: string;
}

/** The most sentences the explorer measures at once (they are encoded in one batch). */
export const MAX_SENTENCES = 40;

/**
 * "label: sentence" lines (blank lines skipped). Throws a SenseInputError
 * naming the first line without a label, or when there are too many lines.
 */
export function parseLabelledSentences(text: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.indexOf(":");
    const label = colon > 0 ? line.slice(0, colon).trim() : "";
    const sentence = colon > 0 ? line.slice(colon + 1).trim() : "";
    if (!label || !sentence || label.length > 40)
      throw new SenseInputError(
        `Line ${i + 1} has no sense: start it with the sense and a colon, e.g. “river: We sat on the bank.”`,
      );
    out.push({ label, text: sentence });
  });
  if (out.length > MAX_SENTENCES)
    throw new SenseInputError(
      `That is ${out.length} sentences; the explorer measures at most ${MAX_SENTENCES} at once.`,
    );
  return out;
}

const LETTERS = /\p{L}+(?:['’-]\p{L}+)*/gu;

/**
 * Where `word` (or a regular inflection of it as a noun, verb or adjective)
 * is in `text`: its characters, or null.
 */
export function locateWord(text: string, word: string): { start: number; end: number } | null {
  const wanted = word.trim().toLowerCase();
  if (!wanted) return null;
  for (const match of text.matchAll(LETTERS)) {
    const lower = match[0].toLowerCase();
    if (
      lower === wanted ||
      (["n", "v", "a"] as const).some((p) => baseForms(lower, p).includes(wanted))
    )
      return { start: match.index, end: match.index + match[0].length };
  }
  return null;
}

export interface BenchmarkSense {
  synset: string;
  definition: string;
  category: string;
  /** Indices into benchmark.examples. */
  examples: number[];
}

/** The word's senses in the benchmark (any form, any part of speech), most examples first. */
export function benchmarkSenses(benchmark: PolysemyBenchmark, word: string): BenchmarkSense[] {
  const lemma = word.trim().toLowerCase();
  const bySynset = new Map<string, number[]>();
  benchmark.examples.forEach((e, i) => {
    if (e.word.split("|")[0] !== lemma) return;
    bySynset.set(e.synset, [...(bySynset.get(e.synset) ?? []), i]);
  });
  return [...bySynset.entries()]
    .map(([synset, examples]) => ({
      synset,
      definition: benchmark.senses[synset]?.definition ?? "",
      category: benchmark.senses[synset]?.category ?? "",
      examples,
    }))
    .sort((a, b) => b.examples.length - a.examples.length || a.synset.localeCompare(b.synset));
}

/** Lemmas of the benchmark, alphabetical, with how many sentences each has. */
export function benchmarkWords(
  benchmark: PolysemyBenchmark,
): { word: string; sentences: number }[] {
  const counts = new Map<string, number>();
  for (const e of benchmark.examples) {
    const lemma = e.word.split("|")[0] ?? "";
    counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([word, sentences]) => ({ word, sentences }))
    .sort((a, b) => a.word.localeCompare(b.word));
}

export interface MeasuredPair {
  a: number;
  b: number;
  same: boolean;
}

/** Every pair of the sentences with different text, same sense when the labels match. */
export function labelledPairs(sentences: readonly LabelledSentence[]): MeasuredPair[] {
  const pairs: MeasuredPair[] = [];
  for (let a = 0; a < sentences.length; a++)
    for (let b = a + 1; b < sentences.length; b++) {
      const x = sentences[a] as LabelledSentence;
      const y = sentences[b] as LabelledSentence;
      if (x.text === y.text) continue;
      pairs.push({ a, b, same: x.label.toLowerCase() === y.label.toLowerCase() });
    }
  return pairs;
}

export interface WordMeasurement {
  /** AUC of same- over different-sense cosines, with a bootstrap interval over pairs (rough for few pairs). */
  auc: Interval;
  same: number[];
  different: number[];
}

/**
 * The word's separation at one layer from its pairs' cosines. The interval
 * resamples pairs, which share sentences, so it is narrower than it should
 * be; with a handful of pairs, read it as a rough guide.
 */
export function measureWord(
  pairs: readonly MeasuredPair[],
  cosines: ArrayLike<number>,
  seed = 7,
): WordMeasurement {
  const same: number[] = [];
  const different: number[] = [];
  pairs.forEach((p, i) => (p.same ? same : different).push(cosines[i] as number));
  const interval = bootstrapInterval(
    pairs.length,
    (indices) => {
      const s: number[] = [];
      const d: number[] = [];
      for (const i of indices) (pairs[i]?.same ? s : d).push(cosines[i] as number);
      return auc(s, d);
    },
    { resamples: 500, seed },
  );
  return { auc: interval, same, different };
}
