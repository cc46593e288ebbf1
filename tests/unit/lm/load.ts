import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ModelDtype } from "@/lib/encoder/index";
import type { LanguageModel } from "@/lib/lm/index";
import { loadLanguageModelFromDisk } from "@/lib/lm/node";

export const MODELS_DIR = fileURLToPath(
  new URL("../../../public/generated/models/", import.meta.url),
);
export const LM_DATA = fileURLToPath(new URL("../../../data/lm/", import.meta.url));

const cache = new Map<string, Promise<LanguageModel>>();

/** One of our models as the site serves it (int8 weights) or in fp32; loaded once per test file. */
export function testModel(model: string, dtype: ModelDtype = "q8"): Promise<LanguageModel> {
  const key = `${model} ${dtype}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = loadLanguageModelFromDisk({ model, localModelPath: MODELS_DIR, dtype });
    cache.set(key, entry);
  }
  return entry;
}

export function lmData(file: string): unknown {
  return JSON.parse(readFileSync(`${LM_DATA}${file}`, "utf8"));
}
