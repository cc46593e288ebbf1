/**
 * The one error the simulator throws on bad input. Its message is written for
 * a learner: it names the setting, the value given, and what would work.
 */
export class SchellingError extends Error {
  override name = "SchellingError";
}
