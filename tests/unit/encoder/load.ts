import { fileURLToPath } from "node:url";
import { loadEncoder, type Encoder, type ModelDtype } from "@/lib/encoder/index";

export const MODELS_DIR = fileURLToPath(
  new URL("../../../public/generated/models/", import.meta.url),
);

const encoders = new Map<ModelDtype, Promise<Encoder>>();

/** The offline encoder as the site serves it (int8 weights), or its fp32 original; loaded once per test file. */
export function testEncoder(dtype: ModelDtype = "q8"): Promise<Encoder> {
  let encoder = encoders.get(dtype);
  if (!encoder) {
    encoder = loadEncoder({ localModelPath: MODELS_DIR, dtype });
    encoders.set(dtype, encoder);
  }
  return encoder;
}
