// Count n-grams in Moby Dick with a suffix array (built in the sandbox, about a second).
import { count, loadNgramIndex } from "lab";

const moby = await loadNgramIndex("moby-dick");
console.log(`${String(moby.tokenCount)} tokens indexed`);

export default ["whale", "white whale", "the white whale", "captain ahab", "call me ishmael"].map(
  (ngram) => ({ ngram, count: count([moby], ngram).count }),
);
