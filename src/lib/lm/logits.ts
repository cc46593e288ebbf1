/** Reading a language model's output: the logits of one position of a [1, seq, vocab] tensor. */

/** The logits at `position` (negative: from the end) of a [1, seq, vocab] output. */
export function logitsAt(
  data: Float32Array,
  dims: readonly number[],
  position: number,
): Float32Array {
  const [batch, seq, vocab] = dims;
  if (dims.length !== 3 || batch !== 1 || seq === undefined || vocab === undefined)
    throw new RangeError(`expected logits of shape [1, seq, vocab], got [${dims.join(", ")}]`);
  const at = position < 0 ? seq + position : position;
  if (at < 0 || at >= seq) throw new RangeError(`position ${position} is outside 0…${seq - 1}`);
  return data.slice(at * vocab, (at + 1) * vocab);
}

/** Where the mask token is among the ids; throws a clear error unless there is exactly one. */
export function maskPosition(ids: readonly number[], maskId: number, maskText: string): number {
  const found = ids.flatMap((id, i) => (id === maskId ? [i] : []));
  if (found.length !== 1)
    throw new RangeError(
      found.length === 0
        ? `Write ${maskText} (or ___) where the missing word goes.`
        : `Use ${maskText} only once (found ${found.length}).`,
    );
  return found[0] as number;
}

/** Replaces a blank "___" with the model's mask token, so learners can type either. */
export function withMask(text: string, maskText: string): string {
  return text.replace(/_{3,}/g, maskText);
}
