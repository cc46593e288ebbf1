/** The bundled image set read in Node: sharp decodes each PNG to the pixels a browser's canvas gives. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { BUNDLED_IMAGES, parseCSV } from "../../src/lib/labeling";
import type { Pixels } from "../../src/lib/vision/index";

export interface BundledImage {
  id: string;
  label: string;
  /** The emoji's CLDR name (the set's caption). */
  name: string;
  file: string;
}

export function bundledImages(): BundledImage[] {
  const csv = join("public", BUNDLED_IMAGES.emoji.url);
  const { columns } = BUNDLED_IMAGES.emoji;
  return parseCSV(readFileSync(csv, "utf8")).rows.map((row) => ({
    id: row[columns.id] ?? "",
    label: row[columns.gold] ?? "",
    name: row[columns.name] ?? "",
    file: join(dirname(csv), row[columns.image] ?? ""),
  }));
}

export async function decodeFile(file: string): Promise<Pixels> {
  const { data, info } = await sharp(readFileSync(file))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 4, data: new Uint8Array(data) };
}
