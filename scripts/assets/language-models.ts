/**
 * Asset step "language-models": serves the course's own GPT, its training
 * checkpoints and the masked LM (committed in data/lm/ by
 * scripts/train/export.py) in the layout transformers.js loads:
 * public/generated/models/<id>/{config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx, lens.bin, training.json}, with
 * <id> = gpt, mlm, gpt-step-<n>.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TrainingRecord } from "../../src/lib/lm/index";
import type { AssetStep } from "./types";

export const LM_DATA = "data/lm";
export const OUT = "public/generated/models";

type Checkpoint = TrainingRecord["checkpoints"][number];

/** The GPT's training checkpoints served beside the final model (gpt-step-<n>). */
export function checkpoints(): (Checkpoint & { id: string; path: string })[] {
  const record = JSON.parse(
    readFileSync(join(LM_DATA, "gpt/training.json"), "utf8"),
  ) as TrainingRecord;
  return record.checkpoints
    .filter((c) => c.file !== "model.onnx")
    .map((c) => ({ ...c, id: `gpt-step-${c.step}`, path: join(LM_DATA, "gpt", c.file) }));
}

function serve(
  id: string,
  source: string,
  onnx: string,
  extras: string[],
  checkpoint?: Checkpoint,
): void {
  const dir = join(OUT, id);
  mkdirSync(join(dir, "onnx"), { recursive: true });
  for (const file of ["tokenizer.json", "tokenizer_config.json"])
    copyFileSync(join(LM_DATA, file), join(dir, file));
  const config = JSON.parse(readFileSync(join(source, "config.json"), "utf8")) as {
    llm_lab: Record<string, unknown>;
  };
  if (checkpoint) {
    const { step: steps, tokens, valid_loss } = checkpoint;
    config.llm_lab = { ...config.llm_lab, steps, tokens, valid_loss, checkpoint: true };
  }
  writeFileSync(join(dir, "config.json"), JSON.stringify(config, null, 1));
  // transformers.js asks a decoder for its generation defaults.
  const ids = config as unknown as Record<string, number>;
  const generation = {
    bos_token_id: ids["bos_token_id"],
    eos_token_id: ids["eos_token_id"],
    pad_token_id: ids["pad_token_id"],
  };
  writeFileSync(join(dir, "generation_config.json"), JSON.stringify(generation, null, 1));
  copyFileSync(onnx, join(dir, "onnx", "model.onnx"));
  for (const file of extras) copyFileSync(join(source, file), join(dir, file));
}

const inputs = [
  "scripts/assets/language-models.ts",
  ...["tokenizer.json", "tokenizer_config.json"].map((f) => join(LM_DATA, f)),
  ...["gpt", "mlm"].flatMap((m) =>
    ["config.json", "model.onnx", "lens.bin", "training.json"].map((f) => join(LM_DATA, m, f)),
  ),
];

export const step: AssetStep = {
  name: "language-models",
  outputs: ["gpt", "mlm"].map((m) => join(OUT, m, "onnx", "model.onnx")),
  inputs,
  build() {
    if (!existsSync(join(LM_DATA, "gpt", "model.onnx")))
      throw new Error(`${LM_DATA}/gpt/model.onnx is missing (see scripts/train/README.md)`);
    for (const model of ["gpt", "mlm"]) {
      const source = join(LM_DATA, model);
      serve(model, source, join(source, "model.onnx"), ["lens.bin", "training.json"]);
    }
    for (const c of checkpoints()) serve(c.id, join(LM_DATA, "gpt"), c.path, [], c);
    console.log(`assets: gpt, mlm and ${checkpoints().length} GPT checkpoints → ${OUT}/`);
    return Promise.resolve();
  },
};
