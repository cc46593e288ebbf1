import type { Boundary, NeighborhoodKind } from "./options";

/**
 * Which cells count as a cell's neighbours. Cells are numbered row by row:
 * cell = y · width + x. The neighbourhood is symmetric (b is a neighbour of a
 * exactly when a is a neighbour of b) and never contains the cell itself.
 */
export interface Neighborhood {
  /** The most neighbours a cell can have (fewer at the edges of a bounded grid). */
  readonly size: number;
  /** Writes the neighbours of `cell` into `out` (length ≥ size); returns how many. */
  fill(cell: number, out: Int32Array): number;
  /** Whether cells a and b are neighbours. */
  has(a: number, b: number): boolean;
}

/** The (dx, dy) offsets of a Moore or von Neumann neighbourhood of `radius`. */
export function neighborOffsets(kind: NeighborhoodKind, radius: number): [number, number][] {
  const offsets: [number, number][] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      if (dx === 0 && dy === 0) continue;
      if (kind === "von-neumann" && Math.abs(dx) + Math.abs(dy) > radius) continue;
      offsets.push([dx, dy]);
    }
  }
  return offsets;
}

/** The most neighbours a cell has: 8 for Moore radius 1, 4 for von Neumann radius 1. */
export function neighborhoodSize(kind: NeighborhoodKind, radius: number): number {
  return kind === "moore" ? (2 * radius + 1) ** 2 - 1 : 2 * radius * (radius + 1);
}

/**
 * Builds the neighbourhood of a width × height grid. On a torus the grid wraps
 * around (the caller makes sure width and height exceed 2 · radius, so no
 * neighbour is counted twice); on a bounded grid, offsets past the edge are dropped.
 */
export function createNeighborhood(
  width: number,
  height: number,
  kind: NeighborhoodKind,
  radius: number,
  boundary: Boundary,
): Neighborhood {
  const offsets = neighborOffsets(kind, radius);
  const size = offsets.length;
  const torus = boundary === "torus";
  // For offset j: cols[j · width + x] is the neighbour's column (−1 off the grid),
  // rows[j · height + y] the first cell of the neighbour's row (−1 off the grid).
  const cols = new Int32Array(size * width);
  const rows = new Int32Array(size * height);
  offsets.forEach(([dx, dy], j) => {
    for (let x = 0; x < width; x++) {
      const nx = x + dx;
      cols[j * width + x] = torus ? (nx + width) % width : nx >= 0 && nx < width ? nx : -1;
    }
    for (let y = 0; y < height; y++) {
      const ny = y + dy;
      const row = torus ? (ny + height) % height : ny >= 0 && ny < height ? ny : -1;
      rows[j * height + y] = row < 0 ? -1 : row * width;
    }
  });

  /** The shortest signed difference b − a along an axis of length n. */
  const delta = (a: number, b: number, n: number): number => {
    const d = Math.abs(b - a);
    return torus ? Math.min(d, n - d) : d;
  };

  return {
    size,
    fill(cell, out) {
      const y = (cell / width) | 0;
      const x = cell - y * width;
      let n = 0;
      for (let j = 0; j < size; j++) {
        const row = rows[j * height + y] as number;
        const col = cols[j * width + x] as number;
        if (row >= 0 && col >= 0) out[n++] = row + col;
      }
      return n;
    },
    has(a, b) {
      if (a === b) return false;
      const ay = (a / width) | 0;
      const by = (b / width) | 0;
      const dx = delta(a - ay * width, b - by * width, width);
      const dy = delta(ay, by, height);
      return kind === "moore" ? Math.max(dx, dy) <= radius : dx + dy <= radius;
    },
  };
}
