import { describe, expect, it } from "vitest";
import { fromFloat16Bits, toFloat16Bits } from "@/lib/embeddings/index";

describe("toFloat16Bits(value) / fromFloat16Bits(bits)", () => {
  it.each([
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff],
    [0.1, 0x2e66],
    [2 ** -24, 0x0001],
    [2 ** -14, 0x0400],
    [0, 0x0000],
    [1e6, 0x7c00],
  ])("%f is 0x%s in binary16 (the published bit patterns)", (value, bits) => {
    expect(toFloat16Bits(value)).toBe(bits);
  });

  it("rounds to the nearest half, ties to even", () => {
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties go to the even mantissa (1).
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toFloat16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
  });

  it("round-trips every finite pattern and keeps values within half an ulp", () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      expect(toFloat16Bits(fromFloat16Bits(bits)) === bits || bits === 0x8000).toBe(true);
    }
    for (let i = 0; i < 1000; i++) {
      const v = Math.sin(i * 12.9898) * 0.3;
      expect(Math.abs(fromFloat16Bits(toFloat16Bits(v)) - v)).toBeLessThanOrEqual(
        Math.max(Math.abs(v) * 2 ** -11, 2 ** -25),
      );
    }
  });
});
