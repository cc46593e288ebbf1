import { describe, expect, it } from "vitest";
import { parseLabelLines } from "@/lib/labeling/task";
import { guessColumn } from "@/widgets/LabelingSandbox/datasets";

describe("parseLabelLines", () => {
  it("splits name: description at the first colon, skips blank lines, allows a bare name", () => {
    expect(parseLabelLines(" yes: about politics: laws, votes \n\n no \nmaybe:")).toEqual([
      { name: "yes", description: "about politics: laws, votes" },
      { name: "no", description: "" },
      { name: "maybe", description: "" },
    ]);
  });
  it("gives nothing for empty text (the task check then asks for two labels)", () => {
    expect(parseLabelLines("  \n ")).toEqual([]);
  });
});

describe("guessColumn", () => {
  it("picks the first matching column, else the fallback", () => {
    expect(guessColumn(["ID", "Tweet", "Label"], /^(text|tweet)$/i, "ID")).toBe("Tweet");
    expect(guessColumn(["a", "b"], /^label$/i, "")).toBe("");
  });
});
