import { describe, expect, it } from "vitest";
import type { ItemResult } from "@/lib/labeling/index";
import {
  difference,
  FRAMING,
  itemId,
  PUBLISHED,
  share,
  surveyItems,
  surveyResults,
  surveyTask,
  validateDesign,
  wilson,
  type SurveyDesign,
} from "@/lib/survey/index";

/** The Wilson bounds found a second way: bisection on |x/n − p| = z·√(p(1−p)/n). */
function wilsonByBisection(x: number, n: number, z = 1.959963984540054): [number, number] {
  const p0 = x / n;
  const gap = (p: number): number => Math.abs(p0 - p) - z * Math.sqrt((p * (1 - p)) / n);
  const solve = (lo: number, hi: number): number => {
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (Math.sign(gap(mid)) === Math.sign(gap(lo))) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return [x === 0 ? 0 : solve(0, p0), x === n ? 1 : solve(p0, 1)];
}

describe("Wilson interval", () => {
  it.each([
    [72, 100],
    [34, 152],
    [3, 10],
    [1, 25],
    [24, 25],
  ])("%i of %i matches the bisection solution", (x, n) => {
    const { low, high } = wilson(x, n);
    const [lo, hi] = wilsonByBisection(x, n);
    expect(low).toBeCloseTo(lo, 9);
    expect(high).toBeCloseTo(hi, 9);
  });
  it("has the closed form z²/(n+z²) for the upper bound of 0 of n", () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilson(0, 10).high).toBeCloseTo(z2 / (10 + z2), 12);
    expect(wilson(0, 10).low).toBe(0);
  });
});

describe("difference of proportions", () => {
  it("reproduces Newcombe's (1998) worked example: 56/70 − 48/80 = 0.2, 95% CI 0.0524 to 0.3339", () => {
    const d = difference(share(48, 80), share(56, 70));
    expect(d.effect).toBeCloseTo(0.2, 12);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });
});

describe("survey design", () => {
  it("makes one item per profile and condition, with the respondent's prompt", () => {
    const items = surveyItems(FRAMING);
    expect(items).toHaveLength(FRAMING.profiles.length * 2);
    const nurseLoss = items.find((i) => i.id === itemId("nurse", "treatment"));
    expect(nurseLoss?.text).toContain("You are a 45-year-old nurse in Texas, a Republican.");
    expect(nurseLoss?.text).toContain("400 people will die");
    expect(nurseLoss?.text).not.toContain("200 people will be saved");
    const task = surveyTask(FRAMING, "gpt-4.1-mini");
    expect(task.labels.map((l) => l.name)).toEqual(["A", "B"]);
    expect(task.votes).toBe(FRAMING.respondents);
    expect(task.parameters.temperature).toBe(1);
  });

  it.each<[string, Partial<SurveyDesign>, RegExp]>([
    ["no question", { question: " " }, /Write the survey question/],
    ["same wording", { treatment: FRAMING.control }, /are the same/],
    ["one option", { options: [{ name: "A", text: "a" }] }, /two answer options/],
    ["unknown outcome", { outcome: "C" }, /“C” is not one of the answer options/],
    ["no profiles", { profiles: [] }, /at least one respondent profile/],
    [
      "twice",
      { profiles: [FRAMING.profiles[0], FRAMING.profiles[0]] as SurveyDesign["profiles"] },
      /appears twice/,
    ],
    ["zero respondents", { respondents: 0 }, /from 1 to 25/],
  ])("rejects a design with %s", (_name, change, message) => {
    expect(() => {
      validateDesign({ ...FRAMING, ...change });
    }).toThrow(message);
  });
});

describe("survey results", () => {
  const result = (id: string, votes: (string | null)[]): ItemResult => ({
    id,
    status: "labelled",
    labels: [],
    votes: votes.map((v) => (v === null ? null : [v])),
    raw: [],
    requests: votes.length,
    usage: { input: 0, cachedInput: 0, output: 0 },
    notes: [],
  });
  it("counts shares per profile and pooled, leaving invalid answers out", () => {
    const design: SurveyDesign = {
      ...FRAMING,
      profiles: FRAMING.profiles.slice(0, 2),
      respondents: 4,
    };
    const results = [
      result("student|control", ["A", "A", "A", "B"]),
      result("student|treatment", ["B", "B", "A", null]),
      result("nurse|control", ["A", "A", "B", "B"]),
      result("nurse|treatment", ["B", "B", "B", "B"]),
    ];
    const out = surveyResults(design, results);
    expect(out.invalid).toBe(1);
    const student = out.byProfile[0]?.effect;
    expect(student?.control.share).toBe(0.75);
    expect(student?.treatment.n).toBe(3);
    expect(student?.effect).toBeCloseTo(1 / 3 - 0.75, 12);
    expect(out.pooled.control.chose).toBe(5);
    expect(out.pooled.control.n).toBe(8);
    expect(out.pooled.treatment.chose).toBe(1);
    expect(out.pooled.treatment.n).toBe(7);
    expect(out.pooled.low).toBeLessThan(out.pooled.effect);
    expect(out.pooled.high).toBeGreaterThan(out.pooled.effect);
  });
  it("states the published effect the widget compares with", () => {
    expect(PUBLISHED.treatment.share - PUBLISHED.control.share).toBeCloseTo(-0.5, 12);
  });
});
