import { describe, expect, it } from "vitest";
import { happinessBounds, isHappy } from "@/lib/schelling/happiness";

describe("happinessBounds(options, size)", () => {
  it("classroom: happy with at least minSame same-colour neighbours, whatever the rest", () => {
    const bounds = happinessBounds({ rule: "classroom", minSame: 2, wanted: 0, maxShare: null }, 8);
    expect(isHappy(bounds, 2, 8)).toBe(true);
    expect(isHappy(bounds, 1, 1)).toBe(false);
    expect(isHappy(bounds, 0, 0)).toBe(false);
    expect(isHappy(bounds, 3, 3)).toBe(true);
  });

  it("threshold 30 %: asks for ⌈0.3 · occupied⌉ same-colour neighbours, exactly", () => {
    const bounds = happinessBounds(
      { rule: "threshold", minSame: 0, wanted: 0.3, maxShare: null },
      24,
    );
    // 0.3 · 10 is 3.0000000000000004 in floating point; the table still asks for 3.
    expect([...bounds.least.slice(0, 11)]).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
    expect(isHappy(bounds, 3, 10)).toBe(true);
    expect(isHappy(bounds, 2, 7)).toBe(false);
  });

  it("threshold: an agent with no neighbours is happy (as in NetLogo: 0 ≥ 0.3 · 0)", () => {
    const bounds = happinessBounds(
      { rule: "threshold", minSame: 0, wanted: 0.3, maxShare: null },
      8,
    );
    expect(isHappy(bounds, 0, 0)).toBe(true);
  });

  it("an upper threshold makes agents unhappy when too similar", () => {
    const bounds = happinessBounds(
      { rule: "threshold", minSame: 0, wanted: 1 / 3, maxShare: 0.9 },
      8,
    );
    expect(isHappy(bounds, 8, 8)).toBe(false);
    expect(isHappy(bounds, 7, 8)).toBe(true);
    expect(isHappy(bounds, 2, 8)).toBe(false);
    expect(isHappy(bounds, 3, 8)).toBe(true);
  });
});
