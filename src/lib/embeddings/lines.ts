/** Texts a learner pasted, one per line. */
export interface PastedItems {
  items: string[];
  /** Blank lines skipped. */
  blank: number;
  /** Lines beyond `max` left out. */
  dropped: number;
}

/** Splits pasted text into items: one per non-blank line, trimmed, at most `max`. */
export function parseLines(text: string, max: number): PastedItems {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const filled = lines.filter((line) => line !== "");
  return {
    items: filled.slice(0, max),
    blank: lines.length - filled.length,
    dropped: Math.max(0, filled.length - max),
  };
}
