/**
 * Exercise checks: hidden tests of what the learner's cell exports. A check
 * file (content/lessons/NN-slug/cells/<name>.check.ts) exports `checks`, a
 * list of { name, hint, pass(cell, kit) }. They run in the checker worker
 * (checker.worker.ts), a fresh realm per run that never runs learner code, so
 * a cell that patches Math, Array.prototype, JSON… changes only its own
 * realm. The checker sees the cell through `CheckedCell`: copies of its
 * exported data, and calls to its exported functions with inputs the checker
 * makes up on the spot (from `kit`), which the cell cannot see beforehand.
 */

/** The learner's cell as a check sees it. */
export interface CheckedCell {
  /** The cell's exports other than functions, as structured clones (plain data made in the checker's realm). */
  values: Readonly<Record<string, unknown>>;
  /** The names of the cell's exported functions. */
  functions: readonly string[];
  /**
   * Calls the cell's exported function `name` in the cell's sandbox; the
   * arguments and the result cross as structured clones. Rejects when the
   * export is not a function, throws, or returns something that cannot be cloned.
   */
  call(name: string, ...args: unknown[]): Promise<unknown>;
}

/** Hidden inputs: random numbers the cell cannot predict (a fresh seed per run, in the checker). */
export interface CheckKit {
  /** Uniform in [0, 1). */
  random(): number;
  /** An integer in [low, high], both included. */
  int(low: number, high: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

export interface Check {
  name: string;
  /** Shown when the check fails. */
  hint: string;
  pass(cell: CheckedCell, kit: CheckKit): boolean | Promise<boolean>;
}

export interface CheckResult {
  passed: boolean;
  /** The failed checks (or the ones that threw), with their hints. */
  failures: { name: string; hint: string }[];
  total: number;
}

/** A small seeded generator (mulberry32): the checker seeds it from crypto, tests from a number. */
export function createKit(seed: number): CheckKit {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  return {
    random,
    int,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new Error("pick() needs a non-empty list.");
      return list[int(0, list.length - 1)] as T;
    },
  };
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

/** Runs every check over the cell; a check that throws fails with its hint. */
export async function runChecks(
  checks: unknown,
  cell: CheckedCell,
  kit: CheckKit,
): Promise<CheckResult> {
  if (!Array.isArray(checks) || checks.length === 0 || !checks.every(isCheck))
    throw new Error(
      "This exercise's checks are malformed (want a non-empty list of { name, hint, pass }).",
    );
  const failures: CheckResult["failures"] = [];
  for (const check of checks) {
    let ok = false;
    try {
      const verdict: unknown = await check.pass(cell, kit);
      ok = verdict === true;
    } catch {
      ok = false;
    }
    if (!ok) failures.push({ name: check.name, hint: check.hint });
  }
  return { passed: failures.length === 0, failures, total: checks.length };
}
