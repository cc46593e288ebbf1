// Hidden checks. They run in a checker of their own (the cell cannot patch it): the head
// recomputed from the checker's own encoder, and findPreviousTokenHead() called on
// attention made up here at random, compared with a plain loop over it.
import { loadLocalEncoder, type CheckedCell, type CheckKit } from "lab";

interface Attention {
  data: Float32Array;
  heads: number;
  seq: number;
}
interface Head {
  layer: number;
  head: number;
  score: number;
}

/** The best head, layers and heads numbered from 1 as the widgets show them. */
function reference(attentions: Attention[]): Head {
  let best: Head = { layer: 0, head: 0, score: -1 };
  attentions.forEach((a, i) => {
    const n = a.seq;
    for (let h = 0; h < a.heads; h++) {
      let sum = 0;
      for (let q = 1; q < n; q++) sum += a.data[(h * n + q) * n + q - 1] ?? 0;
      if (sum / (n - 1) > best.score) best = { layer: i + 1, head: h + 1, score: sum / (n - 1) };
    }
  });
  return best;
}

/** Random attention: 1 to 4 layers, 2 to 6 heads, 4 to 10 tokens, each row summing to 1. */
function randomAttention(kit: CheckKit): Attention[] {
  const heads = kit.int(2, 6);
  const seq = kit.int(4, 10);
  return Array.from({ length: kit.int(1, 4) }, () => {
    const data = new Float32Array(heads * seq * seq);
    for (let row = 0; row < heads * seq; row++) {
      const weights = Array.from({ length: seq }, () => kit.random() ** 3);
      const total = weights.reduce((s, w) => s + w, 0);
      weights.forEach((w, k) => (data[row * seq + k] = w / total));
    }
    return { data, heads, seq };
  });
}

function asHead(value: unknown): Partial<Head> {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return first !== null && typeof first === "object" ? first : {};
}

const same = (got: Partial<Head>, want: Head): boolean =>
  got.layer === want.layer &&
  got.head === want.head &&
  typeof got.score === "number" &&
  Math.abs(got.score - want.score) < 1e-5;

export const checks = [
  {
    name: "best",
    hint: "Score each head by the attention from token q to token q − 1 (q from 1), averaged over the n − 1 pairs; layers and heads count from 1.",
    pass: async (cell: CheckedCell) => {
      const encoding = await (
        await loadLocalEncoder()
      ).encode("The quick brown fox jumps over the lazy dog");
      return same(asHead(cell.values["best"]), reference(encoding.attentions));
    },
  },
  {
    name: "findPreviousTokenHead(attentions)",
    hint: "The score is the average weight on the previous token: divide by n − 1, not n. The checks try other attention, with other numbers of layers, heads and tokens.",
    pass: async (cell: CheckedCell, kit: CheckKit) => {
      for (let trial = 0; trial < 3; trial++) {
        const attentions = randomAttention(kit);
        const got = asHead(await cell.call("findPreviousTokenHead", attentions));
        if (!same(got, reference(attentions))) return false;
      }
      return true;
    },
  },
];
