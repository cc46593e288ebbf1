import { describe, expect, it } from "vitest";
import {
  createNeighborhood,
  neighborOffsets,
  neighborhoodSize,
  type Boundary,
  type NeighborhoodKind,
} from "@/lib/schelling/index";

const neighborsOf = (
  cell: number,
  width: number,
  height: number,
  kind: NeighborhoodKind,
  radius: number,
  boundary: Boundary,
): number[] => {
  const hood = createNeighborhood(width, height, kind, radius, boundary);
  const out = new Int32Array(hood.size);
  return [...out.slice(0, hood.fill(cell, out))].sort((a, b) => a - b);
};

describe("neighborhoodSize(kind, radius)", () => {
  it.each([
    ["moore", 1, 8],
    ["moore", 2, 24],
    ["von-neumann", 1, 4],
    ["von-neumann", 2, 12],
    ["von-neumann", 3, 24],
  ] as const)("%s radius %i has %i cells", (kind, radius, size) => {
    expect(neighborhoodSize(kind, radius)).toBe(size);
    expect(neighborOffsets(kind, radius)).toHaveLength(size);
  });
});

describe("createNeighborhood(...).fill(cell)", () => {
  // A 4 × 3 grid, cells numbered row by row:
  //  0  1  2  3
  //  4  5  6  7
  //  8  9 10 11
  it("Moore, bounded: a middle cell has 8 neighbours, a corner 3", () => {
    expect(neighborsOf(5, 4, 3, "moore", 1, "bounded")).toEqual([0, 1, 2, 4, 6, 8, 9, 10]);
    expect(neighborsOf(0, 4, 3, "moore", 1, "bounded")).toEqual([1, 4, 5]);
    expect(neighborsOf(11, 4, 3, "moore", 1, "bounded")).toEqual([6, 7, 10]);
  });

  it("Moore, torus: a corner wraps around to the far edges", () => {
    expect(neighborsOf(0, 4, 3, "moore", 1, "torus")).toEqual([1, 3, 4, 5, 7, 8, 9, 11]);
  });

  it("von Neumann, bounded: up, down, left, right only", () => {
    expect(neighborsOf(5, 4, 3, "von-neumann", 1, "bounded")).toEqual([1, 4, 6, 9]);
    expect(neighborsOf(3, 4, 3, "von-neumann", 1, "bounded")).toEqual([2, 7]);
  });

  it("von Neumann radius 2 on a 5 × 5 grid: the diamond around the centre", () => {
    expect(neighborsOf(12, 5, 5, "von-neumann", 2, "bounded")).toEqual([
      2, 6, 7, 8, 10, 11, 13, 14, 16, 17, 18, 22,
    ]);
  });

  it.each([
    ["moore", 1, "bounded"],
    ["moore", 2, "torus"],
    ["von-neumann", 2, "bounded"],
    ["von-neumann", 1, "torus"],
  ] as const)("%s r=%i %s: has() agrees with fill() and is symmetric", (kind, radius, boundary) => {
    const [width, height] = [7, 6];
    const hood = createNeighborhood(width, height, kind, radius, boundary);
    const out = new Int32Array(hood.size);
    for (let a = 0; a < width * height; a++) {
      const list = new Set(out.slice(0, hood.fill(a, out)));
      expect(list.has(a)).toBe(false);
      for (let b = 0; b < width * height; b++) {
        expect(hood.has(a, b)).toBe(list.has(b));
        expect(hood.has(a, b)).toBe(hood.has(b, a));
      }
    }
  });
});
