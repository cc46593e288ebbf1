import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LanguageModel } from "@/lib/lm/index";
import { loadLanguageModelFromDisk } from "@/lib/lm/node";

export const MODELS_DIR = fileURLToPath(
  new URL("../../../public/generated/models/", import.meta.url),
);
export const LM_DATA = fileURLToPath(new URL("../../../data/lm/", import.meta.url));

const cache = new Map<string, Promise<LanguageModel>>();

/** One of our models, loaded once per test file. */
export function testModel(model: string): Promise<LanguageModel> {
  let entry = cache.get(model);
  if (!entry) {
    entry = loadLanguageModelFromDisk({ model, localModelPath: MODELS_DIR });
    cache.set(model, entry);
  }
  return entry;
}

export function lmData(file: string): unknown {
  return JSON.parse(readFileSync(`${LM_DATA}${file}`, "utf8"));
}
