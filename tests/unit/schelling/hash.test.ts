import { describe, expect, it } from "vitest";
import { hashGrid } from "@/lib/schelling/index";

/** FNV-1a, 32 bit, written independently with BigInt arithmetic. */
function referenceFnv1a(bytes: number[]): string {
  let hash = 0x811c9dc5n;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x01000193n) % 0x1_0000_0000n;
  }
  return hash.toString(16).padStart(8, "0");
}

const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

describe("hashGrid(cells, width, height)", () => {
  it("is FNV-1a over the width, the height (4 bytes each, little-endian) and the cells", () => {
    const cells = Uint8Array.from([0, 1, 2, 1, 0, 2]);
    expect(hashGrid(cells, 3, 2)).toBe(referenceFnv1a([...le32(3), ...le32(2), ...cells]));
    const big = Uint8Array.from({ length: 1000 }, (_, i) => i % 3);
    expect(hashGrid(big, 1000, 1)).toBe(referenceFnv1a([...le32(1000), ...le32(1), ...big]));
  });

  it("changes when one cell or the shape changes", () => {
    const cells = Uint8Array.from([0, 1, 2, 1, 0, 2]);
    const other = Uint8Array.from([0, 1, 2, 1, 2, 0]);
    expect(hashGrid(cells, 3, 2)).not.toBe(hashGrid(other, 3, 2));
    expect(hashGrid(cells, 3, 2)).not.toBe(hashGrid(cells, 2, 3));
  });

  it("is 8 hex digits", () => {
    expect(hashGrid(new Uint8Array(4), 2, 2)).toMatch(/^[0-9a-f]{8}$/);
  });
});
