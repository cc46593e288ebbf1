/**
 * The hidden states of one layer for one text, as the encoder returns them:
 * `seq` tokens × `dim` numbers, row-major (token-major): token t's vector is
 * data[t·dim … t·dim + dim).
 */
export interface HiddenStates {
  data: Float32Array;
  seq: number;
  dim: number;
}

/** The tokens that make one word: token indices start … end − 1 (end exclusive). */
export interface TokenSpan {
  start: number;
  end: number;
}

/**
 * The contextual vector of a word: the mean of its tokens' vectors at one
 * layer. `layers` holds the hidden states of every layer (index 0 is the
 * first); a negative `layer` counts from the end (−1 is the last layer).
 * Throws a RangeError naming the bad layer or span.
 */
export function contextualVector(
  layers: readonly HiddenStates[],
  span: TokenSpan,
  layer: number,
): Float32Array {
  if (!Number.isInteger(layer) || layer >= layers.length || layer < -layers.length)
    throw new RangeError(`layer ${layer} does not exist: there are ${layers.length} layers`);
  const { data, seq, dim } = layers.at(layer) as HiddenStates;
  if (data.length !== seq * dim)
    throw new RangeError(`hidden states hold ${data.length} numbers, not seq × dim = ${seq * dim}`);
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > seq || start >= end)
    throw new RangeError(`token span ${start}…${end} is not a non-empty range within 0…${seq}`);
  const sum = new Float64Array(dim);
  for (let t = start; t < end; t++)
    for (let j = 0; j < dim; j++) sum[j] = (sum[j] as number) + (data[t * dim + j] as number);
  return Float32Array.from(sum, (value) => value / (end - start));
}
