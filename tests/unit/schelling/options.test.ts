import { describe, expect, it } from "vitest";
import { SchellingError, resolveOptions, type SchellingOptions } from "@/lib/schelling/index";
import { groupCounts } from "@/lib/schelling/options";

const base: SchellingOptions = { width: 10, height: 10, seed: 1 };

describe("resolveOptions(options)", () => {
  it("fills in the classroom defaults", () => {
    const o = resolveOptions(base);
    expect(o).toMatchObject({
      rule: "classroom",
      minSame: 2,
      neighborhood: "moore",
      radius: 1,
      boundary: "bounded",
      groups: 2,
      agents: 90,
      shares: [0.5, 0.5],
      blockSize: 5,
      cells: null,
    });
  });

  it("the threshold rule runs as NetLogo does unless told otherwise: its walk and its tick", () => {
    expect(resolveOptions({ ...base, rule: "threshold" })).toMatchObject({
      move: "walk",
      schedule: "netlogo",
    });
    expect(resolveOptions(base).schedule).toBe("recheck");
    expect(
      resolveOptions({ ...base, rule: "threshold", move: "random", schedule: "recheck" }),
    ).toMatchObject({ move: "random", schedule: "recheck" });
    expect(() => resolveOptions({ ...base, schedule: "all" as "netlogo" })).toThrow(
      /The schedule must be one of “netlogo”, “recheck”; got “all”/,
    );
  });

  it("takes an exact number of agents over the density", () => {
    expect(resolveOptions({ ...base, agents: 37, density: 0.5 }).agents).toBe(37);
  });

  it("keeps the block size within half the shorter side", () => {
    expect(resolveOptions({ width: 8, height: 6, seed: 1 }).blockSize).toBe(3);
  });

  it("counts agents and groups of a starting grid", () => {
    const o = resolveOptions({ width: 3, height: 1, seed: 1, cells: [0, 1, 3] });
    expect(o.agents).toBe(2);
    expect(o.groups).toBe(3);
    expect(o.shares).toEqual([0.5, 0, 0.5]);
  });

  it.each<[string, Partial<SchellingOptions>, RegExp]>([
    ["density 0", { density: 0 }, /above 0 and below 1; got 0\. With density 0 there is nobody/],
    ["density 1", { density: 1 }, /With density 1 no cell is empty/],
    ["density 90 (a percentage)", { density: 90 }, /above 0 and below 1; got 90/],
    ["a density that places nobody", { density: 0.001 }, /places no agent/],
    ["a density that fills every cell", { density: 0.999 }, /leaving no empty cell/],
    [
      "shares not summing to 1",
      { shares: [0.6, 0.6] },
      /must add up to 1 \(100 %\); \[0\.6, 0\.6\] adds up to 1\.2/,
    ],
    ["a single group", { shares: [1] }, /2 to 8 groups/],
    ["a negative share", { shares: [1.5, -0.5] }, /at least 0/],
    [
      "a threshold above 1",
      { rule: "threshold", wanted: 30 },
      /between 0 and 1; got 30\. Write 0\.3 for 30 %/,
    ],
    [
      "an upper threshold below the wanted share",
      { rule: "threshold", wanted: 0.5, maxShare: 0.4 },
      /below the wanted share/,
    ],
    [
      "an upper threshold with the classroom rule",
      { maxShare: 0.8 },
      /belongs to the threshold rule/,
    ],
    ["`move` with the classroom rule", { move: "nearest" }, /always moves to the best seat/],
    ["a non-numeric seed", { seed: "abc" }, /seed must be a whole number.*“abc” is not/],
    ["a seed that is not whole", { seed: 1.5 }, /seed must be a whole number/],
    ["a width of 0", { width: 0 }, /grid width must be a whole number from 1 to 2000; got 0/],
    ["a height that is text", { height: "ten" as unknown as number }, /grid height.*got “ten”/],
    ["a grid that is too big", { width: 5000 }, /from 1 to 2000/],
    ["a radius of 0", { radius: 0 }, /radius must be a whole number from 1 to 5/],
    [
      "an unknown rule",
      { rule: "majority" as "classroom" },
      /rule must be one of “classroom”, “threshold”/,
    ],
    [
      "minSame above the neighbourhood size",
      { neighborhood: "von-neumann", minSame: 5 },
      /from 0 to 4; got 5/,
    ],
    [
      "a torus too small for the radius",
      { width: 4, height: 4, boundary: "torus", radius: 2 },
      /at least 5 × 5 cells or a bounded grid/,
    ],
  ])("rejects %s with a clear message", (_name, patch, message) => {
    expect(() => resolveOptions({ ...base, ...patch })).toThrow(SchellingError);
    expect(() => resolveOptions({ ...base, ...patch })).toThrow(message);
  });

  it("rejects a 1 × 1 grid: no room to move", () => {
    expect(() => resolveOptions({ width: 1, height: 1, seed: 1 })).toThrow(
      /A 1 × 1 grid has room for one agent and no empty cell/,
    );
  });

  it.each<[string, number[], RegExp]>([
    ["with no empty cell", [1, 2, 1, 2], /Every cell is taken: leave at least one empty cell/],
    ["that is empty", [0, 0, 0, 0], /The grid is empty/],
    ["of the wrong length", [0, 1, 2], /has 3 cells, but width × height is 4/],
    ["with a bad value", [0, 1, 2, 9], /Cell 3 .* got 9/],
  ])("rejects a starting grid %s", (_name, cells, message) => {
    expect(() => resolveOptions({ width: 2, height: 2, seed: 1, cells })).toThrow(message);
  });

  it("rejects a starting grid with more groups than shares", () => {
    expect(() =>
      resolveOptions({ width: 2, height: 2, seed: 1, cells: [0, 1, 3, 2], shares: [0.5, 0.5] }),
    ).toThrow(/has group 3, but there are only 2 groups/);
  });
});

describe("groupCounts(agents, shares)", () => {
  it.each([
    [10, [0.5, 0.5], [5, 5]],
    [7, [0.5, 0.5], [4, 3]],
    [10, [1 / 3, 1 / 3, 1 / 3], [4, 3, 3]],
    [2000, [0.5, 0.5], [1000, 1000]],
    [5, [0.15, 0.85], [1, 4]],
  ])("splits %i agents by %j into %j", (agents, shares, expected) => {
    expect(groupCounts(agents, shares)).toEqual(expected);
  });
});
