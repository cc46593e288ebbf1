import type { Term } from "./expression";

/** A point on a 2-D map. */
export type Point2 = readonly [number, number];

/** An arrow to draw: an offset between two words, or a step of the sum. */
export interface MapArrow {
  from: Point2;
  to: Point2;
  /**
   * "offset": from a subtracted word to the word added with it (man → woman);
   * "step": the same offset applied on the way to the result (king → result);
   * "to-result": from an added word to the result of a sum (gorgeous → result).
   */
  kind: "offset" | "step" | "to-result";
  /** The two words it joins, e.g. ["man", "woman"]. */
  words: readonly [string, string];
}

export interface ExpressionMap {
  /** Where the expression lands, or null when its signs sum to 0 or less (a direction, not a point). */
  result: Point2 | null;
  arrows: MapArrow[];
  /** The sum of the signs: 1 for an analogy, 2 for "gorgeous + cat". */
  weight: number;
}

/**
 * How to draw an expression on a linear 2-D map of its words (a PCA, say).
 * The expression's vector divided by the sum of its signs is an affine
 * combination of the words, so it lands exactly at the same combination of
 * their map points. An analogy (signs summing to 1) is drawn as offsets:
 * each subtracted word is paired in order with a later added word, and the
 * offsets are walked tip to tail from the first added word, ending at the
 * result (king → king − man + woman, parallel to man → woman). A sum
 * (gorgeous + cat) is drawn with an arrow from each added word to the result,
 * their mean. `at` gives each word's map point.
 */
export function expressionMap(terms: readonly Term[], at: (word: string) => Point2): ExpressionMap {
  const weight = terms.reduce((sum, t) => sum + t.sign, 0);
  const plus = terms.filter((t) => t.sign > 0).map((t) => t.word);
  const minus = terms.filter((t) => t.sign < 0).map((t) => t.word);
  const arrows: MapArrow[] = [];
  // Offsets: the i-th subtracted word with the i-th added word after the first.
  const pairs = minus
    .map((m, i) => [m, plus[i + 1]] as const)
    .filter((p): p is readonly [string, string] => p[1] !== undefined);
  for (const [m, p] of pairs)
    arrows.push({ from: at(m), to: at(p), kind: "offset", words: [m, p] });
  if (weight <= 0) return { result: null, arrows, weight };

  let x = 0;
  let y = 0;
  for (const t of terms) {
    const [px, py] = at(t.word);
    x += (t.sign * px) / weight;
    y += (t.sign * py) / weight;
  }
  const result: Point2 = [x, y];
  if (weight === 1 && plus[0] !== undefined) {
    let here = at(plus[0]);
    for (const [m, p] of pairs) {
      const [fx, fy] = at(m);
      const [tx, ty] = at(p);
      const next: Point2 = [here[0] + tx - fx, here[1] + ty - fy];
      arrows.push({ from: here, to: next, kind: "step", words: [m, p] });
      here = next;
    }
    return { result, arrows, weight };
  }
  for (const p of plus)
    arrows.push({ from: at(p), to: result, kind: "to-result", words: [p, "result"] });
  return { result, arrows, weight };
}
