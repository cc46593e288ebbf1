/** Which weights the site's own models load, and how onnxruntime must run the int8 ones. */

/**
 * "q8" is onnx/model_quantized.onnx (int8 weights, about a quarter of the
 * bytes; the default for the site's own models, built by
 * scripts/assets/quantize.ts), "fp32" is onnx/model.onnx (full precision).
 */
export type ModelDtype = "q8" | "fp32";

/**
 * onnxruntime session options per dtype. Our int8 files are weight-only: a
 * DequantizeLinear feeds each MatMul and activations stay float32. The wasm
 * build (browsers) runs them that way; onnxruntime-node's QDQ fusions would
 * also quantise the activations (logits off by 0.1 from the browser's), so
 * they are switched off to get the browser's numbers in Node too (1e-5).
 */
export function sessionOptions(dtype: ModelDtype): Record<string, unknown> {
  return dtype === "q8" ? { extra: { session: { disable_quant_qdq: "1" } } } : {};
}
