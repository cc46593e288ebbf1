// Exercise: "germany is to berlin as france is to …?"
// capitalOf(country) should answer "germany is to berlin as <country> is to …?" for any
// country. Fill in the three words of the analogy (a country, its capital, then `country`).
import { loadWords } from "lab";

const words = await loadWords();

export function capitalOf(country: string): string | undefined {
  return words.analogy("germany", "germany", country, 1)[0]?.word;
}

export const answer = capitalOf("france");
export default ["france", "italy", "japan"].map((country) => ({
  country,
  capital: capitalOf(country),
}));
