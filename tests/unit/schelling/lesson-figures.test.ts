import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHELLING_FIGURES } from "../../../scripts/assets/schelling";
import { figureText, schellingFigures } from "@/widgets/Schelling/figures";

describe("lesson 06's figures (public/generated/precomputed/schelling.json)", () => {
  it("the shipped file is what the simulator computes now", () => {
    expect(existsSync(SCHELLING_FIGURES)).toBe(true);
    const shipped: unknown = JSON.parse(readFileSync(SCHELLING_FIGURES, "utf8"));
    expect(shipped).toEqual(schellingFigures());
  });

  it("every run settled, and the lesson writes the means as percentages", () => {
    const figures = schellingFigures();
    for (const wanted of [30, 50] as const) {
      expect(figures.runs[wanted].unsettled).toBe(0);
      expect(figureText(figures, wanted, "mean")).toBe(
        `${(100 * figures.runs[wanted].mean).toFixed(1)} %`,
      );
    }
    expect(figureText(figures, 30, "agents")).toBe("2,000");
  });

  it("the lesson quotes the figures through SchellingFigure, not typed in", () => {
    const lesson = readFileSync("content/lessons/06-agent-based-models/index.mdx", "utf8");
    expect(lesson).toContain('<SchellingFigure stat="mean" />');
    expect(lesson).toContain('<SchellingFigure stat="mean" wanted={50} />');
    expect(lesson).not.toMatch(/average of about \d/);
  });
});
