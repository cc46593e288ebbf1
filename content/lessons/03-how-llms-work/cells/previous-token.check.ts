// Hidden checks: compare with the library's previousTokenHead on the same sentence.
import { loadLocalEncoder, previousTokenHead } from "lab";

async function reference(): Promise<{ layer: number; head: number; score: number } | null> {
  const encoding = await (
    await loadLocalEncoder()
  ).encode("The quick brown fox jumps over the lazy dog");
  return previousTokenHead(encoding.attentions);
}

function bestOf(cell: Record<string, unknown>): {
  layer?: unknown;
  head?: unknown;
  score?: unknown;
} {
  const best = cell["best"];
  return best !== null && typeof best === "object" ? best : {};
}

export const checks = [
  {
    name: "the head",
    hint: "Score each head by the attention from token q to token q − 1 (q from 1), averaged over the n − 1 pairs.",
    pass: async (cell: Record<string, unknown>) => {
      const ref = await reference();
      const best = bestOf(cell);
      return ref !== null && best.layer === ref.layer && best.head === ref.head;
    },
  },
  {
    name: "its score",
    hint: "The score is the average weight on the previous token: divide by n − 1, not n.",
    pass: async (cell: Record<string, unknown>) => {
      const ref = await reference();
      const score = bestOf(cell).score;
      return ref !== null && typeof score === "number" && Math.abs(score - ref.score) < 1e-5;
    },
  },
];
