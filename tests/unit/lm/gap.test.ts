import { describe, expect, it } from "vitest";
import { splitAtGap } from "@/lib/lm/index";

describe("splitAtGap", () => {
  it("splits at [MASK] or ___ and writes the masked sentence", () => {
    expect(splitAtGap("John wants his bank to [MASK] the check.")).toEqual({
      before: "John wants his bank to",
      after: " the check.",
      masked: "John wants his bank to [MASK] the check.",
    });
    expect(splitAtGap("I ___ this song").masked).toBe("I [MASK] this song");
  });

  it("refuses no blank, two blanks and a blank with nothing before it", () => {
    expect(() => splitAtGap("no blank here")).toThrow(/Write \[MASK\]/);
    expect(() => splitAtGap("a [MASK] b ___ c")).toThrow("Use one blank only (found 2).");
    expect(() => splitAtGap("[MASK] is here")).toThrow(/at least one word before the blank/);
  });
});
