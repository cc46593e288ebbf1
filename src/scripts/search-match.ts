/**
 * What the search page keeps of Pagefind's answer. Pagefind ranks pages by
 * partial and stemmed matches, so a nonsense query can still return pages
 * (and highlight a stray "x:"); a page is kept only when its text has every
 * query word, as a word or the start of one, or as that word without a plural
 * or verb ending ("models" finds "model").
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** The query's words, lower-cased (one-letter words dropped unless they are all there is). */
export function queryWords(query: string): string[] {
  const words = (query.toLowerCase().match(WORD) ?? []).filter(Boolean);
  const long = words.filter((w) => w.length > 1);
  return long.length > 0 ? long : words;
}

function stems(word: string): string[] {
  const out = [word];
  for (const suffix of ["ies", "es", "s", "ing", "ed"])
    if (word.endsWith(suffix) && word.length - suffix.length >= 3)
      out.push(word.slice(0, -suffix.length) + (suffix === "ies" ? "y" : ""));
  return out;
}

/** Whether `content` has every word of `query` (see above). */
export function matchesQuery(content: string, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return false;
  const text = content.toLowerCase();
  return words.every((word) =>
    stems(word).some((stem) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(
        text,
      ),
    ),
  );
}

/** "1 lesson mentions “x”.", "3 lessons mention “x” (first 20 shown)." */
export function mentionLine(total: number, query: string, shown: number): string {
  if (total === 0) return `No lesson mentions “${query}”. Try a shorter or different word.`;
  const verb = total === 1 ? "lesson mentions" : "lessons mention";
  return `${total} ${verb} “${query}”${total > shown ? ` (first ${shown} shown)` : ""}.`;
}
