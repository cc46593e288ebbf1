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
 * broken at random. With a seat index this looks at one or two buckets; the
 * mover still counts in the buckets of the empty cells next to it, so those
 * count one lower. Without an index it scans every empty cell.
 */
export function bestSeat(state: GridState, from: number, random: Random, ties: Int32Array): number {
  const seats = state.seats;
  if (!seats) return scanBestSeat(state, from, random, ties);
  const own = state.sameOf(from);
  const h = (state.cells[from] as number) - 1;
  const hood = state.neighborhood;
  const top = seats.topBucket(h);
  if (top < 0) return -1;
  // Empty cells next to the mover, whose bucket overstates them by one.
  const around = state.scratch;
  const count = hood.fill(from, around);
  for (const best of [top, top - 1]) {
    if (best <= own) return -1;
    // Cells that really have `best`: bucket `best` minus the mover's neighbours in it,
    // plus the mover's empty neighbours from bucket best + 1.
    let extra = 0;
    let inBucket = 0;
    for (let i = 0; i < count; i++) {
      const cell = around[i] as number;
      if (state.cells[cell] !== 0) continue;
      const listed = state.same[cell * state.groups + h] as number;
      if (listed === best + 1) ties[extra++] = cell;
      else if (listed === best) inBucket++;
    }
    const size = seats.bucketSize(h, best);
    const total = size - inBucket + extra;
    if (total === 0) continue;
    // Uniform over the `total` cells: draw from bucket ∪ extra, redrawing the
    // mover's neighbours (at most `count` of them, so a redraw is rare).
    for (;;) {
      const pick = random.int(size + extra);
      if (pick >= size) return ties[pick - size] as number;
      const cell = seats.bucketAt(h, best, pick);
      if (!hood.has(from, cell)) return cell;
    }
  }
  return -1;
}

/** bestSeat without an index: every empty cell, in the order of the empty set. */
export function scanBestSeat(
  state: GridState,
  from: number,
  random: Random,
  ties: Int32Array,
): number {
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
