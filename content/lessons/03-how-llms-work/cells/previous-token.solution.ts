// The head that puts the most attention on the previous token.
import { loadLocalEncoder } from "lab";

const encoder = await loadLocalEncoder();
const encoding = await encoder.encode("The quick brown fox jumps over the lazy dog");

const scores: { layer: number; head: number; score: number }[] = [];
encoding.attentions.forEach((attention, layer) => {
  const n = attention.seq;
  for (let h = 0; h < attention.heads; h++) {
    let sum = 0;
    for (let q = 1; q < n; q++) sum += attention.data[(h * n + q) * n + q - 1] ?? 0;
    scores.push({ layer, head: h, score: sum / (n - 1) });
  }
});
scores.sort((a, b) => b.score - a.score);

export const best = scores[0];
export default scores;
