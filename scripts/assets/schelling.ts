/**
 * Asset step "schelling": the figures lesson 06 quotes about NetLogo's
 * Segregation model, computed by this site's simulator (src/lib/schelling) so
 * that the prose never types them in: the mean % similar at the start and at
 * the end of 20 seeded runs of NetLogo's default set-up (NETLOGO_SETUP) at
 * wanted shares of 30 % and 50 %, with the spread across seeds.
 * Output: public/generated/precomputed/schelling.json (a SchellingFigures).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { schellingFigures } from "../../src/widgets/Schelling/figures";
import type { AssetStep } from "./types";

export const SCHELLING_FIGURES = "public/generated/precomputed/schelling.json";

export const step: AssetStep = {
  name: "schelling",
  outputs: [SCHELLING_FIGURES],
  inputs: [
    "scripts/assets/schelling.ts",
    "src/widgets/Schelling/figures.ts",
    "node_modules/pure-rand/package.json",
    ...readdirSync("src/lib/schelling")
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `src/lib/schelling/${f}`),
  ],
  build() {
    mkdirSync("public/generated/precomputed", { recursive: true });
    writeFileSync(SCHELLING_FIGURES, `${JSON.stringify(schellingFigures(), null, 1)}\n`);
    return Promise.resolve();
  },
};
