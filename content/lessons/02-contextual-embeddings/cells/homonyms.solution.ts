// The two senses of "bank" against two senses of "magazine", after the last layer.
import { loadLocalEncoder, similarityMatrix, targetVectors, type TargetInContext } from "lab";

const encoder = await loadLocalEncoder();
const bank = await encoder.encode([
  "I deposited cash at the bank this morning.",
  "We had a picnic on the bank of the river.",
]);
const magazine = await encoder.encode([
  "She left the magazine on the kitchen table.",
  "The magazine fired its editor last week.",
]);

export function senseCosine(targets: TargetInContext[]): number | undefined {
  const stage = (targets[0]?.layers.length ?? 0) - 1; // after the last layer
  return similarityMatrix(targets, stage)[0]?.[1];
}

export const bankCosine = senseCosine(targetVectors(bank, "bank"));
export const magazineCosine = senseCosine(targetVectors(magazine, "magazine"));
console.log({ bankCosine, magazineCosine });
if (bankCosine !== undefined && magazineCosine !== undefined)
  console.log(
    bankCosine < magazineCosine
      ? "The homonym pair is further apart."
      : "The polysemy pair is further apart.",
  );
