// Exercise: P(whale | "the white") from counts, as an n-gram model estimates it:
// count("the white whale") / count("the white").
import { count, loadNgramIndex } from "lab";

const moby = await loadNgramIndex("moby-dick");
const numerator = count([moby], "the white whale").count;
// TODO: divide by the count of the context, not by the number of tokens.
const denominator = moby.tokenCount;

export const probability = numerator / denominator;
console.log(`P(whale | the white) = ${probability.toFixed(4)}`);
