// Exercise: are the two senses of "bank" (a homonym) further apart than two
// senses of "magazine" (polysemy)? Compare each pair after the last layer.
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

// targetVectors gives one vector per stage: token embedding (0), layer input (1), after each layer.
// At stage 0 a word has the same vector in any sentence.
// TODO: senseCosine should compare the two vectors at the LAST stage, however many there are.
export function senseCosine(targets: TargetInContext[]): number | undefined {
  const stage = 0;
  return similarityMatrix(targets, stage)[0]?.[1];
}

export const bankCosine = senseCosine(targetVectors(bank, "bank"));
export const magazineCosine = senseCosine(targetVectors(magazine, "magazine"));
console.log({ bankCosine, magazineCosine });
