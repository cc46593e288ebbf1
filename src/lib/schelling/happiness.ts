import type { ResolvedOptions } from "./options";

/**
 * When an agent is happy, as two tables indexed by its number of occupied
 * neighbouring cells o (0 … size): it is happy when
 * `least[o] ≤ same ≤ most[o]`, where `same` counts neighbours of its own group.
 * Whole-number tables keep the check exact (no 0.3 · 10 ≠ 3 surprises) and fast.
 */
export interface HappinessBounds {
  least: Uint8Array;
  most: Uint8Array;
}

/** A small tolerance so that, e.g., wanted 0.3 with 10 neighbours asks for exactly 3. */
const EPSILON = 1e-9;

export function happinessBounds(
  options: Pick<ResolvedOptions, "rule" | "minSame" | "wanted" | "maxShare">,
  size: number,
): HappinessBounds {
  const least = new Uint8Array(size + 1);
  const most = new Uint8Array(size + 1);
  for (let o = 0; o <= size; o++) {
    if (options.rule === "classroom") {
      least[o] = options.minSame;
      most[o] = o;
    } else {
      // NetLogo: happy when similar-nearby ≥ wanted × total-nearby.
      least[o] = Math.ceil(options.wanted * o - EPSILON);
      most[o] = options.maxShare === null ? o : Math.floor(options.maxShare * o + EPSILON);
    }
  }
  return { least, most };
}

/** Whether an agent with `same` same-group neighbours out of `occupied` is happy. */
export function isHappy(bounds: HappinessBounds, same: number, occupied: number): boolean {
  return same >= (bounds.least[occupied] as number) && same <= (bounds.most[occupied] as number);
}
