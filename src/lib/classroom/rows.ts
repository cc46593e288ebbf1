/**
 * Responses as spreadsheet rows, for the export CSV (written with the
 * labeling library's safeCSV, so a name or a text that starts like a formula
 * is neutralised). One row per stored answer, in a stable order.
 */
import type { ActivitySpec } from "./protocol";
import type { ResponseRecord } from "./server-messages";

export interface ExportRow extends Record<string, string | number> {
  activity: number;
  item_id: string;
  item_text: string;
  participant: number;
  name: string;
  label: string;
  answered_at: string;
}

export function responseRows(
  activityId: number,
  spec: ActivitySpec,
  responses: readonly ResponseRecord[],
  names: ReadonlyMap<number, string>,
): ExportRow[] {
  const texts =
    spec.kind === "labeling"
      ? new Map(spec.items.map((item) => [item.id, item.text]))
      : new Map<string, string>();
  const order =
    spec.kind === "labeling" ? new Map(spec.items.map((item, i) => [item.id, i])) : new Map();
  return responses
    .filter((r) => r.activityId === activityId)
    .sort(
      (a, b) =>
        (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) ||
        a.participantId - b.participantId,
    )
    .map((r) => ({
      activity: activityId,
      item_id: r.itemId,
      item_text: spec.kind === "labeling" ? (texts.get(r.itemId) ?? "") : spec.question,
      participant: r.participantId,
      name: names.get(r.participantId) ?? "",
      label: r.label,
      answered_at: new Date(r.at).toISOString(),
    }));
}
