import { fileURLToPath } from "node:url";
import { loadEncoder, type Encoder } from "@/lib/encoder/index";

export const MODELS_DIR = fileURLToPath(
  new URL("../../../public/generated/models/", import.meta.url),
);

let encoder: Promise<Encoder> | null = null;

/** The offline encoder, loaded once per test file. */
export function testEncoder(): Promise<Encoder> {
  encoder ??= loadEncoder({ localModelPath: MODELS_DIR });
  return encoder;
}
