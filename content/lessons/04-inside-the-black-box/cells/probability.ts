// Exercise: P(word | context) from counts, as an n-gram model estimates it:
// count(context + word) / count(context), e.g. P(whale | "the white").
import { count, loadNgramIndex } from "lab";

const moby = await loadNgramIndex("moby-dick");

export function nextWordProbability(context: string, word: string): number {
  const numerator = count([moby], `${context} ${word}`).count;
  // TODO: divide by the count of the context, not by the number of tokens.
  const denominator = moby.tokenCount;
  return numerator / denominator;
}

export const probability = nextWordProbability("the white", "whale");
console.log(`P(whale | the white) = ${probability.toFixed(4)}`);
