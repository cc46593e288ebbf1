/**
 * One sentence with one blank, asked of both kinds of model: the causal model
 * gets only the words before the blank (it cannot look right); the masked
 * model gets the whole sentence with [MASK] in the blank.
 */
import { LmError } from "./errors";

const GAP = /\[MASK\]|_{3,}/g;

export interface Gap {
  /** The text before the blank, as the causal model reads it (trailing space removed). */
  before: string;
  /** The text after the blank, which only the masked model reads. */
  after: string;
  /** The sentence with the blank written as [MASK]. */
  masked: string;
}

/** Splits `text` at its one blank ([MASK] or three or more underscores); throws an LmError otherwise. */
export function splitAtGap(text: string): Gap {
  const matches = [...text.matchAll(GAP)];
  if (matches.length !== 1)
    throw new LmError(
      matches.length === 0
        ? "Write [MASK] (or ___) where the missing word goes, e.g. “John wants his bank to [MASK] the check.”"
        : `Use one blank only (found ${matches.length}).`,
    );
  const gap = matches[0] as RegExpMatchArray;
  const start = gap.index ?? 0;
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(start + gap[0].length);
  if (!before)
    throw new LmError(
      "Put at least one word before the blank: a causal model has nothing to read before the first word.",
    );
  return { before, after, masked: `${text.slice(0, start)}[MASK]${after}` };
}
