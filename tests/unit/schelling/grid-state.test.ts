import { describe, expect, it } from "vitest";
import {
  createNeighborhood,
  createRandom,
  resolveOptions,
  similarShare,
} from "@/lib/schelling/index";
import { GridState } from "@/lib/schelling/grid-state";
import { isHappy } from "@/lib/schelling/happiness";
import { populate } from "@/lib/schelling/populate";
import type { SchellingOptions } from "@/lib/schelling/options";

/** Recounts everything GridState keeps incrementally, the slow and obvious way. */
function expectConsistent(state: GridState, options: SchellingOptions): void {
  const o = resolveOptions(options);
  const hood = createNeighborhood(o.width, o.height, o.neighborhood, o.radius, o.boundary);
  const out = new Int32Array(hood.size);
  let sameTotal = 0;
  let occupiedTotal = 0;
  const unhappy: number[] = [];
  const empty: number[] = [];
  state.cells.forEach((g, cell) => {
    const n = hood.fill(cell, out);
    const around = [...out.slice(0, n)].map((c) => state.cells[c] as number);
    const occupied = around.filter((v) => v > 0).length;
    expect(state.occupied[cell]).toBe(occupied);
    for (let group = 1; group <= o.groups; group++)
      expect(state.same[cell * o.groups + group - 1]).toBe(
        around.filter((v) => v === group).length,
      );
    if (g === 0) {
      empty.push(cell);
      return;
    }
    const same = around.filter((v) => v === g).length;
    sameTotal += same;
    occupiedTotal += occupied;
    if (!isHappy(state.bounds, same, occupied)) unhappy.push(cell);
  });
  expect(state.sameTotal).toBe(sameTotal);
  expect(state.occupiedTotal).toBe(occupiedTotal);
  expect([...state.unhappy.toArray()].sort((a, b) => a - b)).toEqual(unhappy);
  expect([...state.empties.toArray()].sort((a, b) => a - b)).toEqual(empty);
  expect(sameTotal / occupiedTotal).toBeCloseTo(similarShare(state.cells, hood), 12);
  const seats = state.seats;
  if (!seats) return;
  expect(seats.size).toBe(empty.length);
  for (let h = 0; h < o.groups; h++) {
    const filed = new Map<number, number>();
    for (let c = 0; c <= hood.size; c++)
      for (let i = 0; i < seats.bucketSize(h, c); i++) filed.set(seats.bucketAt(h, c, i), c);
    expect(filed).toEqual(
      new Map(empty.map((cell) => [cell, state.same[cell * o.groups + h] as number])),
    );
  }
}

describe("GridState", () => {
  it.each<SchellingOptions>([
    { width: 9, height: 7, seed: 1, density: 0.7 },
    { width: 9, height: 7, seed: 4, density: 0.6, shares: [0.5, 0.25, 0.25], boundary: "torus" },
    { width: 9, height: 7, seed: 2, rule: "threshold", wanted: 0.5, boundary: "torus" },
    {
      width: 8,
      height: 8,
      seed: 3,
      rule: "threshold",
      wanted: 0.4,
      neighborhood: "von-neumann",
      radius: 2,
      shares: [0.3, 0.3, 0.4],
    },
  ])("keeps its counts equal to a recount after 200 random moves (%j)", (options) => {
    const o = resolveOptions(options);
    const random = createRandom(o.seed);
    const state = new GridState(o, populate(o, random));
    expectConsistent(state, options);
    for (let i = 0; i < 200; i++) {
      const agents = [...state.cells.keys()].filter((c) => state.cells[c] !== 0);
      const from = agents[random.int(agents.length)] as number;
      const to = state.empties.at(random.int(state.empties.size));
      state.move(from, to);
    }
    expectConsistent(state, options);
  });

  it("sameIfMoved() does not count the mover as its own neighbour", () => {
    // 1 0 1: the agent at cell 0 moving to cell 1 would have one neighbour (cell 2), not two.
    const o = resolveOptions({ width: 3, height: 1, seed: 1, cells: [1, 0, 1] });
    const state = new GridState(o, o.cells ?? new Uint8Array());
    expect(state.same[1 * 2 + 0]).toBe(2);
    expect(state.sameIfMoved(0, 1)).toBe(1);
    expect(state.occupiedIfMoved(0, 1)).toBe(1);
  });
});
