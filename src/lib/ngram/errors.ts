/** Input the n-gram tools cannot work with, in words a learner understands. */
export class NgramError extends Error {
  override name = "NgramError";
}
