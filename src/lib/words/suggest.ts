import { distance } from "fastest-levenshtein";

/** A word that is not in the vocabulary, with close words a learner may have meant. */
export class UnknownWordError extends Error {
  override name = "UnknownWordError";
  constructor(
    /** The word as asked for (trimmed and lower-cased). */
    readonly word: string,
    /** Close words from the vocabulary, closest and most frequent first (may be empty). */
    readonly suggestions: readonly string[],
    vocabularySize: number,
  ) {
    super(unknownWordMessage(word, suggestions, vocabularySize));
  }
}

function unknownWordMessage(
  word: string,
  suggestions: readonly string[],
  vocabularySize: number,
): string {
  if (word === "") return "Type a word, e.g. “cat”.";
  const known = `“${word}” is not among the ${vocabularySize.toLocaleString("en-US")} words`;
  if (suggestions.length === 0) return `${known}, and no word is close to it in spelling.`;
  return `${known}. Did you mean ${suggestions.map((s) => `“${s}”`).join(", ")}?`;
}

/** The most edits a suggestion may be away: 1 for short words, 2 from five letters on. */
function maxEdits(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/**
 * Up to `limit` words of `vocabulary` (ordered most frequent first) within a
 * small Levenshtein distance of `word`, closest first, then most frequent.
 */
export function suggestWords(word: string, vocabulary: readonly string[], limit = 5): string[] {
  if (word === "") return [];
  const most = maxEdits(word);
  const found: { word: string; edits: number; rank: number }[] = [];
  vocabulary.forEach((candidate, rank) => {
    if (Math.abs(candidate.length - word.length) > most) return;
    const edits = distance(word, candidate);
    if (edits <= most && edits > 0) found.push({ word: candidate, edits, rank });
  });
  return found
    .sort((a, b) => a.edits - b.edits || a.rank - b.rank)
    .slice(0, limit)
    .map((x) => x.word);
}
