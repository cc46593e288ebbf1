import { describe, expect, it } from "vitest";
import { folderOrderProblem, lessonSchema } from "@/schemas/lesson";

const valid = {
  title: "Word embeddings",
  summary: "Each word is a vector; similar words point in similar directions.",
  order: 1,
  slides: ["Recap of Day 3 - word embeddings"],
  objectives: ["Explain what a word vector is"],
  minutes: 20,
};

describe("lessonSchema", () => {
  it("accepts a minimal lesson and fills defaults", () => {
    const parsed = lessonSchema.parse(valid);
    expect(parsed.widgets).toEqual([]);
    expect(parsed.references).toEqual([]);
    expect(parsed.draft).toBe(false);
  });

  it("accepts widgets and references", () => {
    const parsed = lessonSchema.parse({
      ...valid,
      widgets: [{ name: "WordVectors", planned: true }],
      references: [
        {
          authors: "Peters, M. E., et al.",
          year: 2018,
          title: "Deep contextualized word representations",
          url: "https://doi.org/10.18653/v1/N18-1202",
        },
      ],
    });
    expect(parsed.widgets[0]).toEqual({ name: "WordVectors", planned: true });
  });

  describe.each([
    ["missing title", { title: undefined }, "title"],
    ["title too short", { title: "AI" }, "title"],
    ["summary too short", { summary: "Short." }, "summary"],
    ["order as a string", { order: "1" }, "order"],
    ["order zero", { order: 0 }, "order"],
    ["fractional minutes", { minutes: 12.5 }, "minutes"],
    ["no slides", { slides: [] }, "slides"],
    ["empty objective", { objectives: [""] }, "objectives.0"],
    ["unknown key", { author: "someone" }, ""],
    ["widget name not PascalCase", { widgets: [{ name: "word-vectors" }] }, "widgets.0.name"],
    ["reference without year", { references: [{ authors: "A", title: "T" }] }, "references.0.year"],
    [
      "reference with a bad url",
      { references: [{ authors: "A", year: 2020, title: "T", url: "not a url" }] },
      "references.0.url",
    ],
  ])("rejects %s", (_name, patch, path) => {
    it(`reports the field "${path || "(object)"}"`, () => {
      const result = lessonSchema.safeParse({ ...valid, ...patch });
      expect(result.success).toBe(false);
      const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
      expect(paths).toContain(path);
    });
  });

  it("names the unknown key in the message", () => {
    const result = lessonSchema.safeParse({ ...valid, author: "someone" });
    expect(result.error?.issues[0]?.message).toMatch(/author/);
  });
});

describe("folderOrderProblem", () => {
  it.each([
    ["01-word-embeddings", 1, null],
    ["07-labeling-with-llms", 7, null],
  ])("accepts %s with order %i", (folder, order, expected) => {
    expect(folderOrderProblem(folder, order)).toBe(expected);
  });

  it.each([
    ["02-contextual", 3, /starts with 02 but order is 3/],
    ["word-embeddings", 1, /must be named NN-slug/],
    ["1-word", 1, /must be named NN-slug/],
    ["01-Word_Embeddings", 1, /must be named NN-slug/],
  ])("rejects %s with order %i", (folder, order, message) => {
    expect(folderOrderProblem(folder, order)).toMatch(message);
  });
});
