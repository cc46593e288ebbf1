import { ExpressionError, parseExpression, type Term } from "./expression";

/** What a learner typed: an expression, optionally named ("xiangling = gorgeous + cat"). */
export interface Equation {
  /** The word on the other side of "=", lower-cased, or null without "=". */
  name: string | null;
  terms: Term[];
}

/**
 * Parses "gorgeous + cat", "xiangling = gorgeous + cat" or
 * "king − man + woman ≈ queen": one side of "=" (or "≈") must be a single
 * word, the other an expression (see parseExpression). Throws
 * ExpressionError with a learner-readable message otherwise.
 */
export function parseEquation(text: string): Equation {
  const sides = text.split(/[=\u2248]/u);
  if (sides.length === 1) return { name: null, terms: parseExpression(text) };
  if (sides.length > 2) throw new ExpressionError("Use “=” at most once.");
  const [left, right] = sides.map((side) => (side.trim() ? parseExpression(side) : [])) as [
    Term[],
    Term[],
  ];
  const single = (terms: Term[]): string | null =>
    terms.length === 1 && terms[0]?.sign === 1 ? terms[0].word : null;
  const leftName = single(left);
  const rightName = single(right);
  if (leftName !== null && right.length > 0) return { name: leftName, terms: right };
  if (rightName !== null && left.length > 0) return { name: rightName, terms: left };
  throw new ExpressionError(
    "Write one word on one side of “=” and an expression on the other, e.g. xiangling = gorgeous + cat.",
  );
}
