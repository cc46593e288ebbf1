// The head that puts the most attention on the previous token (layers and heads from 1).
import { loadLocalEncoder, type AttentionTensor } from "lab";

export function findPreviousTokenHead(attentions: AttentionTensor[]) {
  const scores: { layer: number; head: number; score: number }[] = [];
  attentions.forEach((attention, i) => {
    const n = attention.seq;
    for (let h = 0; h < attention.heads; h++) {
      let sum = 0;
      for (let q = 1; q < n; q++) sum += attention.data[(h * n + q) * n + q - 1] ?? 0;
      scores.push({ layer: i + 1, head: h + 1, score: sum / (n - 1) });
    }
  });
  return scores.sort((a, b) => b.score - a.score);
}

const encoder = await loadLocalEncoder();
const encoding = await encoder.encode("The quick brown fox jumps over the lazy dog");
const scores = findPreviousTokenHead(encoding.attentions);

export const best = scores[0];
export default scores;
