/**
 * Suffix array construction by induced sorting (SA-IS; Nong, Zhang & Chan
 * 2009), linear in the text length, over an integer alphabet.
 *
 * `text` holds symbols in 0…alphabet-1 and must END with a unique smallest
 * symbol (a sentinel: 0, occurring nowhere else). The result lists the start
 * of every suffix in lexicographic order; the sentinel's suffix comes first.
 */

type Symbols = Int32Array | Uint32Array;

/** Bucket starts (`end` false) or ends (`end` true) of every symbol. */
function buckets(text: Symbols, alphabet: number, end: boolean): Int32Array {
  const bucket = new Int32Array(alphabet);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i] as number;
    bucket[c] = (bucket[c] as number) + 1;
  }
  let sum = 0;
  for (let c = 0; c < alphabet; c++) {
    sum += bucket[c] as number;
    bucket[c] = end ? sum : sum - (bucket[c] as number);
  }
  return bucket;
}

/** Induces the L-type suffixes (left to right), then the S-type ones (right to left). */
function induce(text: Symbols, sa: Int32Array, sType: Uint8Array, alphabet: number): void {
  const n = text.length;
  let bucket = buckets(text, alphabet, false);
  for (let i = 0; i < n; i++) {
    const j = (sa[i] as number) - 1;
    if (j >= 0 && sType[j] === 0) {
      const c = text[j] as number;
      const at = bucket[c] as number;
      bucket[c] = at + 1;
      sa[at] = j;
    }
  }
  bucket = buckets(text, alphabet, true);
  for (let i = n - 1; i >= 0; i--) {
    const j = (sa[i] as number) - 1;
    if (j >= 0 && sType[j] === 1) {
      const c = text[j] as number;
      const at = (bucket[c] as number) - 1;
      bucket[c] = at;
      sa[at] = j;
    }
  }
}

/** Puts suffix `i` at the end of bucket `c` and moves the bucket's end down. */
function placeAtEnd(sa: Int32Array, bucket: Int32Array, c: number, i: number): void {
  const at = (bucket[c] as number) - 1;
  bucket[c] = at;
  sa[at] = i;
}

function sais(text: Symbols, sa: Int32Array, alphabet: number): void {
  const n = text.length;
  if (n === 1) {
    sa[0] = 0;
    return;
  }
  // Suffix types: S (1) if smaller than the suffix after it, else L (0).
  const sType = new Uint8Array(n);
  sType[n - 1] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const a = text[i] as number;
    const b = text[i + 1] as number;
    sType[i] = a < b || (a === b && sType[i + 1] === 1) ? 1 : 0;
  }
  const isLms = (i: number): boolean => i > 0 && sType[i] === 1 && sType[i - 1] === 0;

  // Stage 1: sort the LMS substrings by induction.
  let bucket = buckets(text, alphabet, true);
  sa.fill(-1);
  for (let i = 1; i < n; i++) if (isLms(i)) placeAtEnd(sa, bucket, text[i] as number, i);
  induce(text, sa, sType, alphabet);

  let lmsCount = 0;
  for (let i = 0; i < n; i++) if (isLms(sa[i] as number)) sa[lmsCount++] = sa[i] as number;

  // Name the LMS substrings: equal substrings share a name.
  sa.fill(-1, lmsCount, n);
  let name = 0;
  let previous = -1;
  for (let i = 0; i < lmsCount; i++) {
    const position = sa[i] as number;
    let differs = false;
    for (let d = 0; d < n; d++) {
      if (
        previous === -1 ||
        text[position + d] !== text[previous + d] ||
        sType[position + d] !== sType[previous + d]
      ) {
        differs = true;
        break;
      }
      if (d > 0 && (isLms(position + d) || isLms(previous + d))) break;
    }
    if (differs) {
      name++;
      previous = position;
    }
    sa[lmsCount + (position >> 1)] = name - 1;
  }
  for (let i = n - 1, j = n - 1; i >= lmsCount; i--) {
    const value = sa[i] as number;
    if (value >= 0) sa[j--] = value;
  }

  // Stage 2: sort the reduced string, recursing while names repeat.
  const reducedSa = sa.subarray(0, lmsCount);
  const reduced = sa.subarray(n - lmsCount, n);
  if (name < lmsCount) sais(reduced, reducedSa, name);
  else for (let i = 0; i < lmsCount; i++) reducedSa[reduced[i] as number] = i;

  // Stage 3: place the sorted LMS suffixes at their bucket ends and induce the rest.
  for (let i = 1, j = 0; i < n; i++) if (isLms(i)) reduced[j++] = i;
  for (let i = 0; i < lmsCount; i++) reducedSa[i] = reduced[reducedSa[i] as number] as number;
  sa.fill(-1, lmsCount, n);
  bucket = buckets(text, alphabet, true);
  for (let i = lmsCount - 1; i >= 0; i--) {
    const j = sa[i] as number;
    sa[i] = -1;
    placeAtEnd(sa, bucket, text[j] as number, j);
  }
  induce(text, sa, sType, alphabet);
}

/**
 * The suffix array of `text` (see the module comment for the sentinel rule).
 * Throws a RangeError when the text does not end with a unique 0.
 */
export function suffixArray(text: Symbols, alphabet: number): Int32Array {
  const n = text.length;
  if (n === 0 || text[n - 1] !== 0)
    throw new RangeError("the text must end with the sentinel symbol 0");
  for (let i = 0; i < n - 1; i++) {
    const c = text[i] as number;
    if (c === 0) throw new RangeError(`the sentinel 0 occurs before the end, at ${i}`);
    if (c >= alphabet) throw new RangeError(`symbol ${c} at ${i} is outside 0…${alphabet - 1}`);
  }
  const sa = new Int32Array(n);
  sais(text, sa, alphabet);
  return sa;
}
