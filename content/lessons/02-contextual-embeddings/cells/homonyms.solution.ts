// The two senses of "bank" against two senses of "magazine", after the last layer.
import { loadLocalEncoder, similarityMatrix, targetVectors } from "lab";

const encoder = await loadLocalEncoder();
const bank = await encoder.encode([
  "I deposited cash at the bank this morning.",
  "We had a picnic on the bank of the river.",
]);
const magazine = await encoder.encode([
  "She left the magazine on the kitchen table.",
  "The magazine fired its editor last week.",
]);

const stages = targetVectors(bank, "bank")[0]?.layers.length ?? 0;
const stage = stages - 1; // after the last layer

export const bankCosine = similarityMatrix(targetVectors(bank, "bank"), stage)[0]?.[1];
export const magazineCosine = similarityMatrix(targetVectors(magazine, "magazine"), stage)[0]?.[1];
console.log({ bankCosine, magazineCosine });
if (bankCosine !== undefined && magazineCosine !== undefined)
  console.log(
    bankCosine < magazineCosine
      ? "The homonym pair is further apart."
      : "The polysemy pair is further apart.",
  );
