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

/**
 * The steps in build order: by name, except that a step whose inputs include
 * another step's outputs runs after it (the polysemy benchmark reads the models).
 */
export function buildOrder(steps: readonly (AssetStep & { id: string })[]): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (step: AssetStep & { id: string }): void => {
    if (order.includes(step.id)) return;
    if (visiting.has(step.id)) throw new Error(`asset steps depend on each other: ${step.id}`);
    visiting.add(step.id);
    for (const other of steps)
      if (other !== step && other.outputs.some((out) => step.inputs.includes(out))) visit(other);
    visiting.delete(step.id);
    order.push(step.id);
  };
  [...steps].sort((a, b) => a.id.localeCompare(b.id)).forEach(visit);
  return order;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const names = args.filter((a) => !a.startsWith("--"));
  const unknown = names.filter((n) => !(n in STEPS));
  if (unknown.length > 0) throw new Error(`unknown asset step: ${unknown.join(", ")}`);
  const loaded = await Promise.all(
    Object.entries(STEPS).map(async ([id, load]) => ({ ...(await load()).step, id })),
  );
  for (const name of buildOrder(loaded)) {
    if (names.length > 0 && !names.includes(name)) continue;
    const step = loaded.find((s) => s.id === name) as AssetStep;
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
