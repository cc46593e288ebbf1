import type { Boundary } from "./options";
import type { Neighborhood } from "./neighborhood";

/**
 * Segregation measures of a grid, computed from scratch from the cells. The
 * simulator keeps the first two up to date move by move; these functions are
 * the reference it is tested against, and work on any grid.
 * `cells` is row by row: 0 empty, 1…k the agent's group.
 */

/**
 * % similar (NetLogo's "percent-similar"): over all agents, same-group
 * neighbours divided by occupied neighbouring cells, as a share from 0 to 1.
 * 0 when no agent has a neighbour.
 */
export function similarShare(cells: Uint8Array, neighborhood: Neighborhood): number {
  const around = new Int32Array(neighborhood.size);
  let same = 0;
  let occupied = 0;
  cells.forEach((g, cell) => {
    if (g === 0) return;
    const count = neighborhood.fill(cell, around);
    for (let i = 0; i < count; i++) {
      const other = cells[around[i] as number] as number;
      if (other !== 0) occupied++;
      if (other === g) same++;
    }
  });
  return occupied === 0 ? 0 : same / occupied;
}

/**
 * Mean same-colour share: each agent's share of same-group neighbours among
 * its occupied neighbouring cells, averaged over agents that have at least one
 * neighbour. 0 when none has.
 */
export function meanSameShare(cells: Uint8Array, neighborhood: Neighborhood): number {
  const around = new Int32Array(neighborhood.size);
  let total = 0;
  let agents = 0;
  cells.forEach((g, cell) => {
    if (g === 0) return;
    const count = neighborhood.fill(cell, around);
    let same = 0;
    let occupied = 0;
    for (let i = 0; i < count; i++) {
      const other = cells[around[i] as number] as number;
      if (other !== 0) occupied++;
      if (other === g) same++;
    }
    if (occupied === 0) return;
    total += same / occupied;
    agents++;
  });
  return agents === 0 ? 0 : total / agents;
}

/**
 * The dissimilarity index over square blocks of `blockSize` × `blockSize`
 * cells (partial blocks at the right and bottom edges count too). For two
 * groups it is Duncan's D = ½ Σ_blocks |a_b / A − b_b / B|: the share of either
 * group that would have to change blocks for every block to mirror the whole
 * grid. For k groups it is the multigroup D of Reardon and Firebaugh (2002):
 * Σ_b Σ_g t_b |p_bg − P_g| / (2 T I), with I = Σ_g P_g (1 − P_g).
 * 0 = every block has the grid's mix; 1 = no block mixes groups. 0 when only one group is present.
 */
export function dissimilarity(
  cells: Uint8Array,
  width: number,
  height: number,
  groups: number,
  blockSize: number,
): number {
  const blocksX = Math.ceil(width / blockSize);
  const blocksY = Math.ceil(height / blockSize);
  const counts = new Float64Array(blocksX * blocksY * groups);
  const totals = new Float64Array(groups);
  for (let y = 0; y < height; y++) {
    const rowBlock = ((y / blockSize) | 0) * blocksX;
    for (let x = 0; x < width; x++) {
      const g = cells[y * width + x] as number;
      if (g === 0) continue;
      const at = (rowBlock + ((x / blockSize) | 0)) * groups + g - 1;
      counts[at] = (counts[at] as number) + 1;
      totals[g - 1] = (totals[g - 1] as number) + 1;
    }
  }
  const all = totals.reduce((a, b) => a + b, 0);
  if (all === 0) return 0;
  let interaction = 0;
  for (const t of totals) interaction += (t / all) * (1 - t / all);
  if (interaction === 0) return 0;
  let sum = 0;
  for (let b = 0; b < blocksX * blocksY; b++) {
    let t = 0;
    for (let g = 0; g < groups; g++) t += counts[b * groups + g] as number;
    if (t === 0) continue;
    for (let g = 0; g < groups; g++) {
      sum += Math.abs((counts[b * groups + g] as number) - (t * (totals[g] as number)) / all);
    }
  }
  return sum / (2 * all * interaction);
}

/**
 * Interface density: among pairs of side-by-side agents (left–right and
 * above–below neighbours, wrapping around on a torus), the share whose two
 * agents belong to different groups. About 2p(1 − p) for a random mix of two
 * groups with shares p and 1 − p; it falls as like clusters with like. 0 when no two agents touch.
 */
export function interfaceDensity(
  cells: Uint8Array,
  width: number,
  height: number,
  boundary: Boundary,
): number {
  const torus = boundary === "torus";
  let pairs = 0;
  let unlike = 0;
  const bond = (a: number, b: number): void => {
    if (a === 0 || b === 0) return;
    pairs++;
    if (a !== b) unlike++;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g = cells[y * width + x] as number;
      if (g === 0) continue;
      if (x + 1 < width) bond(g, cells[y * width + x + 1] as number);
      else if (torus && width > 2) bond(g, cells[y * width] as number);
      if (y + 1 < height) bond(g, cells[(y + 1) * width + x] as number);
      else if (torus && height > 2) bond(g, cells[x] as number);
    }
  }
  return pairs === 0 ? 0 : unlike / pairs;
}
