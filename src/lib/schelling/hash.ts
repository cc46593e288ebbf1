/**
 * A short fingerprint of a grid (32-bit FNV-1a over its size and cells, as 8
 * hex digits), to check that two runs, say one in Node and one in a browser,
 * ended on exactly the same grid.
 */
export function hashGrid(cells: Uint8Array, width: number, height: number): string {
  let hash = 0x811c9dc5;
  const mix = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const side of [width, height]) {
    for (let shift = 0; shift < 32; shift += 8) mix((side >>> shift) & 0xff);
  }
  for (const cell of cells) mix(cell);
  return (hash >>> 0).toString(16).padStart(8, "0");
}
