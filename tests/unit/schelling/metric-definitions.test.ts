import { describe, expect, it } from "vitest";
import { METRICS, createSchelling } from "@/lib/schelling/index";

describe("METRICS", () => {
  it("defines each number that stats() reports, once", () => {
    const stats = createSchelling({ width: 5, height: 5, seed: 1 }).stats();
    const keys = METRICS.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(typeof stats[key]).toBe("number");
  });

  it("gives every metric a label, a definition, a formula and a baseline", () => {
    for (const metric of METRICS) {
      expect(metric.label.length).toBeGreaterThan(2);
      expect(metric.definition.length).toBeGreaterThan(30);
      expect(metric.formula.length).toBeGreaterThan(5);
      expect(metric.baseline.length).toBeGreaterThan(1);
    }
  });
});
