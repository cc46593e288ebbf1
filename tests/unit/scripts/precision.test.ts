import { describe, expect, it } from "vitest";
import { pagePrecision } from "@/scripts/precision";

describe("pagePrecision", () => {
  it.each([
    ["?precision=fp32", "fp32"],
    ["?ctx.layer=2&precision=FP32", "fp32"],
    ["?precision=q8", "q8"],
    ["?precision=fp16", undefined],
    ["?ctx.precision=fp32", undefined],
    ["", undefined],
  ])("reads %j as %s", (search, dtype) => {
    expect(pagePrecision(search)).toBe(dtype);
  });
});
