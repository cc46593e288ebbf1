/**
 * Layers and heads as cells show them: numbered from 1, as every widget
 * labels them ("Layer 1", "Head 1"). Arrays stay JavaScript arrays: layer 1
 * is encoding.attentions[0], head 1 is the block h = 0 of its data.
 */
import { previousTokenHead as headAt, type AttentionTensor } from "../../lib/encoder/index";

/** A head of the encoder, numbered as the widgets show it. */
export interface NumberedHead {
  /** The layer, from 1 (layer 1 is attentions[0]). */
  layer: number;
  /** The head in that layer, from 1 (head 1 is h = 0). */
  head: number;
  score: number;
}

/**
 * The head, in any layer, that puts the most attention on the previous token,
 * with its layer and head numbered from 1 (as in the attention widgets).
 */
export function previousTokenHead(attentions: readonly AttentionTensor[]): NumberedHead | null {
  const best = headAt(attentions);
  return best && { layer: best.layer + 1, head: best.head + 1, score: best.score };
}
