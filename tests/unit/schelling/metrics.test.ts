import { describe, expect, it } from "vitest";
import {
  createNeighborhood,
  dissimilarity,
  interfaceDensity,
  meanSameShare,
  similarShare,
} from "@/lib/schelling/index";

const grid = (...rows: string[]): Uint8Array =>
  Uint8Array.from(rows.join("").split(""), (ch) => (ch === "." ? 0 : Number(ch)));

// 1 1 2
// . 2 2
// 1 . 2
const small = grid("112", ".22", "1.2");
const moore3 = createNeighborhood(3, 3, "moore", 1, "bounded");

describe("similarShare(cells, neighborhood)", () => {
  it("matches a hand count: 12 same-colour of 22 occupied neighbour slots", () => {
    // same/occupied per agent, row by row: 1/2, 1/4, 2/3, 3/6, 3/4, 0/1, 2/2.
    expect(similarShare(small, moore3)).toBeCloseTo(12 / 22, 12);
  });

  it("is 0 when no agent has a neighbour, and 1 for a single-colour block", () => {
    expect(similarShare(grid("1.2"), createNeighborhood(3, 1, "moore", 1, "bounded"))).toBe(0);
    expect(similarShare(grid("11", "11"), createNeighborhood(2, 2, "moore", 1, "bounded"))).toBe(1);
  });
});

describe("meanSameShare(cells, neighborhood)", () => {
  it("averages each agent's own share: (1/2 + 1/4 + 2/3 + 1/2 + 3/4 + 0 + 1) / 7 = 11/21", () => {
    expect(meanSameShare(small, moore3)).toBeCloseTo(11 / 21, 12);
  });

  it("leaves out agents with no neighbours", () => {
    // 1 . 1 1: the lone agent has no neighbour; the pair are each other's.
    expect(meanSameShare(grid("1.11"), createNeighborhood(4, 1, "moore", 1, "bounded"))).toBe(1);
  });
});

describe("dissimilarity(cells, width, height, groups, blockSize)", () => {
  it("two groups: Duncan's D = ½ (|3/4 − 0/3| + |1/4 − 3/3|) = 0.75", () => {
    // Blocks of 2 × 2: the left holds three of group 1, the right one of group 1 and three of group 2.
    expect(dissimilarity(grid("1122", "1021"), 4, 2, 2, 2)).toBeCloseTo(0.75, 12);
  });

  it("three groups: the multigroup D, Σ t|p − P| / (2 T I) = 8 / (2 · 8 · 0.625) = 0.8", () => {
    expect(dissimilarity(grid("1233", "1233"), 4, 2, 3, 2)).toBeCloseTo(0.8, 12);
  });

  it("counts partial blocks at the edge: [1 2 | 1] gives ½ (|1/2 − 1| + |1/2 − 0|) = 0.5", () => {
    expect(dissimilarity(grid("121"), 3, 1, 2, 2)).toBeCloseTo(0.5, 12);
  });

  it("is 0 when every block has the grid's mix, or only one group is present", () => {
    expect(dissimilarity(grid("1212", "2121"), 4, 2, 2, 2)).toBe(0);
    expect(dissimilarity(grid("11.1"), 4, 1, 2, 2)).toBe(0);
  });

  it("is 1 when no block mixes groups", () => {
    expect(dissimilarity(grid("1122", "1122"), 4, 2, 2, 2)).toBe(1);
  });
});

describe("interfaceDensity(cells, width, height, boundary)", () => {
  // 1 1 2
  // . 2 2
  // 1 . 2
  const cells = grid("112", ".22", "1.2");

  it("bounded: 2 unlike of 6 side-by-side pairs", () => {
    // Pairs: (1,1) (1,2) (2,2) across; (1,2) (2,2) (2,2) down.
    expect(interfaceDensity(cells, 3, 3, "bounded")).toBeCloseTo(2 / 6, 12);
  });

  it("torus: the wrap-around adds 4 pairs, 2 of them unlike: 4 of 10", () => {
    expect(interfaceDensity(cells, 3, 3, "torus")).toBeCloseTo(4 / 10, 12);
  });

  it("is 0 when no two agents touch", () => {
    expect(interfaceDensity(grid("1.2"), 3, 1, "bounded")).toBe(0);
  });
});
