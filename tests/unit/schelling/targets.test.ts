import { describe, expect, it } from "vitest";
import { createRandom, resolveOptions, type SchellingOptions } from "@/lib/schelling/index";
import { GridState } from "@/lib/schelling/grid-state";
import { bestSeat, nearestHappy, randomEmpty, scanBestSeat } from "@/lib/schelling/targets";
import { populate } from "@/lib/schelling/populate";

function stateOf(rows: string[], options: Partial<SchellingOptions> = {}): GridState {
  const cells = rows.flatMap((row) => row.split("").map((ch) => (ch === "." ? 0 : Number(ch))));
  const o = resolveOptions({
    width: (rows[0] ?? "").length,
    height: rows.length,
    seed: 1,
    cells,
    ...options,
  });
  return new GridState(o, o.cells ?? new Uint8Array());
}

const at = (state: GridState, x: number, y: number): number => y * state.width + x;

describe("bestSeat(state, from, random, ties): the classroom rule", () => {
  // y0: 1 1 . 2
  // y1: 2 1 2 .
  // y2: 2 2 1 1
  const rows = ["11.2", "212.", "2211"];

  it("moves a student to the empty seat with the most same-colour neighbours", () => {
    const state = stateOf(rows);
    // The orange (1) student at (3,2) has 1 orange neighbour. Seat (2,0) would give 2
    // (cells (1,0) and (1,1)); seat (3,1) would give 1 (cell (2,2)), not counting itself.
    const ties = new Int32Array(12);
    expect(state.sameOf(at(state, 3, 2))).toBe(1);
    expect(bestSeat(state, at(state, 3, 2), createRandom(1), ties)).toBe(at(state, 2, 0));
  });

  it("keeps a student in place when no empty seat has more same-colour neighbours", () => {
    const state = stateOf(rows);
    // The blue (2) student at (3,0) has 1 blue neighbour, and both empty seats would give 1 too.
    expect(bestSeat(state, at(state, 3, 0), createRandom(1), new Int32Array(12))).toBe(-1);
  });

  it("breaks ties with the seeded random source", () => {
    // y0: 1 . 1 . 1      the orange student at (2,1) has 1 orange neighbour; seats
    // y1: 2 2 1 2 2      (1,0) and (3,0) would each give 2, not counting itself.
    const state = stateOf(["1.1.1", "22122"]);
    const from = at(state, 2, 1);
    expect(state.sameOf(from)).toBe(1);
    const picks = new Set<number>();
    for (let seed = 0; seed < 20; seed++)
      picks.add(bestSeat(state, from, createRandom(seed), new Int32Array(10)));
    expect([...picks].sort()).toEqual([at(state, 1, 0), at(state, 3, 0)]);
    const again = bestSeat(state, from, createRandom(7), new Int32Array(10));
    expect(bestSeat(state, from, createRandom(7), new Int32Array(10))).toBe(again);
  });
});

describe("bestSeat with the seat index agrees with a scan of every empty seat", () => {
  it.each([
    { width: 12, height: 9, seed: 1, density: 0.8 },
    { width: 12, height: 9, seed: 2, density: 0.6, boundary: "torus" as const },
    { width: 10, height: 10, seed: 3, density: 0.7, shares: [0.3, 0.3, 0.4], radius: 2 },
    { width: 10, height: 10, seed: 4, density: 0.9, neighborhood: "von-neumann" as const },
  ])("on random grids (%j)", (options) => {
    const o = resolveOptions(options);
    const state = new GridState(o, populate(o, createRandom(o.seed)));
    const random = createRandom(99);
    const ties = new Int32Array(o.width * o.height);
    for (let round = 0; round < 40; round++) {
      for (let from = 0; from < state.cells.length; from++) {
        if (state.cells[from] === 0) continue;
        const indexed = bestSeat(state, from, createRandom(round), ties);
        const scanned = scanBestSeat(state, from, createRandom(round), ties);
        expect(indexed < 0).toBe(scanned < 0);
        if (indexed < 0 || scanned < 0) continue;
        expect(state.cells[indexed]).toBe(0);
        expect(state.sameIfMoved(from, indexed)).toBe(state.sameIfMoved(from, scanned));
      }
      // Shuffle the room a little and check again.
      const agents = [...state.cells.keys()].filter((c) => state.cells[c] !== 0);
      for (let i = 0; i < 5; i++) {
        const from = agents[random.int(agents.length)] as number;
        if (state.cells[from] === 0) continue;
        state.move(from, state.empties.at(random.int(state.empties.size)));
      }
    }
  });
});

describe("randomEmpty(state, random)", () => {
  it("picks an empty cell, uniformly", () => {
    const state = stateOf(["1.2.", "2.1."], { rule: "threshold" });
    const random = createRandom(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const cell = randomEmpty(state, random);
      expect(state.cells[cell]).toBe(0);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    expect(counts.size).toBe(4);
    for (const n of counts.values()) expect(n).toBeGreaterThan(850);
  });
});

describe("nearestHappy(state, from, random, ties, torus)", () => {
  const threshold = { rule: "threshold", wanted: 0.5 } as const;

  it("finds the closest empty cell where the agent would be happy", () => {
    // One row: 1 . 2 1 2 . 2. The orange agent at x=3 has 0 of 2 alike. At x=1 it would
    // have 1 of 2 (happy at 50 %); at x=5, 0 of 2. Both are two cells away.
    const state = stateOf(["1.212.2"], threshold);
    expect(nearestHappy(state, 3, createRandom(1), new Int32Array(7), false)).toBe(1);
  });

  it("prefers ring 1 over ring 2, even when ring 2 has a better cell", () => {
    // The orange agent at (2,2) has 1 orange neighbour of 7: unhappy at 50 %.
    // (3,3) is one ring away: 4 of 7 orange (not counting itself), happy.
    // (0,0) is two rings away: 2 of 3 orange, happier, but farther.
    const rows = [".1222", "12222", "22122", "221.2", "22111"];
    const state = stateOf(rows, threshold);
    const from = at(state, 2, 2);
    expect([state.sameOf(from), state.occupied[from]]).toEqual([1, 7]);
    expect(nearestHappy(state, from, createRandom(1), new Int32Array(25), false)).toBe(
      at(state, 3, 3),
    );
    // With (3,3) down to 2 of 7 orange, ring 2's (0,0) is the nearest that works.
    const worse = stateOf([".1222", "12222", "22122", "221.2", "22122"], threshold);
    expect(nearestHappy(worse, from, createRandom(1), new Int32Array(25), false)).toBe(
      at(worse, 0, 0),
    );
  });

  it("on a torus, looks across the edge", () => {
    // The orange agent at (0,1) has 2 of 7 orange. Across the left edge, (6,1) is one ring
    // away with 5 of 7 orange; (2,1), two rings away on the grid, has none.
    const rows = ["2222211", "12.221.", "2222211"];
    const state = stateOf(rows, { ...threshold, boundary: "torus" });
    expect(nearestHappy(state, at(state, 0, 1), createRandom(1), new Int32Array(21), true)).toBe(
      at(state, 6, 1),
    );
  });

  it("gives up (−1) when no empty cell would make the agent happy", () => {
    const state = stateOf(["2222222", "12.222.", "2222222"], { ...threshold, boundary: "torus" });
    expect(nearestHappy(state, at(state, 0, 1), createRandom(1), new Int32Array(21), true)).toBe(
      -1,
    );
  });
});
