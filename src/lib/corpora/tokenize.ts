/**
 * The corpora's tokenisation, simple and reversible enough to show text back:
 *
 * - A token is a run of letters, marks and digits, with single inner
 *   apostrophes, hyphens or dots joining runs ("don't", "sea-captain",
 *   "1,000" is three tokens but "3.5" one), or else any single character that
 *   is not white space (punctuation, "—", an emoji).
 * - Tokens keep their original case ("Call", "Ishmael"); `foldCase` maps them
 *   to lower case for counting.
 * - The white space before each token is kept as a Gap: none, one space, a
 *   line break, or a blank line (a paragraph break). Runs of spaces or tabs
 *   read back as one space; that is the only loss.
 */

/** The white space before a token: 0 none, 1 space, 2 line break, 3 blank line. */
export type Gap = 0 | 1 | 2 | 3;

/** What each Gap reads back as. */
export const GAP_TEXT = ["", " ", "\n", "\n\n"] as const;

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['\u2019\-.][\p{L}\p{M}\p{N}]+)*|\S/gu;

export interface Token {
  /** The token as written. */
  text: string;
  /** The white space before it (0 for the first token). */
  gap: Gap;
  /** UTF-16 offsets into the input, end exclusive. */
  start: number;
  end: number;
}

function gapOf(space: string): Gap {
  if (space === "") return 0;
  const breaks = space.split("\n").length - 1;
  return breaks >= 2 ? 3 : breaks === 1 ? 2 : 1;
}

/** Splits text into tokens (see the rules above). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const gap = tokens.length === 0 ? 0 : gapOf(text.slice(previousEnd, start));
    tokens.push({ text: match[0], gap, start, end });
    previousEnd = end;
  }
  return tokens;
}

/** Joins tokens back into text, each preceded by its gap. */
export function detokenize(tokens: readonly { text: string; gap: Gap }[]): string {
  return tokens.map((t, i) => (i === 0 ? "" : GAP_TEXT[t.gap]) + t.text).join("");
}
