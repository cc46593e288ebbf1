import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/schelling/index";
import { populate } from "@/lib/schelling/populate";

const count = (cells: Uint8Array, value: number): number => cells.filter((v) => v === value).length;

describe("populate(options, random)", () => {
  it("places exactly the agents of each group, the rest empty", () => {
    const cells = populate(
      { width: 20, height: 10, agents: 150, shares: [0.2, 0.3, 0.5] },
      createRandom(9),
    );
    expect(cells).toHaveLength(200);
    expect([0, 1, 2, 3].map((g) => count(cells, g))).toEqual([50, 30, 45, 75]);
  });

  it("is fixed by the seed", () => {
    const options = { width: 12, height: 12, agents: 100, shares: [0.5, 0.5] };
    expect(populate(options, createRandom(4))).toEqual(populate(options, createRandom(4)));
    expect(populate(options, createRandom(4))).not.toEqual(populate(options, createRandom(5)));
  });

  it("spreads agents over the whole grid", () => {
    const cells = populate(
      { width: 100, height: 100, agents: 5000, shares: [0.5, 0.5] },
      createRandom(1),
    );
    const top = cells.slice(0, 5000).filter((v) => v > 0).length;
    expect(top).toBeGreaterThan(2300);
    expect(top).toBeLessThan(2700);
  });
});
