/**
 * The language models' train / validation / test split, by document (and,
 * for WordNet, by synset): a seeded FNV-1a hash of the item's id, so any
 * program (the corpus script, the polysemy benchmark, a test) puts an item in
 * the same split without a list of ids.
 */

export type Split = "train" | "valid" | "test";

/** Salt of the split; changing it changes every split. */
export const SPLIT_SALT = "llm-lab-lm-1";

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 5 % validation, 5 % test, the rest training. `id` is e.g. "sotu:1962 Kennedy" or "wordnet:n:09236472". */
export function splitOf(id: string): Split {
  const bucket = fnv1a(`${SPLIT_SALT}\u0000${id}`) % 100;
  if (bucket < 5) return "valid";
  if (bucket < 10) return "test";
  return "train";
}
