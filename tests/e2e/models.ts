import type { LanguageModel } from "../../src/lib/lm/index";
import { loadLanguageModelFromDisk } from "../../src/lib/lm/node";

const models = new Map<string, Promise<LanguageModel>>();

/** One of our models in Node, from the files the widgets download; loaded once per test file. */
export function nodeModel(id: string): Promise<LanguageModel> {
  let model = models.get(id);
  if (!model) {
    model = loadLanguageModelFromDisk({ model: id, localModelPath: "public/generated/models/" });
    models.set(id, model);
  }
  return model;
}
