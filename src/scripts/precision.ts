/**
 * The page-wide model precision: `?precision=fp32` loads our models' full
 * precision files (onnx/model.onnx, lens.bin) instead of the int8 default,
 * e.g. to compare a figure with the original. Read once by the page's model
 * workers (encoder-workers.ts, lm-worker.ts); anything else keeps the default.
 */
import type { ModelDtype } from "@/lib/encoder/index";

/** "fp32" when the query asks for it, otherwise undefined (the library's default, "q8"). */
export function pagePrecision(search: string): ModelDtype | undefined {
  const value = new URLSearchParams(search).get("precision")?.trim().toLowerCase();
  return value === "fp32" || value === "q8" ? value : undefined;
}
