/**
 * The tokens that follow a context, counted from its block in the suffix
 * array: the block is sorted by what comes next, so each following token is
 * one run of ranks, found by galloping rather than by visiting every rank.
 */
import { findRange, type Range } from "./search";
import { DOCUMENT_END, type NgramIndex } from "./types";

export interface NextToken {
  /** Lower-cased, as counted. */
  token: string;
  /** Its most frequent spelling in the corpus. */
  display: string;
  count: number;
  /** count / continuations. */
  probability: number;
}

export interface NextTokenDistribution {
  /** Occurrences of the context (for the empty context: all tokens). */
  contextCount: number;
  /** Occurrences that end a document, followed by no token. */
  documentEnds: number;
  /** contextCount − documentEnds: the sum of all the candidates' counts. */
  continuations: number;
  /** How many different tokens follow. */
  distinct: number;
  /** The `limit` most frequent following tokens, most frequent first (ties: alphabetical). */
  candidates: NextToken[];
}

/** Following tokens of one index: parallel lists of symbols and counts. */
interface Tally {
  symbols: number[];
  counts: number[];
  documentEnds: number;
}

/** Counts the next tokens in one block of ranks. */
function tallyBlock(index: NgramIndex, range: Range, contextLength: number): Tally {
  const { text, sa } = index;
  const next = (rank: number): number => text[(sa[rank] as number) + contextLength] as number;
  const tally: Tally = { symbols: [], counts: [], documentEnds: 0 };
  let rank = range.lo;
  while (rank < range.hi) {
    const symbol = next(rank);
    // Gallop to the end of this symbol's run, then binary-search it.
    let known = rank;
    let step = 1;
    let probe = rank + 1;
    while (probe < range.hi && next(probe) === symbol) {
      known = probe;
      step *= 2;
      probe = known + step;
    }
    let lo = known + 1;
    let hi = Math.min(probe, range.hi);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (next(mid) === symbol) lo = mid + 1;
      else hi = mid;
    }
    if (symbol === DOCUMENT_END) tally.documentEnds += lo - rank;
    else {
      tally.symbols.push(symbol);
      tally.counts.push(lo - rank);
    }
    rank = lo;
  }
  return tally;
}

const unigramTallies = new WeakMap<NgramIndex, Tally>();

/** The unigram counts of an index as a tally (cached). */
function unigramTally(index: NgramIndex): Tally {
  let tally = unigramTallies.get(index);
  if (!tally) {
    tally = { symbols: [], counts: [], documentEnds: 0 };
    for (let symbol = DOCUMENT_END + 1; symbol < index.unigrams.length; symbol++) {
      const n = index.unigrams[symbol] as number;
      if (n > 0) {
        tally.symbols.push(symbol);
        tally.counts.push(n);
      }
    }
    unigramTallies.set(index, tally);
  }
  return tally;
}

interface Entry {
  token: string;
  display: string;
  count: number;
}

/** The folded forms of several indexes numbered together, and each index's symbols in it. */
interface JointVocabulary {
  forms: string[];
  display: string[];
  ids: Int32Array[];
}

const jointCache = new WeakMap<NgramIndex, Map<string, JointVocabulary>>();

/** The joint vocabulary of a set of indexes (cached per set). */
function jointVocabulary(shards: readonly NgramIndex[]): JointVocabulary {
  const first = shards[0] as NgramIndex;
  const key = shards.map((index) => index.name).join("\n");
  let byKey = jointCache.get(first);
  if (!byKey) jointCache.set(first, (byKey = new Map<string, JointVocabulary>()));
  let joint = byKey.get(key);
  if (!joint) {
    const forms: string[] = [];
    const display: string[] = [];
    const idOf = new Map<string, number>();
    const ids = shards.map((index) =>
      Int32Array.from(index.forms, (form, symbol) => {
        let id = idOf.get(form);
        if (id === undefined) {
          id = forms.push(form) - 1;
          display.push(index.display[symbol] as string);
          idOf.set(form, id);
        }
        return id;
      }),
    );
    joint = { forms, display, ids };
    byKey.set(key, joint);
  }
  return joint;
}

/** Adds up the tallies of several indexes by folded form. */
function merge(shards: readonly NgramIndex[], tallies: readonly Tally[]): Entry[] {
  const joint = jointVocabulary(shards);
  const counts = new Uint32Array(joint.forms.length);
  const touched: number[] = [];
  tallies.forEach((tally, s) => {
    const ids = joint.ids[s] as Int32Array;
    tally.symbols.forEach((symbol, k) => {
      const id = ids[symbol] as number;
      if (counts[id] === 0) touched.push(id);
      counts[id] = (counts[id] as number) + (tally.counts[k] as number);
    });
  });
  return touched.map((id) => ({
    token: joint.forms[id] as string,
    display: joint.display[id] as string,
    count: counts[id] as number,
  }));
}

/** The `limit` largest entries, most frequent first, ties in code-point order. */
function top(entries: readonly Entry[], limit: number): Entry[] {
  const order = (a: Entry, b: Entry): number =>
    b.count - a.count || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0);
  if (limit >= entries.length) return [...entries].sort(order);
  // Only entries at least as frequent as the limit-th largest can make the cut.
  const counts = Uint32Array.from(entries, (e) => e.count).sort();
  const threshold = counts[counts.length - Math.max(1, limit)] as number;
  return entries
    .filter((e) => e.count >= threshold)
    .sort(order)
    .slice(0, limit);
}

const unigramCache = new WeakMap<NgramIndex, Map<string, Entry[]>>();

/** All tokens of the indexes, sorted as `top` sorts them (cached per set of indexes). */
function unigramEntries(shards: readonly NgramIndex[]): Entry[] {
  const first = shards[0];
  if (!first) return [];
  const key = shards.map((index) => index.name).join("\n");
  let byKey = unigramCache.get(first);
  if (!byKey) unigramCache.set(first, (byKey = new Map<string, Entry[]>()));
  let entries = byKey.get(key);
  if (!entries) {
    entries = top(merge(shards, shards.map(unigramTally)), Number.POSITIVE_INFINITY);
    byKey.set(key, entries);
  }
  return entries;
}

/**
 * The distribution of the token after a context (given as symbols per index,
 * the same tokens in each), summed over the indexes. An empty context gives
 * the unigram distribution.
 */
export function nextTokenDistribution(
  shards: readonly NgramIndex[],
  contexts: readonly Int32Array[],
  limit = Number.POSITIVE_INFINITY,
): NextTokenDistribution {
  let contextCount = 0;
  const tallies = shards.map((index, s) => {
    const context = contexts[s] ?? new Int32Array(0);
    if (context.length === 0) {
      contextCount += index.tokenCount;
      return unigramTally(index);
    }
    const range = findRange(index, context);
    contextCount += range.hi - range.lo;
    return tallyBlock(index, range, context.length);
  });
  const documentEnds = tallies.reduce((sum, t) => sum + t.documentEnds, 0);
  const continuations = contextCount - documentEnds;
  const unigram = contexts.every((c) => c.length === 0);
  const entries = unigram ? unigramEntries(shards) : merge(shards, tallies);
  return {
    contextCount,
    documentEnds,
    continuations,
    distinct: entries.length,
    candidates: (unigram ? entries.slice(0, limit) : top(entries, limit)).map((e) => ({
      ...e,
      probability: continuations > 0 ? e.count / continuations : 0,
    })),
  };
}
