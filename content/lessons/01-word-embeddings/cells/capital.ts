// Exercise: "germany is to berlin as france is to …?"
// Fill in the three words of the analogy so that `answer` is France's capital.
import { loadWords } from "lab";

const words = await loadWords();
const answers = words.analogy("germany", "germany", "france", 5);

export const answer = answers[0]?.word;
export default answers;
