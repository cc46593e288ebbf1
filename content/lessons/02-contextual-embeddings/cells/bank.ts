// "bank" in two contexts: how similar are its two vectors, layer by layer?
import { layerLabels, loadLocalEncoder, similarityMatrix, targetVectors } from "lab";

const encoder = await loadLocalEncoder();
const [cash, river] = await encoder.encode([
  "I deposited cash at the bank this morning.",
  "We had a picnic on the bank of the river.",
]);
if (!cash || !river) throw new Error("The encoder returned no encodings.");
const targets = targetVectors([cash, river], "bank");

// One row per layer: the cosine of "bank" (cash) and "bank" (river).
export default layerLabels(cash).map((layer, i) => ({
  layer,
  cosine: similarityMatrix(targets, i)[0]?.[1],
}));
