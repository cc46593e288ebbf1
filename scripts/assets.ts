/**
 * Builds the offline assets (models, vectors, corpora) that are missing or
 * older than their inputs. Runs before dev, build and the unit tests:
 * `tsx scripts/assets.ts [--force] [name …]`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AssetStep } from "./assets/types";

/** Every scripts/assets/<name>.ts that exports `step` (types.ts excepted), by name. */
const dir = fileURLToPath(new URL("./assets/", import.meta.url));
const STEPS: Record<string, () => Promise<{ step: AssetStep }>> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .sort()
    .map((f) => [
      f.replace(/\.ts$/, ""),
      () => import(pathToFileURL(`${dir}${f}`).href) as Promise<{ step: AssetStep }>,
    ]),
);

function mtime(path: string): number {
  return statSync(path).mtimeMs;
}

/** Why a step must run, or null when its outputs are fresh. */
export function staleness(step: AssetStep): string | null {
  const missing = step.outputs.find((out) => !existsSync(out));
  if (missing) return `${missing} is missing`;
  const oldest = Math.min(...step.outputs.map(mtime));
  const newer = step.inputs.find((input) => existsSync(input) && mtime(input) > oldest);
  return newer ? `${newer} changed` : null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const names = args.filter((a) => !a.startsWith("--"));
  const unknown = names.filter((n) => !(n in STEPS));
  if (unknown.length > 0) throw new Error(`unknown asset step: ${unknown.join(", ")}`);
  for (const [name, load] of Object.entries(STEPS)) {
    if (names.length > 0 && !names.includes(name)) continue;
    const { step } = await load();
    const reason = force ? "--force" : staleness(step);
    if (!reason) {
      console.log(`assets: ${name} is up to date`);
      continue;
    }
    const start = performance.now();
    console.log(`assets: building ${name} (${reason})`);
    await step.build();
    console.log(`assets: ${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}

await main();
