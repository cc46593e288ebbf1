import { describe, expect, it } from "vitest";
import {
  SchellingError,
  createNeighborhood,
  createSchelling,
  dissimilarity,
  hashGrid,
  interfaceDensity,
  meanSameShare,
  similarShare,
  type EndEvent,
  type MoveEvent,
  type SchellingOptions,
} from "@/lib/schelling/index";

const grid = (...rows: string[]): number[] =>
  rows
    .join("")
    .split("")
    .map((ch) => (ch === "." ? 0 : Number(ch)));
const show = (cells: Uint8Array, width: number): string[] =>
  Array.from({ length: cells.length / width }, (_, y) =>
    [...cells.slice(y * width, (y + 1) * width)].map((v) => (v === 0 ? "." : String(v))).join(""),
  );

// The classroom rule on a 4 × 3 room (orange = 1, blue = 2), happy with ≥ 2 alike.
//   1 1 . 2      Unhappy: the blue at (3,0), 1 blue neighbour, and the orange at (3,2), 1 orange.
//   2 1 2 .      The orange's best seat is (2,0): 2 orange neighbours; (3,1) gives only 1.
//   2 2 1 1      The blue can do no better than 1 in either empty seat, so it stays.
const ROOM = { width: 4, height: 3, seed: 1, cells: grid("11.2", "212.", "2211") };

describe("createSchelling(options): the classroom rule", () => {
  it("finds the two unhappy students", () => {
    const model = createSchelling(ROOM);
    expect([...model.unhappyCells()]).toEqual([3, 11]);
    expect(model.stats()).toMatchObject({ agents: 10, empty: 2, unhappy: 2, moves: 0 });
  });

  it("peek() shows the move step() then makes: the orange student to (2,0)", () => {
    const model = createSchelling(ROOM);
    const next = model.peek();
    expect(next).toEqual({ from: 11, to: 2, group: 1, sameBefore: 1, sameAfter: 2, manual: false });
    expect(model.peek()).toBe(next);
    expect(model.step()).toEqual(next);
    expect(show(model.cells, 4)).toEqual(["1112", "212.", "221."]);
  });

  it("then settles as stuck: the blue at (3,0) and the orange at (2,2) cannot improve", () => {
    // After the move, the orange at (2,2) has lost its orange neighbour: 1 alike, unhappy.
    const model = createSchelling(ROOM);
    const ends: EndEvent[] = [];
    model.on("end", (e) => ends.push(e));
    model.step();
    expect([...model.unhappyCells()]).toEqual([3, 10]);
    expect(model.step()).toBeNull();
    expect(model.settled).toBe(true);
    expect(ends).toEqual([{ reason: "stuck", unhappy: 2 }]);
    expect(model.step()).toBeNull();
    expect(ends).toHaveLength(1);
  });

  it("a sweep makes the same one move whatever the order, and the next sweep settles", () => {
    for (const seed of [1, 2, 3, 4]) {
      const model = createSchelling({ ...ROOM, seed });
      expect(model.sweep()).toBe(1);
      expect(show(model.cells, 4)).toEqual(["1112", "212.", "221."]);
      expect(model.sweep()).toBe(0);
      expect(model.settled).toBe(true);
      expect(model.stats().rounds).toBe(2);
    }
  });

  it("settles as soon as the move that leaves nobody unhappy is made", () => {
    const model = createSchelling({ width: 8, height: 6, agents: 40, seed: 16 });
    const ends: EndEvent[] = [];
    model.on("end", (e) => ends.push(e));
    let moves = 0;
    while (!model.settled && moves < 100) {
      expect(model.step()).not.toBeNull();
      moves++;
    }
    expect(model.stats()).toMatchObject({ unhappy: 0, settled: true, moves });
    expect(ends).toEqual([{ reason: "happy", unhappy: 0 }]);
    expect(model.step()).toBeNull();
    expect(ends).toHaveLength(1);
  });

  it("ends with reason “happy” when nobody is unhappy", () => {
    // 1 1 .      Happy with 1 alike. The oranges have 2 each; the blue at (2,1) has none,
    // 1 . 2      and neither empty seat, (2,0) or (1,1), has a blue neighbour: stuck.
    const model = createSchelling({
      width: 3,
      height: 2,
      seed: 1,
      minSame: 1,
      cells: grid("11.", "1.2"),
    });
    const ends: EndEvent[] = [];
    model.on("end", (e) => ends.push(e));
    expect(model.run(10)).toBe(1);
    expect(ends).toEqual([{ reason: "stuck", unhappy: 1 }]);
    const happy = createSchelling({
      width: 3,
      height: 2,
      seed: 1,
      minSame: 1,
      cells: grid("12.", "1.2"),
    });
    happy.on("end", (e) => ends.push(e));
    // 1 2 .      Each orange has the other; the blues at (1,0) and (2,1) touch diagonally.
    // 1 . 2
    expect(happy.step()).toBeNull();
    expect(ends.at(-1)).toEqual({ reason: "happy", unhappy: 0 });
  });
});

describe("createSchelling(options): the threshold rule", () => {
  // On a 3 × 3 torus every cell sees every other. The lone orange has 0 alike: unhappy at 30 %.
  const loneOrange: SchellingOptions = {
    width: 3,
    height: 3,
    rule: "threshold",
    wanted: 0.3,
    boundary: "torus",
    seed: 0,
    cells: grid("122", "2.2", "2.."),
  };
  /** The cells the lone orange's first move reaches over `seeds` seeds (it always leaves cell 0). */
  const firstMoveTargets = (options: SchellingOptions, seeds: number): number[] => {
    const targets = new Set<number>();
    for (let seed = 0; seed < seeds; seed++) {
      const move = createSchelling({ ...options, seed }).step();
      expect(move?.from).toBe(0);
      targets.add(move?.to ?? -1);
    }
    return [...targets].sort();
  };

  it("with move: random, moves an unhappy agent to a random empty cell, different seeds choosing differently", () => {
    expect(firstMoveTargets({ ...loneOrange, move: "random" }, 12)).toEqual([4, 7, 8]);
  });

  it("by default takes NetLogo's walk: step() lands on an empty cell, never its own", () => {
    expect(firstMoveTargets(loneOrange, 30)).toEqual([4, 7, 8]);
  });

  const big = (schedule: "netlogo" | "recheck", move: "random" | "walk"): SchellingOptions => ({
    width: 51,
    height: 51,
    agents: 2000,
    rule: "threshold",
    wanted: 0.5,
    boundary: "torus",
    seed: 4,
    schedule,
    move,
  });

  it("schedule netlogo: every agent unhappy at the start of a round moves, even if made happy meanwhile", () => {
    const model = createSchelling(big("netlogo", "random"));
    const unhappy = new Set(model.unhappyCells());
    const movers: number[] = [];
    model.on("move", (m) => movers.push(m.from));
    const moved = model.sweep();
    // A random empty cell is never the agent's own, so each of them makes exactly one move.
    expect(moved).toBe(unhappy.size);
    expect(new Set(movers)).toEqual(unhappy);
  });

  it("schedule recheck: an agent made happy before its turn stays", () => {
    const model = createSchelling(big("recheck", "random"));
    const unhappy = new Set(model.unhappyCells());
    const movers: number[] = [];
    model.on("move", (m) => movers.push(m.from));
    const moved = model.sweep();
    expect(moved).toBe(movers.length);
    expect(moved).toBeLessThan(unhappy.size);
    for (const from of movers) expect(unhappy.has(from)).toBe(true);
  });

  it("schedule netlogo with the walk: the round's turns are the unhappy agents, some walks ending at home", () => {
    const model = createSchelling(big("netlogo", "walk"));
    const unhappy = new Set(model.unhappyCells());
    const movers: number[] = [];
    model.on("move", (m) => movers.push(m.from));
    const moved = model.sweep();
    expect(moved).toBe(movers.length);
    for (const from of movers) expect(unhappy.has(from)).toBe(true);
    // A walk ends at home only if a leg lands back on it before any empty cell: rarely.
    expect(moved).toBeGreaterThan(0.9 * unhappy.size);
    expect(moved).toBeLessThanOrEqual(unhappy.size);
  });

  it("a NetLogo round checks for the end only once it is over", () => {
    const model = createSchelling(big("netlogo", "walk"));
    let ended = -1;
    let sweeps = 0;
    model.on("end", () => {
      ended = sweeps;
    });
    model.on("sweep", () => {
      sweeps++;
    });
    model.run(1000);
    expect(model.stats().unhappy).toBe(0);
    expect(ended).toBe(model.stats().rounds);
  });

  it("with an upper threshold, also moves agents that are too similar", () => {
    const model = createSchelling({
      width: 4,
      height: 4,
      seed: 1,
      rule: "threshold",
      wanted: 0,
      maxShare: 0.8,
      cells: grid("111.", "111.", "111.", "...2"),
    });
    // Above 80 % alike is too similar: the orange at (1,1) has 8 of 8, the corner (0,0) 3 of 3.
    // Only the orange at (2,2), with 4 orange of 5 (exactly 80 %), and the lone blue are happy.
    expect(model.isUnhappy(5)).toBe(true);
    expect(model.isUnhappy(0)).toBe(true);
    expect(model.isUnhappy(10)).toBe(false);
    expect(model.isUnhappy(15)).toBe(false);
    expect(model.stats().unhappy).toBe(8);
  });

  it("with move: nearest, goes to the closest cell where it would be happy", () => {
    const model = createSchelling({
      width: 7,
      height: 1,
      seed: 1,
      rule: "threshold",
      wanted: 0.5,
      move: "nearest",
      cells: grid("1.212.2"),
    });
    // Unhappy: the orange at 3 (0 of 2 alike), the blues at 2 and 4 (0 of 1 alike).
    expect([...model.unhappyCells()]).toEqual([2, 3, 4]);
    model.run(20);
    expect(model.stats().unhappy).toBe(0);
  });
});

describe("determinism", () => {
  const options: SchellingOptions = {
    width: 40,
    height: 30,
    density: 0.85,
    rule: "threshold",
    wanted: 0.4,
    seed: 2024,
  };

  it("the same seed gives the same grid after 3 sweeps and 50 steps", () => {
    const a = createSchelling(options);
    const b = createSchelling(options);
    expect(a.cells).toEqual(b.cells);
    a.run(3);
    b.run(3);
    for (let i = 0; i < 50; i++) {
      a.step();
      b.step();
    }
    expect(hashGrid(a.cells, 40, 30)).toBe(hashGrid(b.cells, 40, 30));
    expect(a.stats()).toEqual(b.stats());
  });

  it("another seed gives another grid", () => {
    expect(createSchelling(options).cells).not.toEqual(
      createSchelling({ ...options, seed: 2025 }).cells,
    );
  });

  it("peek() does not change what happens next", () => {
    const a = createSchelling({ ...options, rule: "classroom" });
    const b = createSchelling({ ...options, rule: "classroom" });
    for (let i = 0; i < 30; i++) {
      a.peek();
      a.peek();
      a.step();
      b.step();
    }
    expect(a.cells).toEqual(b.cells);
  });
});

describe("stats()", () => {
  it.each<SchellingOptions>([
    { width: 30, height: 20, seed: 5 },
    {
      width: 30,
      height: 20,
      seed: 6,
      rule: "threshold",
      boundary: "torus",
      shares: [0.2, 0.3, 0.5],
      radius: 2,
    },
    { width: 25, height: 25, seed: 7, rule: "threshold", neighborhood: "von-neumann", wanted: 0.6 },
  ])("agrees with the metrics computed from scratch, before and after moves (%j)", (options) => {
    const model = createSchelling(options);
    const o = model.options;
    const hood = createNeighborhood(o.width, o.height, o.neighborhood, o.radius, o.boundary);
    for (let round = 0; round < 3; round++) {
      const stats = model.stats();
      expect(stats.similarity).toBeCloseTo(similarShare(model.cells, hood), 12);
      expect(stats.meanSameShare).toBeCloseTo(meanSameShare(model.cells, hood), 12);
      expect(stats.dissimilarity).toBe(
        dissimilarity(model.cells, o.width, o.height, o.groups, o.blockSize),
      );
      expect(stats.interfaceDensity).toBe(
        interfaceDensity(model.cells, o.width, o.height, o.boundary),
      );
      expect(stats.unhappyShare).toBeCloseTo(stats.unhappy / stats.agents, 12);
      model.sweep();
    }
  });

  it("starts near 50 % similar and 50 % interface density for two equal groups", () => {
    const stats = createSchelling({ width: 200, height: 200, seed: 3, rule: "threshold" }).stats();
    expect(stats.similarity).toBeCloseTo(0.5, 1);
    expect(stats.interfaceDensity).toBeCloseTo(0.5, 1);
    expect(stats.moves).toBe(0);
  });
});

describe("events", () => {
  it("emits move for every move and sweep after every round", () => {
    const model = createSchelling({
      width: 20,
      height: 20,
      seed: 1,
      rule: "threshold",
      wanted: 0.5,
    });
    const moves: MoveEvent[] = [];
    const rounds: number[] = [];
    model.on("move", (m) => moves.push(m));
    const off = model.on("sweep", (s) => rounds.push(s.moved));
    const moved = model.sweep();
    expect(moves).toHaveLength(moved);
    expect(rounds).toEqual([moved]);
    for (const m of moves) expect(m.manual).toBe(false);
    off();
    model.sweep();
    expect(rounds).toHaveLength(1);
    expect(model.stats().moves).toBe(moves.length);
  });
});

describe("moveAgent(from, to): a move by hand", () => {
  it("moves the agent, emits a manual move, and wakes a settled model", () => {
    const model = createSchelling(ROOM);
    model.run(5);
    expect(model.settled).toBe(true);
    const seen: MoveEvent[] = [];
    model.on("move", (m) => seen.push(m));
    // Put the orange at (2,0) back at (3,2).
    const event = model.moveAgent(2, 11);
    expect(event).toEqual({ from: 2, to: 11, group: 1, sameBefore: 2, sameAfter: 1, manual: true });
    expect(seen).toEqual([event]);
    expect(model.settled).toBe(false);
    expect(model.peek()).toMatchObject({ from: 11, to: 2 });
  });

  it.each([
    [2, 3, /cell 2 is empty; there is nobody to move/],
    [0, 1, /cell 1 is taken; move to an empty cell/],
    [0, 12, /“to” must be a cell from 0 to 11; got 12/],
    [-1, 2, /“from” must be a cell from 0 to 11; got -1/],
  ])("moveAgent(%i, %i) throws a clear SchellingError", (from, to, message) => {
    const model = createSchelling(ROOM);
    expect(() => model.moveAgent(from, to)).toThrow(SchellingError);
    expect(() => model.moveAgent(from, to)).toThrow(message);
  });
});

describe("never a hang", () => {
  it("run(n) stops after n rounds even when the model cannot settle", () => {
    // Wanting 100 % alike with random moves: some agent is always unhappy.
    const model = createSchelling({
      width: 30,
      height: 30,
      seed: 1,
      rule: "threshold",
      wanted: 1,
      density: 0.95,
    });
    expect(model.run(5)).toBe(5);
    expect(model.settled).toBe(false);
  });

  it("run() rejects a count that is not a whole number", () => {
    const model = createSchelling({ width: 5, height: 5, seed: 1 });
    expect(() => model.run(Number.POSITIVE_INFINITY)).toThrow(/whole number of rounds/);
    expect(() => model.run(-1)).toThrow(SchellingError);
  });

  it("a classroom rule nobody can satisfy settles as stuck", () => {
    // minSame 8 on a bounded grid: corner and edge seats can never be happy.
    const model = createSchelling({ width: 6, height: 6, seed: 1, minSame: 8, density: 0.5 });
    model.run(1000);
    expect(model.settled).toBe(true);
  });
});

describe("the classic result (Schelling 1971; NetLogo's Segregation model)", () => {
  it("30 % wanted, Moore, 2,000 agents on a 51 × 51 torus: % similar rises from ~50 % to 68–78 %", () => {
    const start: number[] = [];
    const end: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const model = createSchelling({
        width: 51,
        height: 51,
        agents: 2000,
        rule: "threshold",
        wanted: 0.3,
        neighborhood: "moore",
        boundary: "torus",
        seed,
      });
      start.push(model.stats().similarity);
      model.run(1000);
      const stats = model.stats();
      expect(stats.unhappy).toBe(0);
      end.push(stats.similarity);
    }
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    console.info(
      `classic result: mean % similar over 20 seeds ${(100 * mean(start)).toFixed(1)} % → ${(100 * mean(end)).toFixed(1)} % (per seed ${end.map((v) => v.toFixed(3)).join(", ")})`,
    );
    expect(mean(start)).toBeGreaterThan(0.47);
    expect(mean(start)).toBeLessThan(0.53);
    expect(mean(end)).toBeGreaterThanOrEqual(0.68);
    expect(mean(end)).toBeLessThanOrEqual(0.78);
  });
});
