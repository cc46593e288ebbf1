/**
 * The bundled image set for lesson 07 (public/generated/labeling/emoji/):
 * 160 emoji drawn as 96 × 96 opaque PNGs, 40 of each of four kinds, and
 * emoji.csv with columns id, image, label, name.
 *
 * - Labels: the emoji's subgroups in Unicode's emoji list (CLDR), as
 *   emojibase-data gives them, joined into four kinds: "face" (face-smiling …
 *   face-negative, not costumes, hats or glasses), "animal" (animal-mammal,
 *   -bird, -amphibian, -reptile, -marine, -bug), "food" (food-fruit,
 *   -vegetable, -prepared, -asian, -sweet) and "vehicle" (transport-ground,
 *   -water, -air). Unicode's emoji subcommittee assigned every subgroup: human
 *   labels, sometimes arguable (a bicycle and a fuel pump are both
 *   transport-ground).
 * - Images: Twemoji's SVGs (@twemoji/svg), drawn by sharp at 96 × 96 over
 *   white (opaque PNG: the browser and Node decode the same pixels).
 * - Choice: of each kind's emoji with a Twemoji file (skin-tone variants are
 *   not listed), 40 drawn by a seeded Fisher–Yates (xoroshiro128+, seed 21 +
 *   the kind's index); then the 160 rows are shuffled with seed 25. Same
 *   packages, same seeds: the same files.
 *
 * Licences: Twemoji graphics CC-BY 4.0 (© Twitter, Inc. and other
 * contributors; @twemoji/svg is MIT); emojibase-data MIT (data from Unicode,
 * under the Unicode licence).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import sharp from "sharp";
import { shuffleRows } from "../corpora/sentences";
import type { AssetStep } from "./types";

const require = createRequire(import.meta.url);

export const IMAGE_DIR = "public/generated/labeling/emoji";
export const IMAGE_CSV = `${IMAGE_DIR}/emoji.csv`;
export const IMAGE_SIZE = 96;
const PER_LABEL = 40;

export const KINDS = [
  {
    label: "face",
    subgroups: [
      "face-smiling",
      "face-affection",
      "face-tongue",
      "face-hand",
      "face-neutral-skeptical",
      "face-sleepy",
      "face-unwell",
      "face-concerned",
      "face-negative",
    ],
  },
  {
    label: "animal",
    subgroups: [
      "animal-mammal",
      "animal-bird",
      "animal-amphibian",
      "animal-reptile",
      "animal-marine",
      "animal-bug",
    ],
  },
  {
    label: "food",
    subgroups: ["food-fruit", "food-vegetable", "food-prepared", "food-asian", "food-sweet"],
  },
  { label: "vehicle", subgroups: ["transport-ground", "transport-water", "transport-air"] },
] as const;

const twemojiDir = (): string => dirname(require.resolve("@twemoji/svg/package.json"));

/** Twemoji's file name: code points in hex, without U+FE0F unless the emoji joins others (U+200D). */
export function twemojiFile(hexcode: string): string {
  const points = hexcode.toLowerCase().split("-");
  const joined = points.includes("200d");
  return `${(joined ? points : points.filter((p) => p !== "fe0f")).join("-")}.svg`;
}

interface Row extends Record<string, string> {
  id: string;
  image: string;
  label: string;
  name: string;
}

export const step: AssetStep = {
  name: "image-data",
  outputs: [IMAGE_CSV],
  inputs: [
    "scripts/assets/image-data.ts",
    "scripts/corpora/sentences.ts",
    join(twemojiDir(), "package.json"),
    require.resolve("emojibase-data/package.json"),
  ],
  async build() {
    const data = require("emojibase-data/en/data.json") as {
      label: string;
      hexcode: string;
      subgroup?: number;
    }[];
    const names = (
      require("emojibase-data/meta/groups.json") as { subgroups: Record<string, string> }
    ).subgroups;
    const rows: (Row & { hexcode: string })[] = [];
    for (const [index, { label, subgroups }] of KINDS.entries()) {
      const listed = data.filter((e) => {
        const subgroup = e.subgroup === undefined ? "" : (names[String(e.subgroup)] ?? "");
        return (subgroups as readonly string[]).includes(subgroup);
      });
      const drawn = listed.filter((e) => existsSync(join(twemojiDir(), twemojiFile(e.hexcode))));
      if (drawn.length < PER_LABEL)
        throw new Error(`only ${drawn.length} Twemoji files for ${label}`);
      for (const e of shuffleRows(drawn, 21 + index).slice(0, PER_LABEL)) {
        const id = e.label
          .replace(/[^a-z0-9]+/gi, "-")
          .replace(/^-|-$/g, "")
          .toLowerCase();
        rows.push({ id, image: `${id}.png`, label, name: e.label, hexcode: e.hexcode });
      }
    }
    if (new Set(rows.map((r) => r.id)).size !== rows.length)
      throw new Error("two emoji share an id");
    rmSync(IMAGE_DIR, { recursive: true, force: true });
    mkdirSync(IMAGE_DIR, { recursive: true });
    for (const row of rows) {
      const svg = readFileSync(join(twemojiDir(), twemojiFile(row.hexcode)));
      const png = await sharp(svg, { density: 300 })
        .resize(IMAGE_SIZE, IMAGE_SIZE)
        .flatten({ background: "#ffffff" })
        .png({ compressionLevel: 9 })
        .toBuffer();
      writeFileSync(join(IMAGE_DIR, row.image), png);
    }
    const table = rows.map(({ hexcode: _, ...row }) => row);
    writeFileSync(IMAGE_CSV, `${Papa.unparse(shuffleRows(table, 25), { newline: "\n" })}\n`);
  },
};
