// Hidden checks. They run in a checker of their own (the cell cannot patch it): the
// cosines recomputed from the checker's own encoder, and senseCosine() called on
// vectors made up here at random, compared with a plain cosine of the last stage.
import { loadLocalEncoder, targetVectors, type CheckedCell, type CheckKit } from "lab";

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

async function lastStage(texts: string[], word: string): Promise<number> {
  const [a, b] = targetVectors(await (await loadLocalEncoder()).encode(texts), word);
  const va = a?.layers.at(-1);
  const vb = b?.layers.at(-1);
  return va && vb ? cosine(va, vb) : Number.NaN;
}

const close = (x: unknown, y: number): boolean => typeof x === "number" && Math.abs(x - y) < 1e-4;

/** Two made-up targets: 3 to 6 stages of random vectors, the sizes changing between stages. */
function randomTargets(kit: CheckKit): { text: number; word: unknown; layers: Float32Array[] }[] {
  const sizes = Array.from({ length: kit.int(3, 6) }, () => kit.int(4, 24));
  const word = { text: "w", chars: { start: 0, end: 1 }, tokens: { start: 0, end: 1 } };
  return [0, 1].map((text) => ({
    text,
    word,
    layers: sizes.map((n) => Float32Array.from({ length: n }, () => kit.random() * 2 - 1)),
  }));
}

export const checks = [
  {
    name: "bankCosine",
    hint: "Compare the two bank vectors at the last stage (targets[0].layers.length − 1).",
    pass: async (cell: CheckedCell) =>
      close(
        cell.values["bankCosine"],
        await lastStage(
          [
            "I deposited cash at the bank this morning.",
            "We had a picnic on the bank of the river.",
          ],
          "bank",
        ),
      ),
  },
  {
    name: "magazineCosine",
    hint: "Do the same for the two magazine sentences.",
    pass: async (cell: CheckedCell) =>
      close(
        cell.values["magazineCosine"],
        await lastStage(
          [
            "She left the magazine on the kitchen table.",
            "The magazine fired its editor last week.",
          ],
          "magazine",
        ),
      ),
  },
  {
    name: "senseCosine(targets)",
    hint: "senseCosine should use the last stage of whatever targets it gets (the checks try other vectors, with other numbers of stages).",
    pass: async (cell: CheckedCell, kit: CheckKit) => {
      for (let trial = 0; trial < 3; trial++) {
        const targets = randomTargets(kit);
        const [a, b] = targets.map((t) => t.layers.at(-1) ?? new Float32Array());
        if (!close(await cell.call("senseCosine", targets), cosine(a ?? [], b ?? []))) return false;
      }
      return true;
    },
  },
];
