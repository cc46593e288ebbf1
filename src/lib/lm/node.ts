/**
 * Loading our models in Node (the CLI, tests, benchmarks): files come from
 * disk. Kept out of index.ts so browser bundles never see node:fs.
 */
import { readFile } from "node:fs/promises";
import { LmError } from "./errors";
import { loadLanguageModel, type LanguageModel, type LoadLmOptions } from "./language-model";

export async function readDiskFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw new LmError(`The model file ${path} is missing: run npm run assets.`);
  }
}

export function loadLanguageModelFromDisk(
  options: Omit<LoadLmOptions, "readFile">,
): Promise<LanguageModel> {
  return loadLanguageModel({ ...options, readFile: readDiskFile });
}
