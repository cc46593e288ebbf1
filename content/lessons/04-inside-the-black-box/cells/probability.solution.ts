// P(word | context) = count(context + word) / count(context).
import { count, loadNgramIndex } from "lab";

const moby = await loadNgramIndex("moby-dick");

export function nextWordProbability(context: string, word: string): number {
  const numerator = count([moby], `${context} ${word}`).count;
  const denominator = count([moby], context).count;
  return numerator / denominator;
}

export const probability = nextWordProbability("the white", "whale");
console.log(`P(whale | the white) = ${probability.toFixed(4)}`);
