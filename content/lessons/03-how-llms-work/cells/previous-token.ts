// Exercise: which head (in any layer) puts the most attention on the previous token?
// attention.data holds the weights of head h, query q, key k at [(h * seq + q) * seq + k].
// Layers and heads are numbered from 1, as in the widgets: layer 1 is attentions[0], head 1 is h = 0.
import { loadLocalEncoder, type AttentionTensor } from "lab";

export function findPreviousTokenHead(attentions: AttentionTensor[]) {
  const scores: { layer: number; head: number; score: number }[] = [];
  attentions.forEach((attention, i) => {
    const n = attention.seq;
    for (let h = 0; h < attention.heads; h++) {
      let sum = 0;
      // TODO: this adds up the attention of each token to ITSELF (k = q).
      // Change it to the token just before (k = q − 1), from q = 1 on.
      for (let q = 0; q < n; q++) sum += attention.data[(h * n + q) * n + q] ?? 0;
      scores.push({ layer: i + 1, head: h + 1, score: sum / n });
    }
  });
  return scores.sort((a, b) => b.score - a.score);
}

const encoder = await loadLocalEncoder();
const encoding = await encoder.encode("The quick brown fox jumps over the lazy dog");
const scores = findPreviousTokenHead(encoding.attentions);

export const best = scores[0];
export default scores;
