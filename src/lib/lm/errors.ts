/** A model could not load or run, in words a learner understands. */
export class LmError extends Error {
  override name = "LmError";
}
