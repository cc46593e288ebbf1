/**
 * Maps a line of the transpiled cell back to the line the learner wrote,
 * from the source map TypeScript emits (base64 VLQ "mappings").
 */
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one VLQ segment into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad VLQ digit "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * For each generated line (0-based), the original line (0-based) of its first
 * mapped segment, or null for a line with no mapping.
 */
export function lineMap(mappings: string): (number | null)[] {
  const lines: (number | null)[] = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    let first: number | null = null;
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const fields = decodeVlq(segment);
      if (fields.length >= 4) {
        source += fields[2] ?? 0;
        first ??= source;
      }
    }
    lines.push(first);
  }
  return lines;
}

/** The original 1-based line for a generated 1-based line (nearest mapped line above it). */
export function originalLine(map: readonly (number | null)[], generated: number): number | null {
  for (let i = Math.min(generated - 1, map.length - 1); i >= 0; i--) {
    const hit = map[i];
    if (hit !== undefined && hit !== null) return hit + 1;
  }
  return null;
}
