/**
 * What the instructor's page computes from the responses the server relays:
 * per-item label counts, the majority label, and the coders × items matrix
 * that `krippendorffAlphaNominal` (src/lib/labeling) takes.
 */
import type { ResponseRecord } from "./server-messages";

export interface ItemTally {
  itemId: string;
  /** Count of each label, every label of the activity present (0 if unused). */
  counts: Record<string, number>;
  total: number;
}

/** One tally per item, in the items' order; responses for other activities are ignored. */
export function tallyResponses(
  activityId: number,
  itemIds: readonly string[],
  labels: readonly string[],
  responses: readonly ResponseRecord[],
): ItemTally[] {
  const byItem = new Map<string, ItemTally>(
    itemIds.map((itemId) => [
      itemId,
      { itemId, counts: Object.fromEntries(labels.map((l) => [l, 0])), total: 0 },
    ]),
  );
  for (const r of responses) {
    if (r.activityId !== activityId) continue;
    const tally = byItem.get(r.itemId);
    if (!tally || !(r.label in tally.counts)) continue;
    tally.counts[r.label] = (tally.counts[r.label] ?? 0) + 1;
    tally.total++;
  }
  return [...byItem.values()];
}

/** The label most chosen, or null when nobody answered or two labels tie for first. */
export function majorityLabel(counts: Readonly<Record<string, number>>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [label, count] of Object.entries(counts)) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
      tie = false;
    } else if (count === bestCount && count > 0) tie = true;
  }
  return tie ? null : best;
}

/**
 * Rows are participants (by id, ascending), columns the items: each cell the
 * participant's label or null. This is the reliability data layout of
 * `krippendorffAlphaNominal`.
 */
export function coderMatrix(
  activityId: number,
  itemIds: readonly string[],
  responses: readonly ResponseRecord[],
): (string | null)[][] {
  const column = new Map(itemIds.map((id, i) => [id, i]));
  const rows = new Map<number, (string | null)[]>();
  for (const r of responses) {
    const c = column.get(r.itemId);
    if (r.activityId !== activityId || c === undefined) continue;
    let row = rows.get(r.participantId);
    if (!row) {
      row = itemIds.map(() => null);
      rows.set(r.participantId, row);
    }
    row[c] = r.label;
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/**
 * Merges a batch of relayed responses into what a page holds: a newer answer
 * of the same participant to the same item replaces the older one.
 */
export function mergeResponses(
  held: readonly ResponseRecord[],
  batch: readonly ResponseRecord[],
): ResponseRecord[] {
  const key = (r: ResponseRecord) => `${r.activityId}\u0000${r.participantId}\u0000${r.itemId}`;
  const merged = new Map(held.map((r) => [key(r), r]));
  for (const r of batch) merged.set(key(r), r);
  return [...merged.values()];
}
