import { add, scale } from "./arithmetic";
import type { Vec } from "./cosine";

/** One signed term of a vector expression such as "king − man + woman". */
export interface Term {
  sign: 1 | -1;
  word: string;
}

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

/** Splits text into words and operators; "-" is an operator unless it joins two word characters. */
function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let word = "";
  const flush = (): void => {
    if (word.trim()) tokens.push(word.trim());
    word = "";
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    const joinsWord =
      ch === "-" &&
      /\S/u.test(source[i - 1] ?? " ") &&
      /\S/u.test(source[i + 1] ?? " ") &&
      word.trim() !== "";
    if (ch === "+" || ch === "\u2212" || ch === "\u2013" || (ch === "-" && !joinsWord)) {
      flush();
      tokens.push(ch === "+" ? "+" : "-");
    } else if (/\s/u.test(ch)) {
      flush();
    } else {
      word += ch;
    }
  }
  flush();
  return tokens;
}

/**
 * Parses "king − man + woman" (minus as "−", "–" or a spaced "-") into signed
 * terms. Words are trimmed and lower-cased; a hyphen inside a word is kept.
 * Throws ExpressionError with a learner-readable message on bad input.
 */
export function parseExpression(text: string): Term[] {
  const terms: Term[] = [];
  let sign: 1 | -1 = 1;
  let expectWord = true;
  let pendingOperator = false;
  for (const token of tokenize(text)) {
    if (token === "+" || token === "-") {
      if (pendingOperator)
        throw new ExpressionError(`Two operators in a row near “${token === "-" ? "−" : "+"}”.`);
      sign = token === "+" ? 1 : -1;
      expectWord = true;
      pendingOperator = true;
      continue;
    }
    if (!expectWord)
      throw new ExpressionError(`Put + or − between “${terms.at(-1)?.word ?? ""}” and “${token}”.`);
    terms.push({ sign, word: token.toLowerCase() });
    sign = 1;
    expectWord = false;
    pendingOperator = false;
  }
  if (terms.length === 0)
    throw new ExpressionError("Type at least one word, e.g. king − man + woman.");
  if (pendingOperator)
    throw new ExpressionError("The expression ends with an operator; add a word after it.");
  return terms;
}

/** Formats terms back as text with typographic minus signs: "king − man + woman". */
export function formatExpression(terms: readonly Term[]): string {
  return terms
    .map((t, i) =>
      i === 0 ? (t.sign < 0 ? `−${t.word}` : t.word) : `${t.sign < 0 ? "−" : "+"} ${t.word}`,
    )
    .join(" ");
}

/**
 * Evaluates terms with `lookup` (which returns undefined for an unknown word).
 * Throws ExpressionError naming every unknown word.
 */
export function evaluateExpression(
  terms: readonly Term[],
  lookup: (word: string) => Vec | undefined,
): Float64Array {
  const missing = terms.filter((t) => lookup(t.word) === undefined).map((t) => `“${t.word}”`);
  if (missing.length > 0)
    throw new ExpressionError(
      `Unknown word${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`,
    );
  return add(...terms.map((t) => scale(lookup(t.word) as Vec, t.sign)));
}
