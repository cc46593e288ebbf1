import { describe, expect, it } from "vitest";
import { SchellingError, resolveOptions } from "@/lib/schelling/index";
import {
  DEFAULTS,
  equalShares,
  fromState,
  parseShares,
  toOptions,
  toState,
  type Settings,
} from "@/widgets/Schelling/settings";

describe("equalShares(groups)", () => {
  it.each([
    [2, "50, 50"],
    [3, "34, 33, 33"],
    [4, "25, 25, 25, 25"],
    [5, "20, 20, 20, 20, 20"],
  ])("%i groups → %s, summing to 100", (groups, text) => {
    expect(equalShares(groups)).toBe(text);
    expect(parseShares(text).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("parseShares(text)", () => {
  it("reads percentages separated by commas, spaces or semicolons, with or without %", () => {
    expect(parseShares("50, 50")).toEqual([0.5, 0.5]);
    expect(parseShares("20% 30%; 50")).toEqual([0.2, 0.3, 0.5]);
  });

  it.each([
    ["60, 60", /must add up to 100 %; “60, 60” adds up to 120 %/],
    ["fifty, 50", /“fifty” is not a number/],
    ["100", /Give a share for each group/],
    ["", /Give a share for each group/],
  ])("rejects %j", (text, message) => {
    expect(() => parseShares(text)).toThrow(SchellingError);
    expect(() => parseShares(text)).toThrow(message);
  });
});

describe("toOptions(settings)", () => {
  it("turns the classroom defaults into the slides' game", () => {
    expect(toOptions(DEFAULTS.classroom)).toEqual({
      width: 8,
      height: 6,
      seed: "15",
      shares: [0.5, 0.5],
      rule: "classroom",
      neighborhood: "moore",
      radius: 1,
      boundary: "bounded",
      agents: 40,
      minSame: 2,
    });
  });

  it("turns the simulator defaults into NetLogo's threshold model on a torus", () => {
    const options = toOptions(DEFAULTS.simulator);
    expect(options).toMatchObject({
      density: 0.9,
      rule: "threshold",
      wanted: 0.3,
      move: "walk",
      schedule: "netlogo",
    });
    expect(options.maxShare).toBeUndefined();
    expect(() => resolveOptions(options)).not.toThrow();
  });

  it.each<[string, Partial<Settings>, RegExp]>([
    ["a classroom too big", { width: 40, height: 40 }, /at most 900 seats/],
    ["as many students as seats", { students: 48 }, /48 students fill all 48 seats/],
    ["no students", { students: 0 }, /at least 1; got 0/],
  ])("classroom: rejects %s", (_name, patch, message) => {
    expect(() => toOptions({ ...DEFAULTS.classroom, ...patch })).toThrow(message);
  });

  it.each<[string, Partial<Settings>, RegExp]>([
    ["a grid over 1000", { width: 1200 }, /up to 1000 × 1000/],
    ["density 100 %", { density: 100 }, /At 100 % no cell is empty/],
    ["density 0 %", { density: 0 }, /above 0 % and below 100 %; got 0 %/],
    ["a wanted share over 100 %", { wanted: 130 }, /between 0 % and 100 %; got 130 %/],
    ["a “too similar” limit over 100 %", { upper: 120 }, /or empty for none; got 120 %/],
  ])("simulator: rejects %s", (_name, patch, message) => {
    expect(() => toOptions({ ...DEFAULTS.simulator, ...patch })).toThrow(message);
  });

  it("passes the upper limit as a share", () => {
    expect(toOptions({ ...DEFAULTS.simulator, upper: 80 }).maxShare).toBe(0.8);
  });
});

describe("toState(settings) and fromState(state)", () => {
  it("writes nothing for the classroom defaults", () => {
    expect(Object.values(toState(DEFAULTS.classroom)).filter((v) => v !== null)).toEqual([]);
  });

  it("writes only what differs from the mode's defaults, and reads it back", () => {
    const settings: Settings = {
      ...DEFAULTS.simulator,
      width: 300,
      wanted: 50,
      upper: 90,
      seed: "42",
      shapes: true,
      neighborhood: "von-neumann",
    };
    const state = toState(settings);
    expect(Object.fromEntries(Object.entries(state).filter(([, v]) => v !== null))).toEqual({
      mode: "simulator",
      w: "300",
      want: "50",
      max: "90",
      seed: "42",
      shapes: "1",
      nb: "von-neumann",
    });
    const back = fromState(
      new Map(Object.entries(state).filter((e): e is [string, string] => e[1] !== null)),
    );
    expect(back).toEqual(settings);
  });

  it("ignores unknown values for choices, and keeps bad numbers for the model to report", () => {
    const s = fromState(
      new Map([
        ["rule", "majority"],
        ["w", "ten"],
        ["speed", "99"],
      ]),
    );
    expect(s.rule).toBe("classroom");
    expect(s.width).toBeNaN();
    expect(s.speed).toBe(6);
    expect(() => resolveOptions(toOptions(s))).toThrow(/grid width must be a whole number/);
  });
});
