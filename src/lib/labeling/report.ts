/**
 * The evaluation a learner reads after a job: agreement with the gold labels
 * (single-label tasks) with bootstrap 95 % intervals for accuracy, macro F1
 * and Cohen's kappa, and Krippendorff's alpha across votes when there are
 * several. Shared by the LabelingSandbox and the command line. A statistic
 * that is undefined (0/0) carries its reason and has no interval; when no
 * item was labelled there is no evaluation at all, only the reason.
 */
import { krippendorffAlphaNominal } from "./alpha";
import { bootstrapInterval, type Interval } from "./bootstrap";
import { evaluate, type Evaluation } from "./metrics";
import type { Statistic } from "./statistic";
import type { ItemResult } from "./store";
import type { LabelItem, TaskSpec } from "./task";

export interface EvaluationReport {
  /** Items with both a gold label and a result. */
  scored: number;
  evaluation: Evaluation | null;
  /** Bootstrap intervals; null when there is no evaluation or the statistic is undefined. */
  accuracy: Interval | null;
  macroF1: Interval | null;
  kappa: Interval | null;
  /** Krippendorff's alpha (nominal) across votes; null with one vote or when nothing was labelled. */
  votesAlpha: Statistic | null;
  /** Why there is no evaluation, in words (empty when there is one). */
  reason: string;
}

/**
 * A statistic as people read it, the same in the sandbox and the command
 * line: "0.850 (95% CI 0.700–0.950)", "0.850" without an interval, or "– (the
 * reason)" when it is undefined.
 */
export function statisticText(s: Statistic, ci: Interval | null = null): string {
  if (s.value === undefined) return `– (${s.reason})`;
  const f3 = (x: number): string => x.toFixed(3);
  return ci && Number.isFinite(ci.low) && Number.isFinite(ci.high)
    ? `${f3(s.value)} (95% CI ${f3(ci.low)}–${f3(ci.high)})`
    : f3(s.value);
}

/** The reason given when every result so far is flagged. */
export const NOTHING_LABELLED =
  "No item was labelled, so there is nothing to evaluate: every result so far is flagged (each item's notes say why).";

export function evaluationReport(
  task: TaskSpec,
  items: readonly LabelItem[],
  results: readonly ItemResult[],
  gold: ReadonlyMap<string, string>,
  options: { resamples?: number; seed?: number } = {},
): EvaluationReport {
  const byId = new Map(results.map((r) => [r.id, r]));
  const order = (label: string): number => task.labels.findIndex((l) => l.name === label);
  const votesAlpha =
    task.votes > 1 && results.length > 0
      ? krippendorffAlphaNominal(
          Array.from({ length: task.votes }, (_, v) =>
            results.map((r) => {
              const vote = r.votes[v];
              // the same labels in another order are the same answer
              return vote ? [...vote].sort((a, b) => order(a) - order(b)).join("+") : null;
            }),
          ),
        )
      : null;
  const none = (reason: string): EvaluationReport => ({
    scored: 0,
    evaluation: null,
    accuracy: null,
    macroF1: null,
    kappa: null,
    votesAlpha,
    reason,
  });
  // no metric at all, not even alpha across votes: there is no answer to measure
  if (results.length > 0 && results.every((r) => r.status !== "labelled"))
    return { ...none(NOTHING_LABELLED), votesAlpha: null };
  if (task.mode !== "single")
    return none("Agreement with gold labels is computed for one-label answers.");
  const names = task.labels.map((l) => l.name);
  const scored = items.filter((item) => gold.has(item.id) && byId.has(item.id));
  if (scored.length === 0) return none("No labelled item has a gold label yet.");
  const goldLabels = scored.map((item) => gold.get(item.id) ?? "");
  const unknown = goldLabels.find((g) => !names.includes(g));
  if (unknown !== undefined)
    return none(
      `The gold label “${unknown}” is not one of the labels (${names.join(", ")}): rename the label or pick another gold column.`,
    );
  const predicted = scored.map((item) => byId.get(item.id)?.labels[0] ?? null);
  const evaluation = evaluate(goldLabels, predicted, names);
  // resamples where the statistic is undefined (say, one label throughout) are skipped
  const interval = (statistic: (e: Evaluation) => Statistic): Interval | null =>
    statistic(evaluation).value === undefined
      ? null
      : bootstrapInterval(
          scored.length,
          (idx) =>
            statistic(
              evaluate(
                idx.map((i) => goldLabels[i] as string),
                idx.map((i) => predicted[i] ?? null),
                names,
              ),
            ).value ?? NaN,
          { resamples: options.resamples ?? 500, seed: options.seed ?? 42 },
        );
  return {
    scored: scored.length,
    evaluation,
    accuracy: interval((e) => e.accuracy),
    macroF1: interval((e) => e.macroF1),
    kappa: interval((e) => e.kappa),
    votesAlpha,
    reason: "",
  };
}
