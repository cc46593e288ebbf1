import type { GridState } from "./grid-state";
import { isHappy } from "./happiness";
import type { Random } from "./random";

/**
 * Where an unhappy agent moves. Each function returns the target cell, or −1
 * when the agent stays. `ties` is scratch space of at least grid size.
 */

/** Threshold rule: any empty cell, uniformly at random. */
export function randomEmpty(state: GridState, random: Random): number {
  const free = state.empties.size;
  return free === 0 ? -1 : state.empties.at(random.int(free));
}

/**
 * Classroom rule: the empty cell with the most same-colour neighbours (not
 * counting the mover itself), if that beats what the agent has now; ties are
 * broken at random.
 */
export function bestSeat(state: GridState, from: number, random: Random, ties: Int32Array): number {
  const own = state.sameOf(from);
  let best = own;
  let count = 0;
  const { empties } = state;
  for (let i = 0; i < empties.size; i++) {
    const cell = empties.at(i);
    const same = state.sameIfMoved(from, cell);
    if (same > best) {
      best = same;
      count = 0;
    }
    if (same === best && best > own) ties[count++] = cell;
  }
  return count === 0 ? -1 : (ties[random.int(count)] as number);
}

/** How far (in rings around the agent) the nearest-happy search looks before giving up. */
export const NEAREST_MAX_DISTANCE = 50;

/**
 * Threshold rule with `move: "nearest"`: the closest empty cell where the agent
 * would be happy, searching ring by ring (Chebyshev distance 1, 2, …, at most
 * NEAREST_MAX_DISTANCE); ties within a ring are broken at random.
 */
export function nearestHappy(
  state: GridState,
  from: number,
  random: Random,
  ties: Int32Array,
  torus: boolean,
): number {
  const { width: w, height: h, cells, bounds } = state;
  const y0 = (from / w) | 0;
  const x0 = from - y0 * w;
  // How far the search may reach in each direction without visiting a cell twice.
  const left = torus ? Math.floor((w - 1) / 2) : x0;
  const right = torus ? Math.floor(w / 2) : w - 1 - x0;
  const up = torus ? Math.floor((h - 1) / 2) : y0;
  const down = torus ? Math.floor(h / 2) : h - 1 - y0;
  const reach = Math.min(NEAREST_MAX_DISTANCE, Math.max(left, right, up, down));
  let count = 0;
  const consider = (dx: number, dy: number): void => {
    const x = (x0 + dx + w) % w;
    const y = (y0 + dy + h) % h;
    const cell = y * w + x;
    if (cells[cell] !== 0) return;
    if (isHappy(bounds, state.sameIfMoved(from, cell), state.occupiedIfMoved(from, cell)))
      ties[count++] = cell;
  };
  for (let d = 1; d <= reach; d++) {
    const dxLo = -Math.min(d, left);
    const dxHi = Math.min(d, right);
    for (let dy = -Math.min(d, up); dy <= Math.min(d, down); dy++) {
      if (Math.abs(dy) === d) {
        for (let dx = dxLo; dx <= dxHi; dx++) consider(dx, dy);
      } else {
        if (dxLo === -d) consider(-d, dy);
        if (dxHi === d) consider(d, dy);
      }
    }
    if (count > 0) return ties[random.int(count)] as number;
  }
  return -1;
}
