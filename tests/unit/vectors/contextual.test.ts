import { describe, expect, it } from "vitest";
import { contextualVector, type HiddenStates } from "@/lib/vectors/index";

/** Layer l, token t, component j holds 100·l + 10·t + j. */
function layer(l: number, seq = 4, dim = 3): HiddenStates {
  const data = Float32Array.from(
    { length: seq * dim },
    (_, i) => 100 * l + 10 * Math.floor(i / dim) + (i % dim),
  );
  return { data, seq, dim };
}
const layers = [layer(0), layer(1), layer(2)];

describe("contextualVector(layers, span, layer)", () => {
  it("is the mean of the span's token vectors at the chosen layer", () => {
    expect(Array.from(contextualVector(layers, { start: 1, end: 3 }, 1))).toEqual([115, 116, 117]);
  });

  it("is the token's own vector for a one-token span", () => {
    expect(Array.from(contextualVector(layers, { start: 3, end: 4 }, 0))).toEqual([30, 31, 32]);
  });

  it("counts a negative layer from the end", () => {
    expect(contextualVector(layers, { start: 0, end: 2 }, -1)).toEqual(
      contextualVector(layers, { start: 0, end: 2 }, 2),
    );
  });

  it("rejects a missing layer, an empty or out-of-range span and ragged data", () => {
    expect(() => contextualVector(layers, { start: 0, end: 1 }, 3)).toThrow(
      /layer 3 does not exist: there are 3 layers/,
    );
    expect(() => contextualVector(layers, { start: 2, end: 2 }, 0)).toThrow(/token span 2…2/);
    expect(() => contextualVector(layers, { start: 3, end: 5 }, 0)).toThrow(/within 0…4/);
    const ragged = { data: new Float32Array(5), seq: 2, dim: 3 };
    expect(() => contextualVector([ragged], { start: 0, end: 1 }, 0)).toThrow(/not seq × dim = 6/);
  });
});
