/**
 * The widget's settings: defaults for the two modes, conversion to the
 * library's options (with learner-readable errors), and to and from the URL.
 * No DOM here, so the e2e test and the worker can share it.
 */
import {
  SchellingError,
  type Boundary,
  type MoveStrategy,
  type NeighborhoodKind,
  type RuleName,
  type Schedule,
  type SchellingOptions,
} from "@/lib/schelling/index";

/** `classroom`: a room of desks stepped one student at a time; `simulator`: big grids, round by round. */
export type Mode = "classroom" | "simulator";

export interface Settings {
  mode: Mode;
  width: number;
  height: number;
  /** Classroom mode: the number of students. */
  students: number;
  /** Simulator mode: occupied cells, in %. */
  density: number;
  /** Each group's share in %, e.g. "50, 50"; the number of entries is the number of groups. */
  shares: string;
  rule: RuleName;
  /** Classroom rule: same-colour neighbours needed. */
  minSame: number;
  /** Threshold rule: % of similar neighbours wanted. */
  wanted: number;
  /** Threshold rule: unhappy above this % (too similar); null for none. */
  upper: number | null;
  move: MoveStrategy;
  /** Threshold rule: who moves in a round (NetLogo's tick, or only those still unhappy). */
  schedule: Schedule;
  neighborhood: NeighborhoodKind;
  radius: number;
  boundary: Boundary;
  seed: string;
  /** Draw each group with its own shape as well as its colour. */
  shapes: boolean;
  /** 1 (slow) to 6 (fast). */
  speed: number;
}

export const DEFAULT_SEED = "15";

export const DEFAULTS: Readonly<Record<Mode, Settings>> = {
  classroom: {
    mode: "classroom",
    width: 8,
    height: 6,
    students: 40,
    density: 90,
    shares: "50, 50",
    rule: "classroom",
    minSame: 2,
    wanted: 30,
    upper: null,
    move: "walk",
    schedule: "netlogo",
    neighborhood: "moore",
    radius: 1,
    boundary: "bounded",
    seed: DEFAULT_SEED,
    shapes: true,
    speed: 3,
  },
  simulator: {
    mode: "simulator",
    width: 100,
    height: 100,
    students: 40,
    density: 90,
    shares: "50, 50",
    rule: "threshold",
    minSame: 2,
    wanted: 30,
    upper: null,
    move: "walk",
    schedule: "netlogo",
    neighborhood: "moore",
    radius: 1,
    boundary: "torus",
    seed: DEFAULT_SEED,
    shapes: false,
    speed: 4,
  },
};

/** The largest classroom (one student at a time on the main thread). */
export const CLASSROOM_MAX_CELLS = 30 * 30;
/** The largest simulator grid side. */
export const SIMULATOR_MAX_SIDE = 1000;

/** Steps per second (classroom) or rounds per second (simulator) at each speed. */
export const SPEEDS: Readonly<Record<Mode, readonly number[]>> = {
  classroom: [1, 2, 4, 8, 15, 30],
  simulator: [1, 2, 5, 10, 30, 60],
};

/** Equal shares for k groups, as the text the shares field shows: "34, 33, 33". */
export function equalShares(groups: number): string {
  const base = Math.floor(100 / groups);
  return Array.from({ length: groups }, (_, i) => base + (i < 100 - base * groups ? 1 : 0)).join(
    ", ",
  );
}

/** Reads "50, 50" (percentages) as shares [0.5, 0.5]; a non-number gets a clear message. */
export function parseShares(text: string): number[] {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.replace(/%$/, ""))
    .filter((p) => p !== "");
  const values = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isFinite(values[i]));
  if (bad !== undefined)
    throw new SchellingError(
      `Group shares are percentages separated by commas, such as “50, 50”; “${bad}” is not a number.`,
    );
  if (values.length < 2)
    throw new SchellingError(
      "Give a share for each group, separated by commas, such as “50, 50” for two groups.",
    );
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-6)
    throw new SchellingError(
      `The group shares must add up to 100 %; “${text.trim()}” adds up to ${Number(sum.toFixed(4))} %.`,
    );
  return values.map((v) => v / 100);
}

/**
 * The library options for these settings. Throws a SchellingError with a
 * message for the learner when a setting is out of range for the widget; the
 * library checks the rest.
 */
export function toOptions(s: Settings): SchellingOptions {
  if (s.mode === "classroom" && s.width * s.height > CLASSROOM_MAX_CELLS)
    throw new SchellingError(
      `The classroom game has room for at most ${CLASSROOM_MAX_CELLS} seats (30 × 30); switch to the Simulator for bigger grids.`,
    );
  if (s.mode === "simulator" && Math.max(s.width, s.height) > SIMULATOR_MAX_SIDE)
    throw new SchellingError(
      `The simulator runs grids up to ${SIMULATOR_MAX_SIDE} × ${SIMULATOR_MAX_SIDE}; got ${s.width} × ${s.height}.`,
    );
  const options: SchellingOptions = {
    width: s.width,
    height: s.height,
    seed: s.seed.trim(),
    shares: parseShares(s.shares),
    rule: s.rule,
    neighborhood: s.neighborhood,
    radius: s.radius,
    boundary: s.boundary,
  };
  if (s.mode === "classroom") {
    if (!Number.isInteger(s.students) || s.students < 1)
      throw new SchellingError(
        `The number of students must be a whole number of at least 1; got ${String(s.students)}.`,
      );
    if (s.students >= s.width * s.height)
      throw new SchellingError(
        `${s.students} students fill all ${s.width * s.height} seats; leave at least one seat empty so that students can move.`,
      );
    options.agents = s.students;
  } else {
    if (!(s.density > 0 && s.density < 100))
      throw new SchellingError(
        `The density must be above 0 % and below 100 %; got ${String(s.density)} %.${s.density === 100 ? " At 100 % no cell is empty, so nobody can move." : ""}`,
      );
    options.density = s.density / 100;
  }
  if (s.rule === "classroom") {
    options.minSame = s.minSame;
  } else {
    if (!(s.wanted >= 0 && s.wanted <= 100))
      throw new SchellingError(
        `The similar neighbours wanted must be between 0 % and 100 %; got ${String(s.wanted)} %.`,
      );
    options.wanted = s.wanted / 100;
    if (s.upper !== null) {
      if (!(s.upper >= 0 && s.upper <= 100))
        throw new SchellingError(
          `The “too similar” limit must be between 0 % and 100 %, or empty for none; got ${String(s.upper)} %.`,
        );
      options.maxShare = s.upper / 100;
    }
    options.move = s.move;
    options.schedule = s.schedule;
  }
  return options;
}

/** URL keys for each setting (short, so a shared link stays readable). */
const KEYS = {
  width: "w",
  height: "h",
  students: "n",
  density: "d",
  shares: "shares",
  rule: "rule",
  minSame: "k",
  wanted: "want",
  upper: "max",
  move: "move",
  schedule: "tick",
  neighborhood: "nb",
  radius: "r",
  boundary: "edge",
  seed: "seed",
  shapes: "shapes",
  speed: "speed",
} as const satisfies Record<Exclude<keyof Settings, "mode">, string>;

const text = (value: Settings[keyof Settings]): string =>
  value === null ? "" : typeof value === "boolean" ? (value ? "1" : "0") : String(value);

/** The URL values for these settings: only what differs from the mode's defaults. */
export function toState(s: Settings): Record<string, string | null> {
  const defaults = DEFAULTS[s.mode];
  const state: Record<string, string | null> = {
    mode: s.mode === "classroom" ? null : s.mode,
  };
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const value = text(s[field]);
    state[key] = value === text(defaults[field]) ? null : value === "" ? "none" : value;
  }
  return state;
}

/**
 * Settings from URL values, over the defaults of the mode the URL names.
 * Values are taken as given (a bad one shows its message when the model is built).
 */
export function fromState(state: ReadonlyMap<string, string>): Settings {
  const mode: Mode = state.get("mode") === "simulator" ? "simulator" : "classroom";
  const s: Settings = { ...DEFAULTS[mode] };
  const get = (field: keyof typeof KEYS): string | undefined => state.get(KEYS[field]);
  const num = (field: keyof typeof KEYS, fallback: number): number => {
    const value = get(field);
    return value === undefined ? fallback : Number(value);
  };
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T) =>
    allowed.includes(value as T) ? (value as T) : fallback;
  s.width = num("width", s.width);
  s.height = num("height", s.height);
  s.students = num("students", s.students);
  s.density = num("density", s.density);
  s.shares = get("shares") ?? s.shares;
  s.rule = pick(get("rule"), ["classroom", "threshold"], s.rule);
  s.minSame = num("minSame", s.minSame);
  s.wanted = num("wanted", s.wanted);
  const upper = get("upper");
  s.upper = upper === undefined ? s.upper : upper === "none" ? null : Number(upper);
  s.move = pick(get("move"), ["walk", "random", "nearest"], s.move);
  s.schedule = pick(get("schedule"), ["netlogo", "recheck"], s.schedule);
  s.neighborhood = pick(get("neighborhood"), ["moore", "von-neumann"], s.neighborhood);
  s.radius = num("radius", s.radius);
  s.boundary = pick(get("boundary"), ["bounded", "torus"], s.boundary);
  s.seed = get("seed") ?? s.seed;
  const shapes = get("shapes");
  s.shapes = shapes === undefined ? s.shapes : shapes === "1";
  s.speed = Math.min(6, Math.max(1, Math.round(num("speed", s.speed)) || s.speed));
  return s;
}
