import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/schelling/index";
import { SeatIndex } from "@/lib/schelling/seat-index";

/** Every (cell → bucket) the index holds for group h. */
function contents(index: SeatIndex, h: number, top: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let c = 0; c <= top; c++)
    for (let i = 0; i < index.bucketSize(h, c); i++) out.set(index.bucketAt(h, c, i), c);
  return out;
}

describe("SeatIndex", () => {
  it("files each inserted cell under its count, per group", () => {
    const index = new SeatIndex(10, 2, 8);
    index.insert(3, (h) => [2, 5][h] as number);
    index.insert(7, (h) => [8, 0][h] as number);
    index.insert(1, (h) => [2, 1][h] as number);
    expect(index.size).toBe(3);
    expect(contents(index, 0, 8)).toEqual(
      new Map([
        [3, 2],
        [7, 8],
        [1, 2],
      ]),
    );
    expect(contents(index, 1, 8)).toEqual(
      new Map([
        [3, 5],
        [7, 0],
        [1, 1],
      ]),
    );
    expect(index.topBucket(0)).toBe(8);
    expect(index.topBucket(1)).toBe(5);
    expect(index.bucketSize(0, 2)).toBe(2);
  });

  it("moves a cell one bucket up or down, and removes it", () => {
    const index = new SeatIndex(10, 1, 8);
    for (const [cell, c] of [
      [0, 3],
      [1, 3],
      [2, 4],
      [3, 0],
    ] as const)
      index.insert(cell, () => c);
    index.up(0, 1, 3);
    index.down(0, 2, 4);
    index.down(0, 2, 3);
    expect(contents(index, 0, 8)).toEqual(
      new Map([
        [0, 3],
        [1, 4],
        [2, 2],
        [3, 0],
      ]),
    );
    index.remove(1, () => 4);
    index.remove(3, () => 0);
    expect(index.size).toBe(2);
    expect(index.has(1)).toBe(false);
    expect(contents(index, 0, 8)).toEqual(
      new Map([
        [0, 3],
        [2, 2],
      ]),
    );
    expect(index.topBucket(0)).toBe(3);
  });

  it("stays consistent with a plain map through 5,000 random operations", () => {
    const random = createRandom(11);
    const [cells, groups, top] = [60, 3, 8];
    const index = new SeatIndex(cells, groups, top);
    const truth = new Map<number, number[]>();
    for (let op = 0; op < 5000; op++) {
      const cell = random.int(cells);
      const counts = truth.get(cell);
      if (!counts) {
        const fresh = Array.from({ length: groups }, () => random.int(top + 1));
        index.insert(cell, (h) => fresh[h] as number);
        truth.set(cell, fresh);
      } else if (random.int(4) === 0) {
        index.remove(cell, (h) => counts[h] as number);
        truth.delete(cell);
      } else {
        const h = random.int(groups);
        const c = counts[h] as number;
        if (c < top && (c === 0 || random.int(2) === 0)) {
          index.up(h, cell, c);
          counts[h] = c + 1;
        } else if (c > 0) {
          index.down(h, cell, c);
          counts[h] = c - 1;
        }
      }
    }
    expect(index.size).toBe(truth.size);
    for (let h = 0; h < groups; h++) {
      const expected = new Map([...truth].map(([cell, counts]) => [cell, counts[h] as number]));
      expect(contents(index, h, top)).toEqual(expected);
    }
  });
});
