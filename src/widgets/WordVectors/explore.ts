/**
 * What the WordVectors widget shows for one input, computed with the library
 * only (no DOM): the nearest words, cosines with chosen words, and a 2-D PCA
 * map of every word involved with the expression's arrows.
 */
import {
  cosine,
  ExpressionError,
  evaluateExpression,
  expressionMap,
  parseEquation,
  pca,
  type ExpressionMap,
  type Neighbor,
  type Point2,
  type Term,
} from "@/lib/vectors/index";
import { UnknownWordError, type WordVectors } from "@/lib/words/index";

export interface MapWord {
  word: string;
  role: "plus" | "minus" | "name" | "compare" | "neighbor";
  at: Point2;
}

export interface Exploration {
  terms: Term[];
  neighbors: Neighbor[];
  /** The named side of "name = expression": its cosine to the result, or why it is missing. */
  name:
    | { word: string; known: true; similarity: number; rank: number | null }
    | { word: string; known: false; suggestions: string[] }
    | null;
  compare: { word: string; similarity: number }[];
  map: { words: MapWord[]; arrows: ExpressionMap; explained: number };
}

/** Words the vocabulary lacks, each with the library's message and suggestions. */
export class UnknownWords extends Error {
  override name = "UnknownWords";
  constructor(readonly errors: readonly UnknownWordError[]) {
    super(errors.map((e) => e.message).join(" "));
  }
}

/** "like, hate table" → ["like", "hate", "table"]. */
export function parseWordList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/u)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function explore(
  glove: WordVectors,
  expression: string,
  compareText: string,
  k: number,
): Exploration {
  const { name, terms } = parseEquation(expression);
  const compareWords = parseWordList(compareText);
  const unknown = [...new Set([...terms.map((t) => t.word), ...compareWords])]
    .filter((w) => !glove.has(w))
    .map((w) => new UnknownWordError(w, glove.suggest(w), glove.size));
  if (unknown.length > 0) throw new UnknownWords(unknown);

  const unitOf = (word: string): Float32Array => {
    const v = glove.vector(word);
    const length = Math.hypot(...v);
    return v.map((x) => (length > 0 ? x / length : 0));
  };
  const target = evaluateExpression(terms, unitOf);
  if (Math.hypot(...target) < 1e-9)
    throw new ExpressionError("The words cancel out: the result has no direction to compare.");
  const neighbors = glove.evaluate(terms, k);
  const compare = compareWords.map((word) => ({ word, similarity: cosine(target, unitOf(word)) }));
  let named: Exploration["name"] = null;
  if (name !== null) {
    if (glove.has(name)) {
      const at = neighbors.findIndex((n) => n.word === name);
      named = {
        word: name,
        known: true,
        similarity: cosine(target, unitOf(name)),
        rank: at < 0 ? null : at + 1,
      };
    } else named = { word: name, known: false, suggestions: glove.suggest(name) };
  }

  const roles = new Map<string, MapWord["role"]>();
  for (const t of terms) if (!roles.has(t.word)) roles.set(t.word, t.sign > 0 ? "plus" : "minus");
  if (named?.known && !roles.has(named.word)) roles.set(named.word, "name");
  for (const w of compareWords) if (!roles.has(w)) roles.set(w, "compare");
  for (const n of neighbors) if (!roles.has(n.word)) roles.set(n.word, "neighbor");
  const words = [...roles.keys()];
  const projection = pca(words.map(unitOf), 2);
  const coordinates = projection.coordinates;
  const at = new Map(
    words.map((w, i) => [
      w,
      [coordinates[2 * i] as number, coordinates[2 * i + 1] as number] as const,
    ]),
  );
  const point = (w: string): Point2 => at.get(w) ?? [0, 0];
  return {
    terms,
    neighbors,
    name: named,
    compare,
    map: {
      words: words.map((word) => ({ word, role: roles.get(word) ?? "neighbor", at: point(word) })),
      arrows: expressionMap(terms, point),
      explained: (projection.explained[0] ?? 0) + (projection.explained[1] ?? 0),
    },
  };
}
