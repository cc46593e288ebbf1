// "germany is to berlin as france is to …?" → paris
import { loadWords } from "lab";

const words = await loadWords();
const answers = words.analogy("germany", "berlin", "france", 5);

export const answer = answers[0]?.word;
export default answers;
