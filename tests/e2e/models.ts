import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type { LanguageModel } from "../../src/lib/lm/index";
import { loadLanguageModelFromDisk } from "../../src/lib/lm/node";
import { stripAttentionOutputs } from "../unit/encoder/onnx-fixtures";

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

/**
 * Plays the Hugging Face hub for `repo` (e.g. "test/use-lite-plain"): serves
 * our USE-lite without its attention outputs, so the hub adapter must patch
 * the graph as it does for a real hub model. Returns the hub URLs requested.
 */
export async function routeUseLiteAsHub(page: Page, repo: string): Promise<string[]> {
  const local = join("public/generated/models", "use-lite");
  const files: Record<string, Buffer | Uint8Array> = {
    "config.json": readFileSync(join(local, "config.json")),
    "tokenizer.json": readFileSync(join(local, "tokenizer.json")),
    "tokenizer_config.json": readFileSync(join(local, "tokenizer_config.json")),
    "onnx/model.onnx": stripAttentionOutputs(readFileSync(join(local, "onnx", "model.onnx"))),
  };
  const requests: string[] = [];
  const prefix = `/${repo}/resolve/`;
  await page.context().route("https://huggingface.co/**", async (route) => {
    const url = route.request().url();
    requests.push(url);
    const path = new URL(url).pathname;
    const file = path.startsWith(prefix) ? path.slice(prefix.length).replace(/^[^/]+\//, "") : "";
    const body = files[file];
    if (!body) await route.fulfill({ status: 404, body: "not found" });
    else await route.fulfill({ status: 200, body: Buffer.from(body) });
  });
  return requests;
}
