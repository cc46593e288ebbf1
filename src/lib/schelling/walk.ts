import type { Random } from "./random";

/**
 * NetLogo's `find-new-spot` (the Segregation model in NetLogo's library):
 *
 *     rt random-float 360
 *     fd random-float 10
 *     if any? other turtles-here [ find-new-spot ]
 *     move-to patch-here
 *
 * The agent walks from the centre of its cell: each leg turns by a random
 * angle and goes forward a random distance under 10 cells; it stops on the
 * first cell with nobody else on it. Its own cell counts as free (it has left
 * it), so a walk may end where it began, as in NetLogo. On a torus the walk
 * wraps around; on a bounded grid a leg goes forward in steps of 1 as far as
 * the walls allow and then stops, as NetLogo's `fd` does in a world that does
 * not wrap.
 */

/** The longest leg of the walk, in cells (NetLogo's `random-float 10`). */
export const WALK_MAX_LEG = 10;
/** A walk gives up after this many legs and the agent stays (only on an almost full grid). */
export const WALK_MAX_LEGS = 100_000;

export interface WalkGrid {
  readonly width: number;
  readonly height: number;
  /** 0 for an empty cell. */
  readonly cells: Uint8Array;
}

/**
 * The cell where the agent at `from` ends its walk: an empty cell, or `from`
 * itself (its own cell, which the walk may return to). With `leaveHome` the
 * walk does not stop on `from` (a single step() should move somebody).
 * Returns −1 only if the walk gave up after WALK_MAX_LEGS legs.
 */
export function walkToEmpty(
  grid: WalkGrid,
  from: number,
  random: Random,
  torus: boolean,
  leaveHome = false,
): number {
  const { width: w, height: h, cells } = grid;
  // Continuous position in cell units; cell (i, j) spans [i − ½, i + ½) × [j − ½, j + ½).
  let y = Math.floor(from / w);
  let x = from - y * w;
  let heading = 0;
  const inside = (px: number, py: number): boolean =>
    px >= -0.5 && px < w - 0.5 && py >= -0.5 && py < h - 0.5;
  const wrap = (v: number, size: number): number => {
    const shifted = (v + 0.5) % size;
    return (shifted < 0 ? shifted + size : shifted) - 0.5;
  };
  for (let leg = 0; leg < WALK_MAX_LEGS; leg++) {
    heading = (heading + random.float() * 2 * Math.PI) % (2 * Math.PI);
    const distance = random.float() * WALK_MAX_LEG;
    // NetLogo headings: 0 is north, clockwise; dx = sin, dy = cos (y grows upwards there,
    // downwards in our rows; the mirror changes nothing, the heading being uniform).
    const dx = Math.sin(heading);
    const dy = Math.cos(heading);
    if (torus) {
      x = wrap(x + distance * dx, w);
      y = wrap(y + distance * dy, h);
    } else {
      const whole = Math.floor(distance);
      let blocked = false;
      for (let i = 0; i < whole; i++) {
        if (!inside(x + dx, y + dy)) {
          blocked = true;
          break;
        }
        x += dx;
        y += dy;
      }
      const rest = distance - whole;
      if (!blocked && inside(x + rest * dx, y + rest * dy)) {
        x += rest * dx;
        y += rest * dy;
      }
    }
    const cx = Math.min(w - 1, Math.max(0, Math.floor(x + 0.5)));
    const cy = Math.min(h - 1, Math.max(0, Math.floor(y + 0.5)));
    const cell = cy * w + cx;
    if (cell === from ? !leaveHome : cells[cell] === 0) return cell;
  }
  return -1;
}
