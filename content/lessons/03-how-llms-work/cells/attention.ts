// Where does each token look? The attention of layer 1, averaged over its heads.
import { loadLocalEncoder, meanOverHeads, topAttended } from "lab";

const encoder = await loadLocalEncoder();
const encoding = await encoder.encode("John wants his bank to cash the cheque");
const [first] = encoding.attentions;
if (!first) throw new Error("No attention in this encoding.");
console.log(
  `${String(encoding.attentions.length)} layers × ${String(first.heads)} heads over ${String(first.seq)} tokens`,
);

const mean = meanOverHeads(first);
export default encoding.tokens.map((token, q) => {
  const [best] = topAttended(mean.subarray(q * first.seq, (q + 1) * first.seq), 1);
  return { token, "looks most at": best ? encoding.tokens[best.index] : "", weight: best?.weight };
});
