import { readFileSync } from "node:fs";
import { join } from "node:path";
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { exposeAttention, scanAttention } from "@/lib/encoder/onnx-attention";
import { MODELS_DIR } from "./load";
import { stripAttentionOutputs } from "./onnx-fixtures";

const { onnx } = onnxProto;

/** A model whose attention is one fused operator, as ONNX Runtime's optimiser writes it. */
function fusedModel(): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [
      { domain: "", version: 17 },
      { domain: "com.microsoft", version: 1 },
    ],
    graph: {
      name: "fused",
      node: [
        { opType: "Attention", domain: "com.microsoft", input: ["x", "w", "b"], output: ["y"] },
      ],
      input: [{ name: "x" }],
      output: [{ name: "y" }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

let original: Uint8Array;
let stripped: Uint8Array;

beforeAll(() => {
  original = readFileSync(join(MODELS_DIR, "use-lite", "onnx", "model.onnx"));
  stripped = stripAttentionOutputs(original);
});

async function run(bytes: Uint8Array): Promise<ort.InferenceSession.OnnxValueMapType> {
  const session = await ort.InferenceSession.create(bytes);
  const ids = BigInt64Array.from([1035n, 609n, 10n, 9n, 1191n]);
  const dims = [1, 5];
  return session.run({
    input_ids: new ort.Tensor("int64", ids, dims),
    attention_mask: new ort.Tensor("int64", new BigInt64Array(5).fill(1n), dims),
  });
}

describe("scanAttention", () => {
  it("finds the two softmax outputs of a model without attention outputs", () => {
    const scan = scanAttention(stripped);
    expect(scan.softmaxOutputs).toHaveLength(2);
    expect(scan.hasAttentionOutputs).toBe(false);
    expect(scan.fusedAttentionOps).toEqual([]);
  });

  it("reports fused attention operators", () => {
    expect(scanAttention(fusedModel())).toEqual({
      softmaxOutputs: [],
      fusedAttentionOps: ["Attention"],
      hasAttentionOutputs: false,
    });
  });
});

describe("exposeAttention", () => {
  it("restores attention outputs equal to the ones the converter exposed", async () => {
    const patched = exposeAttention(stripped);
    const [want, got] = await Promise.all([run(original), run(patched)]);
    for (const name of ["attention_0", "attention_1"]) {
      expect(got[name]?.dims).toEqual(want[name]?.dims);
      expect([...(got[name]?.data as Float32Array)]).toEqual([
        ...(want[name]?.data as Float32Array),
      ]);
    }
    expect(Object.keys(await run(stripped))).not.toContain("attention_0");
  });

  it("leaves a model that already has attention outputs, or has fused attention, unchanged", () => {
    expect(exposeAttention(original)).toBe(original);
    const fused = fusedModel();
    expect(exposeAttention(fused)).toBe(fused);
  });
});
