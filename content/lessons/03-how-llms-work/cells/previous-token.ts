// Exercise: which head (in any layer) puts the most attention on the previous token?
// attention.data holds the weights of head h, query q, key k at [(h * seq + q) * seq + k].
import { loadLocalEncoder } from "lab";

const encoder = await loadLocalEncoder();
const encoding = await encoder.encode("The quick brown fox jumps over the lazy dog");

const scores: { layer: number; head: number; score: number }[] = [];
encoding.attentions.forEach((attention, layer) => {
  const n = attention.seq;
  for (let h = 0; h < attention.heads; h++) {
    let sum = 0;
    // TODO: this adds up the attention of each token to ITSELF (k = q).
    // Change it to the token just before (k = q − 1), from q = 1 on.
    for (let q = 0; q < n; q++) sum += attention.data[(h * n + q) * n + q] ?? 0;
    scores.push({ layer, head: h, score: sum / n });
  }
});
scores.sort((a, b) => b.score - a.score);

export const best = scores[0];
export default scores;
