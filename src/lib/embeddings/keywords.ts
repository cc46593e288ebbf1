const WORD = /\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu;

/** The lower-cased words of a text (letters, with inner apostrophes and hyphens). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

export interface KeywordOptions {
  /** Words per group (default 5). */
  top?: number;
  /** A word must occur this often in the group (default 3). */
  minCount?: number;
  /** Shorter words are skipped (default 3 letters). */
  minLength?: number;
  /** A word's rate in the group must be at least this many times its overall rate (default 1.5). */
  minRatio?: number;
}

/**
 * The words that set each group of texts apart from the whole corpus: ranked
 * by the ratio of their add-one-smoothed rate in the group to their rate in
 * all texts, so words common everywhere ("the", "of") score near 1 and drop
 * out without a stop list; a group may get fewer than `top` words, or none. `groups[i]` is text i's group, 0 … count − 1.
 */
export function distinctiveWords(
  texts: readonly string[],
  groups: ArrayLike<number>,
  count: number,
  options: KeywordOptions = {},
): string[][] {
  const { top = 5, minCount = 3, minLength = 3, minRatio = 1.5 } = options;
  if (groups.length !== texts.length)
    throw new RangeError(`${texts.length} texts but ${groups.length} group numbers`);
  const total = new Map<string, number>();
  const perGroup = Array.from({ length: count }, () => new Map<string, number>());
  const sizes = new Float64Array(count);
  let all = 0;
  texts.forEach((text, i) => {
    const g = groups[i] as number;
    const counts = perGroup[g];
    if (!counts) throw new RangeError(`text ${i} is in group ${g}, not within 0…${count - 1}`);
    for (const w of wordsOf(text)) {
      if (w.length < minLength) continue;
      total.set(w, (total.get(w) ?? 0) + 1);
      counts.set(w, (counts.get(w) ?? 0) + 1);
      sizes[g] = (sizes[g] as number) + 1;
      all++;
    }
  });
  const vocabulary = total.size;
  return perGroup.map((counts, g) =>
    [...counts]
      .filter(([, n]) => n >= minCount)
      .map(([w, n]) => ({
        w,
        score:
          (n + 1) /
          ((sizes[g] as number) + vocabulary) /
          (((total.get(w) ?? 0) + 1) / (all + vocabulary)),
      }))
      .filter((x) => x.score >= minRatio)
      .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
      .slice(0, top)
      .map((x) => x.w),
  );
}
