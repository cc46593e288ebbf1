/**
 * Asset step "icons": the PNG icons the web app manifest names
 * (public/manifest.webmanifest), drawn from the site's SVG favicon, so the
 * course can be installed. A "maskable" icon gets a safe margin on the brand colour.
 */
import { mkdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import type { AssetStep } from "./types";

const SOURCE = "public/favicon.svg";
const OUT = "public/generated/icons";
const BRAND = "#0b5cad";

export const step: AssetStep = {
  name: "icons",
  outputs: [`${OUT}/icon-192.png`, `${OUT}/icon-512.png`, `${OUT}/maskable-512.png`],
  inputs: ["scripts/assets/icons.ts", SOURCE],
  async build() {
    mkdirSync(OUT, { recursive: true });
    const svg = readFileSync(SOURCE);
    for (const size of [192, 512])
      await sharp(svg, { density: (72 * size) / 32 })
        .resize(size, size)
        .png()
        .toFile(`${OUT}/icon-${String(size)}.png`);
    // Maskable: the artwork inside the central 80 % circle.
    const inner = Math.round(512 * 0.7);
    const art = await sharp(svg, { density: (72 * inner) / 32 })
      .resize(inner, inner)
      .png()
      .toBuffer();
    await sharp({ create: { width: 512, height: 512, channels: 4, background: BRAND } })
      .composite([{ input: art, gravity: "centre" }])
      .png()
      .toFile(`${OUT}/maskable-512.png`);
  },
};
