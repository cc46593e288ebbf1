/**
 * What the instructor's screen shows while a class labels or answers a poll,
 * computed from the responses the server relays: per-item distributions and
 * the class majority, Krippendorff's α among the students with a bootstrap
 * interval over items, and Cohen's κ between the majority and a model's
 * labels. The statistics are the labeling library's, so the numbers equal
 * what the library computes from the exported CSV.
 */
import { krippendorffAlphaNominal } from "../labeling/alpha";
import { bootstrapInterval, type Interval } from "../labeling/bootstrap";
import { cohenKappa } from "../labeling/metrics";
import type { Statistic } from "../labeling/statistic";
import type { LabelingSpec, PollSpec } from "./protocol";
import type { ResponseRecord } from "./server-messages";
import { coderMatrix, majorityLabel, tallyResponses } from "./tally";

export interface ItemRow {
  itemId: string;
  text: string;
  /** Count of each label, in the activity's label order. */
  counts: Record<string, number>;
  total: number;
  /** The label most chosen; null when nobody answered or the top labels tie. */
  majority: string | null;
  /** 1 − the top label's share: 0 when all agree; −1 when nobody answered. */
  disagreement: number;
  /** The model's label for the item, when model labels were given. */
  model: string | null;
}

export interface LabelingReport {
  /** Students who labelled at least one item. */
  coders: number;
  /** Stored labels (one per student and item). */
  labels: number;
  /** The items, most disagreed first (ties: more answers first, then the activity's order). */
  items: ItemRow[];
  alpha: Statistic;
  /** The 95 % percentile bootstrap interval of α over items; null when α is undefined. */
  alphaInterval: Interval | null;
  /** κ between the class majority and the model; null when no model labels were given. */
  kappa: Statistic | null;
  kappaInterval: Interval | null;
  /** Items with both a class majority and a model label (the pairs κ is computed on). */
  kappaItems: number;
}

export interface ReportOptions {
  resamples?: number;
  seed?: number;
}

const disagreementOf = (counts: Record<string, number>, total: number): number =>
  total === 0 ? -1 : 1 - Math.max(...Object.values(counts)) / total;

export function labelingReport(
  activityId: number,
  spec: LabelingSpec,
  responses: readonly ResponseRecord[],
  modelLabels: ReadonlyMap<string, string> | null = null,
  options: ReportOptions = {},
): LabelingReport {
  const { resamples = 500, seed = 42 } = options;
  const itemIds = spec.items.map((i) => i.id);
  const tallies = tallyResponses(activityId, itemIds, spec.labels, responses);
  const rows: ItemRow[] = tallies.map((t, i) => ({
    itemId: t.itemId,
    text: spec.items[i]?.text ?? "",
    counts: t.counts,
    total: t.total,
    majority: majorityLabel(t.counts),
    disagreement: disagreementOf(t.counts, t.total),
    model: modelLabels?.get(t.itemId) ?? null,
  }));

  const matrix = coderMatrix(activityId, itemIds, responses);
  const alphaOf = (columns: readonly number[]): Statistic =>
    krippendorffAlphaNominal(matrix.map((row) => columns.map((c) => row[c] ?? null)));
  const all = itemIds.map((_, i) => i);
  const alpha = alphaOf(all);
  const alphaInterval =
    alpha.value === undefined
      ? null
      : bootstrapInterval(itemIds.length, (idx) => alphaOf(idx).value ?? NaN, { resamples, seed });

  let kappa: Statistic | null = null;
  let kappaInterval: Interval | null = null;
  const paired = rows.filter((r) => r.majority !== null && r.model !== null);
  if (modelLabels) {
    const majority = paired.map((r) => r.majority);
    const model = paired.map((r) => r.model);
    const kappaOf = (idx: readonly number[]): Statistic =>
      cohenKappa(
        idx.map((i) => majority[i] ?? null),
        idx.map((i) => model[i] ?? null),
      );
    kappa =
      paired.length === 0
        ? {
            value: undefined,
            reason: "no item has both a class majority and a model label yet",
          }
        : kappaOf(paired.map((_, i) => i));
    kappaInterval =
      kappa.value === undefined
        ? null
        : bootstrapInterval(paired.length, (idx) => kappaOf(idx).value ?? NaN, {
            resamples,
            seed,
          });
  }

  const order = new Map(itemIds.map((id, i) => [id, i]));
  const items = [...rows].sort(
    (a, b) =>
      b.disagreement - a.disagreement ||
      b.total - a.total ||
      (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0),
  );
  return {
    coders: matrix.filter((row) => row.some((v) => v !== null)).length,
    labels: tallies.reduce((sum, t) => sum + t.total, 0),
    items,
    alpha,
    alphaInterval,
    kappa,
    kappaInterval,
    kappaItems: paired.length,
  };
}

export interface PollReport {
  /** Choice polls: each option's count, in the options' order. */
  counts: { option: string; count: number }[];
  /** Text polls: the answers, oldest first. */
  answers: { participantId: number; text: string; at: number }[];
  /** Students who answered. */
  total: number;
}

export function pollReport(
  activityId: number,
  spec: PollSpec,
  responses: readonly ResponseRecord[],
): PollReport {
  const mine = responses.filter((r) => r.activityId === activityId);
  if (spec.answer === "choice") {
    const counts = spec.options.map((option) => ({
      option,
      count: mine.filter((r) => r.label === option).length,
    }));
    return { counts, answers: [], total: counts.reduce((s, c) => s + c.count, 0) };
  }
  const answers = mine
    .map((r) => ({ participantId: r.participantId, text: r.label, at: r.at }))
    .sort((a, b) => a.at - b.at || a.participantId - b.participantId);
  return { counts: [], answers, total: answers.length };
}
