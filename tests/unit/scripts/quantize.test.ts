/**
 * scripts/quantize/weights.ts and lens.ts (asset step "quantize"): the int8
 * rule on small tensors, the graph rewrite, its determinism, and the served
 * int8 files run by onnxruntime-web's wasm build (what a browser runs) and by
 * onnxruntime-node (what the tests and scripts run) to the same numbers.
 */
import { readFileSync } from "node:fs";
import onnxProto from "onnx-proto";
import * as ortNode from "onnxruntime-node";
import * as ortWeb from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { sessionOptions } from "@/lib/encoder/index";
import { parseLens, parseQuantizedLens } from "@/lib/lm/index";
import { GraphBuilder, FLOAT } from "../../../scripts/encoder/onnx-builder";
import { quantizeLens } from "../../../scripts/quantize/lens";
import { fromHalf, quantizeInt8, quantizeWeights, toHalf } from "../../../scripts/quantize/weights";

const { onnx } = onnxProto;
const MODELS = "public/generated/models/";

/** A seeded float in [-1, 1). */
function noise(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s / 2 ** 31) * 2 - 1;
  });
}

/** x [2 × 64] → Gather(table) + MatMul(w) + Transpose(v)→MatMul + bias; small bias stays float. */
function tinyModel(opset = 17): Uint8Array {
  const g = new GraphBuilder();
  const ids = g.input("ids", onnx.TensorProto.DataType.INT64, [2]);
  const table = g.constant("table", [100, 64], noise(6400, 1));
  const w = g.constant("w", [64, 96], noise(6144, 2));
  const v = g.constant("v", [80, 96], noise(7680, 3));
  const bias = g.constant("bias", [80], noise(80, 4));
  const x = g.one("Gather", [table, ids]);
  const h = g.one("MatMul", [x, w]);
  const vt = g.one("Transpose", [v], { perm: [1, 0] });
  const y = g.one("Add", [g.one("MatMul", [h, vt]), bias]);
  g.output("y", y, FLOAT, [2, 80]);
  return g.encode({ producer: "test", doc: "", opset, metadata: {} });
}

async function runNode(bytes: Uint8Array, feeds: Record<string, ortNode.Tensor>) {
  const session = await ortNode.InferenceSession.create(bytes);
  return session.run(feeds);
}

describe("quantizeInt8", () => {
  it("scales each channel by its largest |w| / 127 and rounds within half a step", () => {
    const w = Float32Array.from([0.5, -1, 0.25, 2, 0.001, -0.002]); // [2 × 3]
    const rows = quantizeInt8(w, 2, 3, 0);
    expect([...rows.scales]).toEqual([Math.fround(1 / 127), Math.fround(2 / 127)]);
    expect([...rows.q]).toEqual([64, -127, 32, 127, 0, 0]);
    const cols = quantizeInt8(w, 2, 3, 1);
    expect(cols.scales).toHaveLength(3);
    expect([...cols.q]).toEqual([32, -127, 127, 127, 0, -1]);
    for (const r of [rows, cols]) expect(r.maxError).toBeLessThanOrEqual(2 / 127 / 2 + 1e-7);
  });

  it("keeps an all-zero channel zero", () => {
    const { q, scales } = quantizeInt8(new Float32Array(4), 2, 2, 0);
    expect([...q]).toEqual([0, 0, 0, 0]);
    expect([...scales]).toEqual([1, 1]);
  });
});

describe("toHalf", () => {
  it.each([0, 1, -2, 0.1, 65504, 1e-7, 6.1e-5, 3.14159])(
    "round-trips %d to the nearest half",
    (v) => {
      const back = fromHalf(toHalf(v));
      expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.max(Math.abs(v) * 2 ** -11, 2 ** -25));
    },
  );
});

describe("quantizeWeights", () => {
  it("stores the Gather table, the MatMul weight and the transposed weight as int8 along their output channels; the bias stays float", () => {
    const { bytes, weights } = quantizeWeights(tinyModel(), { format: "int8", note: "test" });
    expect(weights.map((w) => [w.name, w.axis])).toEqual([
      ["table", 0],
      ["w", 1],
      ["v", 0],
    ]);
    const graph = onnx.ModelProto.decode(bytes).graph;
    const types = new Map(graph?.initializer?.map((t) => [t.name, t.dataType]));
    expect(types.get("bias")).toBe(onnx.TensorProto.DataType.FLOAT);
    expect(types.get("w_quantized")).toBe(onnx.TensorProto.DataType.INT8);
    expect(types.has("w")).toBe(false);
    expect(graph?.node?.filter((n) => n.opType === "DequantizeLinear")).toHaveLength(3);
  });

  it("gives the same bytes every time", () => {
    const a = quantizeWeights(tinyModel(), { format: "int8" }).bytes;
    const b = quantizeWeights(tinyModel(), { format: "int8" }).bytes;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it("refuses int8 below opset 13 (DequantizeLinear has no axis there) but stores fp16", () => {
    expect(() => quantizeWeights(tinyModel(12), { format: "int8" })).toThrow(/opset ≥ 13/);
    expect(quantizeWeights(tinyModel(12), { format: "fp16" }).weights).toHaveLength(3);
  });

  it.each(["int8", "fp16"] as const)(
    "runs in onnxruntime-node close to the float graph (%s)",
    async (format) => {
      const feeds = { ids: new ortNode.Tensor("int64", BigInt64Array.from([3n, 97n]), [2]) };
      const [a, b] = await Promise.all([
        runNode(tinyModel(), feeds),
        runNode(quantizeWeights(tinyModel(), { format }).bytes, feeds),
      ]);
      const x = a["y"]?.data as Float32Array;
      const y = b["y"]?.data as Float32Array;
      const scale = Math.max(...x.map(Math.abs));
      const worst = Math.max(...x.map((v, i) => Math.abs(v - (y[i] ?? NaN))));
      expect(worst / scale).toBeLessThan(format === "int8" ? 0.03 : 1e-3);
      expect(worst).toBeGreaterThan(0); // the weights did change
    },
  );
});

describe("quantizeLens", () => {
  it.each(["gpt", "mlm"])(
    "writes %s's lens as the int8 rows its model's unembedding reads, a quarter of the bytes",
    (id) => {
      const lens = readFileSync(`${MODELS}${id}/lens.bin`);
      const model = readFileSync(`${MODELS}${id}/onnx/model.onnx`);
      const bytes = quantizeLens(lens, 128, model);
      expect(
        Buffer.compare(Buffer.from(bytes), readFileSync(`${MODELS}${id}/lens_quantized.bin`)),
      ).toBe(0);
      expect(bytes.length).toBeLessThan(lens.length * 0.27);
      const [a, b] = [parseLens(lens, 128), parseQuantizedLens(bytes, 128)];
      expect(b.vocab).toBe(a.vocab);
      expect([...b.gamma]).toEqual([...a.gamma]);
      const worst = a.embedding.reduce(
        (m, v, i) => Math.max(m, Math.abs(v - (b.embedding[i] ?? NaN))),
        0,
      );
      expect(worst).toBeLessThan(0.01);
    },
  );

  it("refuses a lens that is not the model's own embedding", () => {
    const lens = readFileSync(`${MODELS}gpt/lens.bin`);
    const model = readFileSync(`${MODELS}mlm/onnx/model.onnx`);
    expect(() => quantizeLens(lens, 128, model)).toThrow(/none of the model's weights/);
  });
});

describe("the served int8 models in onnxruntime-web (wasm) and onnxruntime-node", () => {
  ortWeb.env.wasm.numThreads = 1;
  it.each([
    ["use-lite", "sentence_embedding"],
    ["gpt", "logits"],
    ["mlm", "logits"],
    ["gpt-step-0", "logits"],
  ])(
    "give %s the same %s and attention within 1e-4",
    async (id, output) => {
      const bytes = readFileSync(`${MODELS}${id}/onnx/model_quantized.onnx`);
      const ids = BigInt64Array.from([5n, 120n, 7n, 999n, 42n, 3n]);
      const web = await ortWeb.InferenceSession.create(bytes, { executionProviders: ["wasm"] });
      // The library's Node session options (precision.ts): without them Node's QDQ fusions differ.
      const node = await ortNode.InferenceSession.create(bytes, sessionOptions("q8"));
      const feeds = <T extends typeof ortWeb.Tensor | typeof ortNode.Tensor>(
        Tensor: T,
        names: readonly string[],
      ): Record<string, InstanceType<T>> =>
        Object.fromEntries(
          names.map((name) => [
            name,
            new Tensor(
              "int64",
              name === "input_ids"
                ? ids
                : BigInt64Array.from(ids, () => (name === "attention_mask" ? 1n : 0n)),
              [1, ids.length],
            ) as InstanceType<T>,
          ]),
        );
      const [a, b] = await Promise.all([
        web.run(feeds(ortWeb.Tensor, web.inputNames)),
        node.run(feeds(ortNode.Tensor, node.inputNames)),
      ]);
      for (const name of [output, "attention_0"]) {
        const x = a[name]?.data as Float32Array;
        const y = b[name]?.data as Float32Array;
        expect(x.length).toBeGreaterThan(0);
        expect(x).toHaveLength(y.length);
        const worst = x.reduce((m, v, i) => Math.max(m, Math.abs(v - (y[i] ?? NaN))), 0);
        expect(worst, name).toBeLessThan(1e-4);
      }
    },
    60_000,
  );
});
