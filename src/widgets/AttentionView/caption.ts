/** The sentence under the drawing: what is shown and, for a focused word, where it looks most. */
import { attentionRow, previousTokenHead, topAttended, type Encoding } from "@/lib/encoder/index";
import type { TokenFocus } from "./line-canvas";
import { THUMB_MIN_WEIGHT } from "./model-view";
import type { Selection } from "./selection";

/** The mean over `heads` of the weights from (or to) the focused token. */
function focusedWeights(
  encoding: Encoding,
  layer: number,
  heads: readonly number[],
  focus: TokenFocus,
): Float64Array {
  const attention = encoding.attentions[layer];
  const n = attention?.seq ?? 0;
  const mean = new Float64Array(n);
  if (!attention) return mean;
  for (const h of heads) {
    if (focus.side === "from") {
      const row = attentionRow(attention, focus.index, h);
      for (let k = 0; k < n; k++) mean[k] = (mean[k] as number) + (row[k] as number) / heads.length;
    } else {
      for (let q = 0; q < n; q++)
        mean[q] =
          (mean[q] as number) +
          (attention.data[(h * n + q) * n + focus.index] as number) / heads.length;
    }
  }
  return mean;
}

export function captionText(
  encoding: Encoding,
  selection: Selection,
  focus: TokenFocus | null,
): string {
  const layer = `layer ${selection.layer + 1}`;
  if (selection.view === "model") {
    const prev = previousTokenHead(encoding.attentions);
    return `Every head of every layer (rows: layers, columns: heads). Click a thumbnail or press Enter on it to enlarge it; lines under ${THUMB_MIN_WEIGHT * 100}% are left out of thumbnails.${prev ? ` Layer ${prev.layer + 1}, head ${prev.head + 1} looks most at the previous token: ${Math.round(prev.score * 100)}% of its attention on average.` : ""}`;
  }
  if (selection.view === "heatmap") {
    const head =
      selection.heatHead === "mean" ? "mean of all heads" : `head ${selection.heatHead + 1}`;
    return `Rows: the word that looks; columns: the word it looks at; ${layer}, ${head}. Each row sums to 1. Hover a cell for its value.`;
  }
  const shown = selection.visible.flatMap((on, h) => (on ? [h] : []));
  if (shown.length === 0) return "No head is shown: pick one or more heads above.";
  const heads =
    shown.length === selection.visible.length
      ? "all heads"
      : `heads ${shown.map((h) => h + 1).join(", ")}`;
  if (!focus)
    return `Layer ${selection.layer + 1}, ${heads}. Hover or focus a word on the left to see where it looks, on the right to see which words look at it; click or press Enter to pin it.`;
  const tokens = encoding.tokens;
  const top = topAttended(focusedWeights(encoding, selection.layer, shown, focus), 3)
    .map((a) => `${tokens[a.index] ?? ""} (${a.weight.toFixed(2)})`)
    .join(", ");
  const word = tokens[focus.index] ?? "";
  return focus.side === "from"
    ? `“${word}” looks most at ${top}: mean of ${heads}, ${layer}.`
    : `The words that look most at “${word}”: ${top}: mean of ${heads}, ${layer}.`;
}
