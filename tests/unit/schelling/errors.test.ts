import { describe, expect, it } from "vitest";
import { SchellingError, createSchelling } from "@/lib/schelling/index";

describe("SchellingError", () => {
  it("is an Error named SchellingError", () => {
    const error = new SchellingError("bad");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SchellingError");
    expect(error.message).toBe("bad");
  });

  it("is what createSchelling throws on bad input", () => {
    expect(() => createSchelling({ width: 0, height: 5, seed: 1 })).toThrow(SchellingError);
  });
});
