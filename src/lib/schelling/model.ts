import { SchellingError } from "./errors";
import { Emitter } from "./events";
import { GridState } from "./grid-state";
import { dissimilarity, interfaceDensity } from "./metrics";
import { resolveOptions, type ResolvedOptions, type SchellingOptions } from "./options";
import { populate } from "./populate";
import { createRandom } from "./random";
import { bestSeat, nearestHappy, randomEmpty } from "./targets";
import { walkToEmpty } from "./walk";

/** One agent's move. Cells are numbered row by row: cell = y · width + x. */
export interface MoveEvent {
  from: number;
  to: number;
  /** The agent's group, 1…k. */
  group: number;
  /** Same-group neighbours before the move (at `from`) and after it (at `to`). */
  sameBefore: number;
  sameAfter: number;
  /** true for a move made by hand with moveAgent(), not by the rule. */
  manual: boolean;
}

/**
 * A round (sweep) is over: every agent that was unhappy at its start had one turn.
 * `moved` counts the agents that changed cells (a NetLogo walk may end where it began).
 */
export interface SweepEvent {
  round: number;
  moved: number;
}

/** The model has settled: nobody is unhappy, or no unhappy agent can find a better cell. */
export interface EndEvent {
  reason: "happy" | "stuck";
  unhappy: number;
}

export interface SchellingEvents {
  move: MoveEvent;
  sweep: SweepEvent;
  end: EndEvent;
}

/** The state of the model in numbers; see METRICS for what each share means. */
export interface SchellingStats {
  /** Rounds (sweeps) completed. */
  rounds: number;
  /** Moves made, by the rule or by hand. */
  moves: number;
  agents: number;
  empty: number;
  /** Unhappy agents right now. */
  unhappy: number;
  similarity: number;
  unhappyShare: number;
  meanSameShare: number;
  dissimilarity: number;
  interfaceDensity: number;
  /** true once nobody is unhappy or no unhappy agent can move. */
  settled: boolean;
}

export interface Schelling {
  /** The checked options, defaults filled in. */
  readonly options: ResolvedOptions;
  readonly width: number;
  readonly height: number;
  /** The live grid, row by row: 0 empty, 1…k a group. Read it; do not write to it. */
  readonly cells: Uint8Array;
  /**
   * true as soon as nobody is unhappy, or once step() or sweep() finds that no
   * unhappy agent can move; a move by hand clears it.
   */
  readonly settled: boolean;
  /**
   * The move step() would make next, without making it: a random unhappy agent
   * that can move, and its target. null when the model has settled.
   */
  peek(): MoveEvent | null;
  /** Moves one unhappy agent (the one peek() shows); null when the model has settled. */
  step(): MoveEvent | null;
  /**
   * One round (a NetLogo tick): every agent unhappy at the start of the round,
   * in random order, has one turn. With `schedule: "netlogo"` each of them moves;
   * with `"recheck"` only if it is still unhappy when its turn comes. An agent
   * with nowhere to go stays. Returns the number of agents that changed cells.
   */
  sweep(): number;
  /** Up to `rounds` sweeps, stopping early once settled; returns the sweeps run. */
  run(rounds: number): number;
  /** Moves the agent at `from` to the empty cell `to` by hand (the instructor's drag). */
  moveAgent(from: number, to: number): MoveEvent;
  /** Whether the cell holds an unhappy agent. */
  isUnhappy(cell: number): boolean;
  /** Same-group neighbours of the agent at `cell` (0 for an empty cell). */
  sameNeighbors(cell: number): number;
  /** Occupied cells around `cell`. */
  occupiedNeighbors(cell: number): number;
  /** The cells of all unhappy agents, in ascending order. */
  unhappyCells(): Int32Array;
  /** The numbers behind the chart. O(cells): call it once per frame, not per move. */
  stats(): SchellingStats;
  on<K extends keyof SchellingEvents>(
    type: K,
    listener: (event: SchellingEvents[K]) => void,
  ): () => void;
}

/**
 * Creates a Schelling model. Options are checked first (a SchellingError says
 * what is wrong); the seed fixes the starting grid and every later random choice.
 */
export function createSchelling(input: SchellingOptions): Schelling {
  const options = resolveOptions(input);
  const random = createRandom(options.seed);
  const cells = options.cells ?? populate(options, random);
  const state = new GridState(options, cells);
  const n = cells.length;
  const ties = new Int32Array(n);
  const events = new Emitter<SchellingEvents>();
  const torus = options.boundary === "torus";
  let rounds = 0;
  let moves = 0;
  let settled = false;
  let planned: MoveEvent | null = null;

  /** Where the agent at `from` goes, −1 to stay; a walk may return `from` unless `leaveHome`. */
  const target = (from: number, leaveHome: boolean): number => {
    if (options.rule === "classroom") return bestSeat(state, from, random, ties);
    if (options.move === "nearest") return nearestHappy(state, from, random, ties, torus);
    if (options.move === "walk") return walkToEmpty(state, from, random, torus, leaveHome);
    return randomEmpty(state, random);
  };
  const recheck = options.schedule === "recheck";

  const settle = (reason: EndEvent["reason"]): void => {
    if (settled) return;
    settled = true;
    events.emit("end", { reason, unhappy: state.unhappy.size });
  };

  /** Makes a move; `inRound`: within a sweep, which checks for the end only once it is over. */
  const apply = (from: number, to: number, manual: boolean, inRound = false): MoveEvent | null => {
    const event = events.has("move")
      ? {
          from,
          to,
          group: cells[from] as number,
          sameBefore: state.sameOf(from),
          sameAfter: 0,
          manual,
        }
      : null;
    state.move(from, to);
    moves++;
    if (event) {
      event.sameAfter = state.sameOf(to);
      events.emit("move", event);
    }
    if (!inRound && state.unhappy.size === 0) settle("happy");
    return event;
  };

  const plan = (from: number, to: number): MoveEvent => ({
    from,
    to,
    group: cells[from] as number,
    sameBefore: state.sameOf(from),
    sameAfter: state.sameIfMoved(from, to),
    manual: false,
  });

  const peek = (): MoveEvent | null => {
    if (planned) return planned;
    const unhappy = state.unhappy;
    if (unhappy.size === 0) {
      settle("happy");
      return null;
    }
    // Usually the first agent drawn can move; if not, try the rest in random order.
    const first = unhappy.at(random.int(unhappy.size));
    let to = target(first, true);
    if (to >= 0) return (planned = plan(first, to));
    const order = unhappy.toArray();
    random.shuffle(order);
    for (const from of order) {
      if (from === first) continue;
      to = target(from, true);
      if (to >= 0) return (planned = plan(from, to));
    }
    settle("stuck");
    return null;
  };

  const model: Schelling = {
    options,
    width: options.width,
    height: options.height,
    cells,
    get settled() {
      return settled;
    },
    peek,
    step() {
      const next = peek();
      if (!next) return null;
      planned = null;
      apply(next.from, next.to, false);
      return next;
    },
    sweep() {
      planned = null;
      const order = state.unhappy.toArray();
      random.shuffle(order);
      let moved = 0;
      for (const from of order) {
        // "recheck": still unhappy? (A neighbour's move may have made it happy.)
        if (recheck && !state.unhappy.has(from)) continue;
        const to = target(from, false);
        if (to < 0 || to === from) continue;
        apply(from, to, false, true);
        moved++;
      }
      rounds++;
      events.emit("sweep", { round: rounds, moved });
      if (state.unhappy.size === 0) settle("happy");
      // A walk can always go somewhere, so a round in which every walk ended at home is luck.
      else if (moved === 0 && !(options.rule === "threshold" && options.move === "walk"))
        settle("stuck");
      return moved;
    },
    run(count) {
      if (!Number.isInteger(count) || count < 0)
        throw new SchellingError(`run() takes a whole number of rounds; got ${String(count)}.`);
      let done = 0;
      while (done < count && !settled) {
        model.sweep();
        done++;
      }
      return done;
    },
    moveAgent(from, to) {
      for (const [name, cell] of [
        ["from", from],
        ["to", to],
      ] as const) {
        if (!Number.isInteger(cell) || cell < 0 || cell >= n)
          throw new SchellingError(
            `moveAgent: “${name}” must be a cell from 0 to ${n - 1}; got ${String(cell)}.`,
          );
      }
      if (cells[from] === 0)
        throw new SchellingError(`moveAgent: cell ${from} is empty; there is nobody to move.`);
      if (cells[to] !== 0)
        throw new SchellingError(`moveAgent: cell ${to} is taken; move to an empty cell.`);
      planned = null;
      settled = false;
      const event = {
        from,
        to,
        group: cells[from] as number,
        sameBefore: state.sameOf(from),
        sameAfter: 0,
        manual: true,
      };
      state.move(from, to);
      moves++;
      event.sameAfter = state.sameOf(to);
      events.emit("move", event);
      if (state.unhappy.size === 0) settle("happy");
      return event;
    },
    isUnhappy: (cell) => state.unhappy.has(cell),
    sameNeighbors: (cell) => state.sameOf(cell),
    occupiedNeighbors: (cell) => state.occupied[cell] ?? 0,
    unhappyCells: () => state.unhappy.toArray().sort(),
    stats() {
      const k = options.groups;
      let shareSum = 0;
      let withNeighbors = 0;
      for (let cell = 0; cell < n; cell++) {
        const g = cells[cell] as number;
        const occupied = state.occupied[cell] as number;
        if (g === 0 || occupied === 0) continue;
        shareSum += (state.same[cell * k + g - 1] as number) / occupied;
        withNeighbors++;
      }
      const agents = options.agents;
      return {
        rounds,
        moves,
        agents,
        empty: n - agents,
        unhappy: state.unhappy.size,
        similarity: state.occupiedTotal === 0 ? 0 : state.sameTotal / state.occupiedTotal,
        unhappyShare: state.unhappy.size / agents,
        meanSameShare: withNeighbors === 0 ? 0 : shareSum / withNeighbors,
        dissimilarity: dissimilarity(cells, options.width, options.height, k, options.blockSize),
        interfaceDensity: interfaceDensity(cells, options.width, options.height, options.boundary),
        settled,
      };
    },
    on: (type, listener) => events.on(type, listener),
  };
  return model;
}
