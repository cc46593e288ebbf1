import { describe, expect, it } from "vitest";
import { WALK_MAX_LEG, createRandom, walkToEmpty } from "@/lib/schelling/index";

/** A grid with every cell taken except `empty`. */
function full(width: number, height: number, empty: number[]): Uint8Array {
  const cells = new Uint8Array(width * height).fill(1);
  for (const e of empty) cells[e] = 0;
  return cells;
}

describe("walkToEmpty(grid, from, random, torus)", () => {
  it("ends on an empty cell or at home, never on a taken one", () => {
    const width = 30;
    const height = 20;
    const random = createRandom(1);
    const empty = [5, 77, 300, 420, 599];
    const cells = full(width, height, empty);
    const ends = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const to = walkToEmpty({ width, height, cells }, 250, random, i % 2 === 0);
      expect(to === 250 || empty.includes(to)).toBe(true);
      ends.add(to);
    }
    expect(ends.size).toBeGreaterThan(3);
  });

  it("with leaveHome never ends at home", () => {
    const cells = full(10, 10, [99]);
    const random = createRandom(2);
    for (let i = 0; i < 50; i++)
      expect(walkToEmpty({ width: 10, height: 10, cells }, 0, random, true, true)).toBe(99);
  });

  it("one leg goes less than 10 cells (on an empty grid the first leg always ends the walk)", () => {
    const width = 101;
    const height = 101;
    const cells = new Uint8Array(width * height);
    const from = 50 * width + 50;
    cells[from] = 1;
    const random = createRandom(3);
    let farthest = 0;
    let home = 0;
    for (let i = 0; i < 2000; i++) {
      const to = walkToEmpty({ width, height, cells }, from, random, true);
      if (to === from) home++;
      const d = Math.hypot((to % width) - 50, Math.floor(to / width) - 50);
      farthest = Math.max(farthest, d);
    }
    // Rounding to a cell centre adds at most √2 / 2.
    expect(farthest).toBeLessThanOrEqual(WALK_MAX_LEG + Math.SQRT1_2);
    expect(farthest).toBeGreaterThan(WALK_MAX_LEG - 1);
    // A leg shorter than ½ (1 in 20) lands back home.
    expect(home / 2000).toBeGreaterThan(0.02);
    expect(home / 2000).toBeLessThan(0.1);
  });

  it("wraps on a torus and stays inside walls", () => {
    // A 1-row strip, every cell taken but the two ends.
    const width = 40;
    const cells = full(width, 3, [0, 39]);
    const random = createRandom(4);
    const torusEnds = new Set<number>();
    for (let i = 0; i < 200; i++)
      torusEnds.add(walkToEmpty({ width, height: 3, cells }, 41, random, true));
    // From (1, 1) the nearest way to cell 39 is across the left edge.
    expect(torusEnds.has(39)).toBe(true);
    for (let i = 0; i < 200; i++) {
      const to = walkToEmpty({ width, height: 3, cells }, 41, random, false);
      expect([0, 39, 41]).toContain(to);
    }
  });
});
