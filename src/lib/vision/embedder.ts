/**
 * The offline image embedder: MobileNetV2's 576-d mid-level features (block
 * 13, averaged over the image; the model the `vision-model` asset step
 * converts from nsfwjs), run by transformers.js's
 * ONNX runtime, in Node or a Worker. Images go in as pixels (preprocess.ts);
 * embeddings come out as Float32Arrays, L2-normalised on request.
 */
import { AutoModel, env, Tensor } from "@huggingface/transformers";
import { configureTransformersEnv } from "../runtime/index";
import { INPUT_SIZE, modelInput, type Pixels } from "./preprocess";

export const VISION_MODEL = "mobilenet-v2";
export const EMBEDDING_SIZE = 576;
/** Images per model run: large enough to amortise a run, small enough for a phone's memory. */
export const BATCH = 8;

export interface VisionLoadOptions {
  /** Folder (Node) or URL path (browser) that holds `mobilenet-v2/`. */
  localModelPath: string;
  /** Browser: the served onnxruntime-web files. */
  wasmPaths?: { mjs: string; wasm: string };
  onProgress?: (file: string, fraction: number | null) => void;
}

export interface ImageEmbedder {
  /** One embedding per image, in order. */
  embed(images: readonly Pixels[], options?: { normalize?: boolean }): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

const noCache = {
  match: () => Promise.resolve(undefined),
  put: () => Promise.resolve(),
};

export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return v;
}

export async function loadImageEmbedder(options: VisionLoadOptions): Promise<ImageEmbedder> {
  configureTransformersEnv(env, {
    localModelPath: options.localModelPath,
    allowRemote: false,
    wasmPaths: options.wasmPaths,
    cache: noCache,
  });
  const model = await AutoModel.from_pretrained(VISION_MODEL, {
    dtype: "fp32",
    local_files_only: true,
    progress_callback: (info: { status: string; file?: string; progress?: number }) => {
      if (info.status === "progress" || info.status === "done")
        options.onProgress?.(
          info.file ?? "",
          typeof info.progress === "number"
            ? info.progress / 100
            : info.status === "done"
              ? 1
              : null,
        );
    },
  });
  return {
    async embed(images, { normalize = false } = {}) {
      const out: Float32Array[] = [];
      for (let start = 0; start < images.length; start += BATCH) {
        const batch = images.slice(start, start + BATCH);
        const input = new Tensor("float32", modelInput(batch), [
          batch.length,
          INPUT_SIZE,
          INPUT_SIZE,
          3,
        ]);
        const result = (await model({ pixel_values: input })) as Record<string, Tensor>;
        const data = result["embedding"]?.data;
        if (!(data instanceof Float32Array)) throw new Error("the vision model gave no embedding");
        for (let i = 0; i < batch.length; i++) {
          const v = data.slice(i * EMBEDDING_SIZE, (i + 1) * EMBEDDING_SIZE);
          out.push(normalize ? l2normalize(v) : v);
        }
      }
      return out;
    },
    async dispose() {
      await model.dispose();
    },
  };
}
