// Exercise: are the two senses of "bank" (a homonym) further apart than two
// senses of "magazine" (polysemy)? Export both cosines after the last layer.
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

// targetVectors gives one vector per stage: token embedding (0), layer input (1), after each layer.
// At stage 0 a word has the same vector in any sentence. Change `stage` to the last one.
const stage = 0;

export const bankCosine = similarityMatrix(targetVectors(bank, "bank"), stage)[0]?.[1];
export const magazineCosine = similarityMatrix(targetVectors(magazine, "magazine"), stage)[0]?.[1];
console.log({ bankCosine, magazineCosine });
