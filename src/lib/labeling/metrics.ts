/**
 * Agreement with gold labels (single-label): confusion matrix, accuracy,
 * per-class precision/recall/F1, macro and micro F1, Cohen's kappa.
 * Items with no prediction (flagged) count as wrong, in accuracy and in kappa,
 * unless left out by the caller. Macro F1 averages over the labels in use.
 * Accuracy, F1 and kappa are undefined (with a reason) when they are 0/0: no
 * items, or (kappa) every rating the same label.
 */
import { defined, undefinedBecause, type Statistic } from "./statistic";

const NO_ITEMS = "there are no items to compare, so it is 0/0";
const NO_PAIRS = "no item has both ratings, so there is nothing to compare";

export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold items of this class. */
  support: number;
}

export interface Evaluation {
  labels: string[];
  /** matrix[gold][predicted] counts; a last column counts items with no prediction. */
  matrix: number[][];
  n: number;
  accuracy: Statistic;
  perClass: ClassScores[];
  macroF1: Statistic;
  microF1: Statistic;
  kappa: Statistic;
}

/** Counts gold × predicted; `null` predictions land in the extra last column. */
export function confusionMatrix(
  gold: readonly string[],
  predicted: readonly (string | null)[],
  labels: readonly string[],
): number[][] {
  if (gold.length !== predicted.length)
    throw new RangeError(`${gold.length} gold labels but ${predicted.length} predictions`);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => new Array<number>(labels.length + 1).fill(0));
  gold.forEach((g, i) => {
    const row = index.get(g);
    if (row === undefined) throw new RangeError(`gold label “${g}” is not one of the labels`);
    const p = predicted[i];
    const col = p === null || p === undefined ? labels.length : index.get(p);
    if (col === undefined)
      throw new RangeError(`predicted label “${p ?? ""}” is not one of the labels`);
    (matrix[row] as number[])[col] = ((matrix[row] as number[])[col] as number) + 1;
  });
  return matrix;
}

const safe = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/** The category a flagged item (no valid label) counts as in kappa: never a real label. */
const FLAGGED = "\u0000flagged";

/**
 * Kappa from counts: `agree` items on the diagonal of `n`, and `chance` =
 * Σ over labels of (rater A's count × rater B's count), so p_e = chance / n².
 * p_e is 1 only when both raters gave every item one and the same label; then
 * kappa is 0/0 and undefined.
 */
function kappaOf(agree: number, chance: number, n: number, label?: string): Statistic {
  if (n === 0) return undefinedBecause(NO_PAIRS);
  if (chance >= n * n)
    return undefinedBecause(
      `every rating is ${label === undefined ? "the same label" : `“${label}”`}, so chance agreement is 1 and kappa is 0/0`,
    );
  const po = agree / n;
  const pe = chance / (n * n);
  return defined((po - pe) / (1 - pe));
}

/** Cohen's kappa from a square k × k confusion matrix (extra columns ignored). */
export function kappaFromMatrix(matrix: readonly (readonly number[])[]): Statistic {
  const k = matrix.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const c = matrix[i]?.[j] ?? 0;
      n += c;
      rows[i] = (rows[i] as number) + c;
      cols[j] = (cols[j] as number) + c;
      if (i === j) agree += c;
    }
  let chance = 0;
  for (let i = 0; i < k; i++) chance += (rows[i] as number) * (cols[i] as number);
  return kappaOf(agree, chance, n);
}

export function evaluate(
  gold: readonly string[],
  predicted: readonly (string | null)[],
  labels: readonly string[],
): Evaluation {
  const matrix = confusionMatrix(gold, predicted, labels);
  const k = labels.length;
  const n = gold.length;
  let correct = 0;
  let tpSum = 0;
  let fpSum = 0;
  let fnSum = 0;
  const perClass = labels.map((label, c) => {
    const tp = matrix[c]?.[c] ?? 0;
    let predictedAs = 0;
    for (let g = 0; g < k; g++) predictedAs += matrix[g]?.[c] ?? 0;
    const support = (matrix[c] ?? []).reduce((a, b) => a + b, 0);
    correct += tp;
    tpSum += tp;
    fpSum += predictedAs - tp;
    fnSum += support - tp;
    const precision = safe(tp, predictedAs);
    const recall = safe(tp, support);
    return {
      label,
      precision,
      recall,
      f1: safe(2 * precision * recall, precision + recall),
      support,
    };
  });
  const present = labels.map((_, c) => {
    let used = perClass[c]?.support ?? 0;
    for (let g = 0; g < k; g++) used += matrix[g]?.[c] ?? 0;
    return used > 0;
  });
  const microP = safe(tpSum, tpSum + fpSum);
  const microR = safe(tpSum, tpSum + fnSum);
  if (n === 0) {
    const none = undefinedBecause(NO_ITEMS);
    return {
      labels: [...labels],
      matrix,
      n,
      accuracy: none,
      perClass,
      macroF1: none,
      microF1: none,
      kappa: none,
    };
  }
  return {
    labels: [...labels],
    matrix,
    n,
    accuracy: defined(correct / n),
    perClass,
    // over the labels that occur in gold or predictions (as scikit-learn does): a label
    // nobody used is not a class the model got wrong
    macroF1: defined(
      safe(
        perClass.reduce((a, c, i) => a + (present[i] ? c.f1 : 0), 0),
        present.filter(Boolean).length,
      ),
    ),
    microF1: defined(safe(2 * microP * microR, microP + microR)),
    // a flagged item is a disagreement, as in accuracy: it counts as its own category
    kappa: cohenKappa(
      gold,
      predicted.map((p) => p ?? FLAGGED),
    ),
  };
}

/**
 * Cohen's kappa straight from two raters' labels (no matrix): observed
 * agreement against the agreement expected from each rater's label shares.
 * Pairs where either label is missing are left out. Undefined (with the
 * reason) when no pair is complete or both raters used one label throughout.
 */
export function cohenKappa(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
): Statistic {
  const pairs: [string, string][] = [];
  a.forEach((x, i) => {
    const y = b[i];
    if (x !== null && y !== null && y !== undefined) pairs.push([x, y]);
  });
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  let chance = 0;
  for (const [label, c] of countA) chance += c * (countB.get(label) ?? 0);
  return kappaOf(agree, chance, pairs.length, pairs[0]?.[0]);
}
