// king − man + woman: "man is to king as woman is to …?"
import { loadWords } from "lab";

const words = await loadWords();
console.log(`${String(words.size)} words, ${String(words.dims)} numbers each`);

// The three inputs are left out of the answers; try words.neighbors() to see why.
const answers = words.analogy("man", "king", "woman", 5);
console.log(`Best answer: ${answers[0]?.word ?? "none"}`);

// The value a cell exports as default is shown below it (a table for a list of records).
export default answers;
