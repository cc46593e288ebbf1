/**
 * Exercise checks: hidden tests over what the learner's cell exports. A check
 * file (content/lessons/NN-slug/cells/<name>.check.ts) exports `checks`, a
 * list of { name, hint, pass(cell) }, run in the sandbox after the cell.
 */
export interface Check {
  name: string;
  /** Shown when the check fails. */
  hint: string;
  pass(cell: Record<string, unknown>): boolean | Promise<boolean>;
}

export interface CheckResult {
  passed: boolean;
  /** The failed checks (or the ones that threw), with their hints. */
  failures: { name: string; hint: string }[];
  total: number;
}

function isCheck(value: unknown): value is Check {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c["name"] === "string" &&
    typeof c["hint"] === "string" &&
    typeof c["pass"] === "function"
  );
}

/** Runs every check over the cell's exports; a check that throws fails with its hint. */
export async function runChecks(
  checks: unknown,
  cell: Record<string, unknown>,
): Promise<CheckResult> {
  if (!Array.isArray(checks) || checks.length === 0 || !checks.every(isCheck))
    throw new Error(
      "This exercise's checks are malformed (want a non-empty list of { name, hint, pass }).",
    );
  const failures: CheckResult["failures"] = [];
  for (const check of checks) {
    let ok = false;
    try {
      const verdict: unknown = await check.pass(cell);
      ok = verdict === true;
    } catch {
      ok = false;
    }
    if (!ok) failures.push({ name: check.name, hint: check.hint });
  }
  return { passed: failures.length === 0, failures, total: checks.length };
}
