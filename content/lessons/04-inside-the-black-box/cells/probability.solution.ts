// P(whale | "the white") = count("the white whale") / count("the white").
import { count, loadNgramIndex } from "lab";

const moby = await loadNgramIndex("moby-dick");
const numerator = count([moby], "the white whale").count;
const denominator = count([moby], "the white").count;

export const probability = numerator / denominator;
console.log(`P(whale | the white) = ${probability.toFixed(4)}`);
