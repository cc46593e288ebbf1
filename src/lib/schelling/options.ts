import { SchellingError } from "./errors";
import { neighborhoodSize } from "./neighborhood";
import { parseSeed } from "./random";

/**
 * - `classroom` (the slides): happy with at least `minSame` same-colour neighbours;
 *   an unhappy agent moves to the empty cell with the most same-colour neighbours,
 *   if that is more than it has now.
 * - `threshold` (Schelling 1971, NetLogo): happy when the share of same-colour
 *   neighbours among occupied neighbouring cells is at least `wanted` (and at most
 *   `maxShare`, if set); by default an unhappy agent takes NetLogo's random walk to
 *   an empty cell (`move: "walk"`), or with `move: "random"` jumps to a random empty
 *   cell, or with `move: "nearest"` goes to the nearest empty cell where it would be
 *   happy (searched ring by ring, up to 50 cells away; an agent with no such cell stays).
 */
export type RuleName = "classroom" | "threshold";
/** Moore: the square around a cell (8 cells at radius 1); von Neumann: the diamond (4). */
export type NeighborhoodKind = "moore" | "von-neumann";
/** `bounded`: a room with walls, edge cells have fewer neighbours; `torus`: edges wrap around. */
export type Boundary = "bounded" | "torus";
/**
 * Where an unhappy agent goes under the threshold rule: `walk`, NetLogo's
 * `find-new-spot` (random legs of up to 10 cells until an empty cell; see walk.ts);
 * `random`, any empty cell; `nearest`, the closest cell where it would be happy.
 */
export type MoveStrategy = "walk" | "random" | "nearest";
/**
 * Who moves in a round (sweep). Both take the agents unhappy at the start of the
 * round, in random order. `netlogo` (NetLogo's `ask turtles with [not happy?]`):
 * every one of them moves, even if a neighbour's move has made it happy before its
 * turn. `recheck`: an agent that has become happy before its turn stays.
 */
export type Schedule = "netlogo" | "recheck";

export interface SchellingOptions {
  /** Columns, 1 to 2000. */
  width: number;
  /** Rows, 1 to 2000. */
  height: number;
  /** The seed of every random choice: a whole number from 0 to 2³² − 1 (or its digits). */
  seed: number | string;
  /** Share of cells occupied, strictly between 0 and 1. Default 0.9. */
  density?: number;
  /** The number of agents; overrides `density`. */
  agents?: number;
  /** Share of the agents in each group; 2 to 8 groups, summing to 1. Default [0.5, 0.5]. */
  shares?: readonly number[];
  /**
   * A starting grid instead of a random one: width · height values, row by row,
   * 0 for an empty cell and 1…k for an agent of group 1…k. Overrides density, agents and shares.
   */
  cells?: ArrayLike<number>;
  /** Default "classroom". */
  rule?: RuleName;
  /** Classroom rule: the same-colour neighbours an agent needs to be happy. Default 2. */
  minSame?: number;
  /** Threshold rule: the least share of same-colour neighbours that keeps an agent happy, 0–1. Default 0.3. */
  wanted?: number;
  /** Threshold rule: agents are also unhappy above this share (too similar), wanted–1. Default none. */
  maxShare?: number | null;
  /** Threshold rule: where unhappy agents move. Default "walk" (NetLogo's). */
  move?: MoveStrategy;
  /** Who moves in a round. Default "netlogo" for the threshold rule, "recheck" for the classroom rule. */
  schedule?: Schedule;
  /** Default "moore". */
  neighborhood?: NeighborhoodKind;
  /** 1 to 5. Default 1. */
  radius?: number;
  /** Default "bounded". */
  boundary?: Boundary;
  /** Side of the square blocks of the dissimilarity index. Default: 5, at most half the shorter side. */
  blockSize?: number;
}

/** Every option with its value checked and defaults filled in. */
export interface ResolvedOptions {
  width: number;
  height: number;
  seed: number;
  /** The number of groups, k. */
  groups: number;
  /** The number of agents. */
  agents: number;
  shares: readonly number[];
  cells: Uint8Array | null;
  rule: RuleName;
  minSame: number;
  wanted: number;
  maxShare: number | null;
  move: MoveStrategy;
  schedule: Schedule;
  neighborhood: NeighborhoodKind;
  radius: number;
  boundary: Boundary;
  blockSize: number;
}

export const MAX_SIDE = 2000;
export const MAX_GROUPS = 8;
export const MAX_RADIUS = 5;

const fail = (message: string): never => {
  throw new SchellingError(message);
};

const show = (value: unknown): string =>
  typeof value === "string"
    ? `“${value}”`
    : Array.isArray(value)
      ? `[${value.join(", ")}]`
      : String(value);

function wholeNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    fail(`${name} must be a whole number from ${min} to ${max}; got ${show(value)}.`);
  return value as number;
}

function share(name: string, value: unknown, min: number, example: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > 1) {
    const hint = typeof value === "number" && value > 1 ? ` Write ${example}.` : "";
    fail(`${name} must be a share between ${min} and 1; got ${show(value)}.${hint}`);
  }
  return value as number;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    fail(`${name} must be one of ${allowed.map((a) => `“${a}”`).join(", ")}; got ${show(value)}.`);
  return value as T;
}

/** Exact agent counts per group from shares (largest remainder), summing to `agents`. */
export function groupCounts(agents: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => s * agents);
  const counts = exact.map(Math.floor);
  let left = agents - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return counts;
}

function resolveShares(shares: unknown): number[] {
  if (!Array.isArray(shares) || shares.length < 2 || shares.length > MAX_GROUPS)
    return fail(`Give a share for each of 2 to ${MAX_GROUPS} groups; got ${show(shares)}.`);
  const values = shares as unknown[];
  if (values.some((s) => typeof s !== "number" || !Number.isFinite(s) || s < 0))
    fail(`Every group share must be a number of at least 0; got ${show(shares)}.`);
  const sum = (values as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6)
    fail(
      `The group shares must add up to 1 (100 %); ${show(shares)} adds up to ${Number(sum.toFixed(6))}.`,
    );
  return values as number[];
}

function resolveCells(
  given: ArrayLike<number>,
  cellCount: number,
  shares: readonly number[] | undefined,
): { cells: Uint8Array; groups: number } {
  if (given.length !== cellCount)
    fail(`The starting grid has ${given.length} cells, but width × height is ${cellCount}.`);
  let top = 0;
  for (let i = 0; i < given.length; i++) {
    const v = given[i];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_GROUPS)
      fail(
        `Cell ${i} of the starting grid must be 0 (empty) or a group from 1 to ${MAX_GROUPS}; got ${show(v)}.`,
      );
    top = Math.max(top, v as number);
  }
  const groups = shares ? shares.length : Math.max(2, top);
  if (top > groups)
    fail(`The starting grid has group ${top}, but there are only ${groups} groups.`);
  return { cells: Uint8Array.from(given), groups };
}

/** Checks every option and fills in defaults; throws a SchellingError naming the first problem. */
export function resolveOptions(options: SchellingOptions): ResolvedOptions {
  const width = wholeNumber("The grid width", options.width, 1, MAX_SIDE);
  const height = wholeNumber("The grid height", options.height, 1, MAX_SIDE);
  const cellCount = width * height;
  if (cellCount < 2)
    fail("A 1 × 1 grid has room for one agent and no empty cell to move to; use at least 2 cells.");
  const seed = parseSeed(options.seed);
  const rule = oneOf("The rule", options.rule ?? "classroom", ["classroom", "threshold"] as const);
  const neighborhood = oneOf("The neighbourhood", options.neighborhood ?? "moore", [
    "moore",
    "von-neumann",
  ] as const);
  const radius = wholeNumber("The neighbourhood radius", options.radius ?? 1, 1, MAX_RADIUS);
  const boundary = oneOf("The boundary", options.boundary ?? "bounded", [
    "bounded",
    "torus",
  ] as const);
  if (boundary === "torus" && Math.min(width, height) <= 2 * radius)
    fail(
      `On a torus the grid must be wider and taller than twice the radius (${2 * radius}), or a neighbour would be counted twice; use at least ${2 * radius + 1} × ${2 * radius + 1} cells or a bounded grid.`,
    );
  const size = neighborhoodSize(neighborhood, radius);

  let minSame = 2;
  let wanted = 0.3;
  let maxShare: number | null = null;
  let move: MoveStrategy = "walk";
  if (rule === "classroom") {
    minSame = wholeNumber(
      "The number of same-colour neighbours wanted",
      options.minSame ?? 2,
      0,
      size,
    );
    if (options.maxShare !== undefined && options.maxShare !== null)
      fail("An upper threshold (maxShare) belongs to the threshold rule, not the classroom rule.");
    if (options.move !== undefined)
      fail(
        "The classroom rule always moves to the best seat; `move` belongs to the threshold rule.",
      );
  } else {
    wanted = share(
      "The wanted share of similar neighbours",
      options.wanted ?? 0.3,
      0,
      "0.3 for 30 %",
    );
    if (options.maxShare !== undefined && options.maxShare !== null) {
      maxShare = share("The upper threshold", options.maxShare, 0, "0.8 for 80 %");
      if (maxShare < wanted)
        fail(
          `The upper threshold (${maxShare}) is below the wanted share (${wanted}), so no agent with neighbours could ever be happy.`,
        );
    }
    move = oneOf("The move", options.move ?? "walk", ["walk", "random", "nearest"] as const);
  }
  const schedule = oneOf(
    "The schedule",
    options.schedule ?? (rule === "threshold" ? "netlogo" : "recheck"),
    ["netlogo", "recheck"] as const,
  );

  let cells: Uint8Array | null = null;
  let groups: number;
  let agents: number;
  let shares: readonly number[];
  if (options.cells !== undefined) {
    const given = options.shares === undefined ? undefined : resolveShares(options.shares);
    ({ cells, groups } = resolveCells(options.cells, cellCount, given));
    const counts = new Array<number>(groups).fill(0);
    for (const v of cells) if (v > 0) counts[v - 1] = (counts[v - 1] as number) + 1;
    agents = counts.reduce((a, b) => a + b, 0);
    shares = given ?? counts.map((c) => (agents > 0 ? c / agents : 0));
    if (agents === 0) fail("The grid is empty: place at least one agent.");
    if (agents === cellCount)
      fail("Every cell is taken: leave at least one empty cell so that agents can move.");
  } else {
    shares = resolveShares(options.shares ?? [0.5, 0.5]);
    groups = shares.length;
    if (options.agents !== undefined) {
      agents = wholeNumber("The number of agents", options.agents, 1, cellCount - 1);
    } else {
      const density = options.density ?? 0.9;
      if (typeof density !== "number" || !Number.isFinite(density) || density <= 0 || density >= 1)
        fail(
          `The density (share of occupied cells) must be above 0 and below 1; got ${show(density)}.${density === 1 ? " With density 1 no cell is empty, so nobody can move." : ""}${density === 0 ? " With density 0 there is nobody to move." : ""}`,
        );
      agents = Math.round(density * cellCount);
      if (agents < 1)
        fail(`A density of ${density} places no agent on ${cellCount} cells; raise the density.`);
      if (agents >= cellCount)
        fail(
          `A density of ${density} fills all ${cellCount} cells, leaving no empty cell to move to; lower the density.`,
        );
    }
  }

  const defaultBlock = Math.max(1, Math.min(5, Math.ceil(Math.min(width, height) / 2)));
  const blockSize = wholeNumber(
    "The block size",
    options.blockSize ?? defaultBlock,
    1,
    Math.max(width, height),
  );

  return {
    width,
    height,
    seed,
    groups,
    agents,
    shares,
    cells,
    rule,
    minSame,
    wanted,
    maxShare,
    move,
    schedule,
    neighborhood,
    radius,
    boundary,
    blockSize,
  };
}
