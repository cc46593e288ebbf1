/**
 * Agreement with gold labels (single-label): confusion matrix, accuracy,
 * per-class precision/recall/F1, macro and micro F1, Cohen's kappa.
 * Items with no prediction (flagged) count as wrong, in accuracy and in kappa,
 * unless left out by the caller. Macro F1 averages over the labels in use.
 */

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
  accuracy: number;
  perClass: ClassScores[];
  macroF1: number;
  microF1: number;
  kappa: number;
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

/** Cohen's kappa from a square k × k confusion matrix (extra columns ignored). */
export function kappaFromMatrix(matrix: readonly (readonly number[])[]): number {
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
  const po = safe(agree, n);
  let pe = 0;
  for (let i = 0; i < k; i++) pe += safe((rows[i] as number) * (cols[i] as number), n * n);
  return pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
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
  return {
    labels: [...labels],
    matrix,
    n,
    accuracy: safe(correct, n),
    perClass,
    // over the labels that occur in gold or predictions (as scikit-learn does): a label
    // nobody used is not a class the model got wrong
    macroF1: safe(
      perClass.reduce((a, c, i) => a + (present[i] ? c.f1 : 0), 0),
      present.filter(Boolean).length,
    ),
    microF1: safe(2 * microP * microR, microP + microR),
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
 * Pairs where either label is missing are left out.
 */
export function cohenKappa(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  const pairs: [string, string][] = [];
  a.forEach((x, i) => {
    const y = b[i];
    if (x !== null && y !== null && y !== undefined) pairs.push([x, y]);
  });
  const n = pairs.length;
  if (n === 0) return 0;
  const shareA = new Map<string, number>();
  const shareB = new Map<string, number>();
  let po = 0;
  for (const [x, y] of pairs) {
    if (x === y) po++;
    shareA.set(x, (shareA.get(x) ?? 0) + 1 / n);
    shareB.set(y, (shareB.get(y) ?? 0) + 1 / n);
  }
  po /= n;
  let pe = 0;
  for (const [label, p] of shareA) pe += p * (shareB.get(label) ?? 0);
  return pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
}
