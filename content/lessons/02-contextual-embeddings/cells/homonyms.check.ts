// Hidden checks: recompute both cosines from the word vectors with a plain cosine.
import { cosine, loadLocalEncoder, targetVectors } from "lab";

async function reference(texts: string[], word: string): Promise<number> {
  const encodings = await (await loadLocalEncoder()).encode(texts);
  const [a, b] = targetVectors(encodings, word);
  const va = a?.layers.at(-1);
  const vb = b?.layers.at(-1);
  return va && vb ? cosine(va, vb) : Number.NaN;
}

const close = (x: unknown, y: number): boolean => typeof x === "number" && Math.abs(x - y) < 1e-4;

export const checks = [
  {
    name: "bankCosine",
    hint: "Compare the two bank vectors at the last stage (targetVectors(…)[0].layers.length − 1).",
    pass: async (cell: Record<string, unknown>) =>
      close(
        cell["bankCosine"],
        await reference(
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
    pass: async (cell: Record<string, unknown>) =>
      close(
        cell["magazineCosine"],
        await reference(
          [
            "She left the magazine on the kitchen table.",
            "The magazine fired its editor last week.",
          ],
          "magazine",
        ),
      ),
  },
];
