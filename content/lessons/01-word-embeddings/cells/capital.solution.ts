// "germany is to berlin as france is to …?" → paris
import { loadWords } from "lab";

const words = await loadWords();

export function capitalOf(country: string): string | undefined {
  return words.analogy("germany", "berlin", country, 1)[0]?.word;
}

export const answer = capitalOf("france");
export default ["france", "italy", "japan"].map((country) => ({
  country,
  capital: capitalOf(country),
}));
