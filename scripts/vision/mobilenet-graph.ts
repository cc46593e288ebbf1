/**
 * Writes nsfwjs's Keras MobileNetV2 as an ONNX graph, from the image to the
 * average-pooled features of block 13's expansion (576-d; see MOBILENET.last):
 * ZeroPadding2D
 * → Pad, Conv2D / DepthwiseConv2D → Conv (kernels HWIO → OIHW, depthwise as
 * groups), BatchNormalization, ReLU(6) → Clip, Add, then GlobalAveragePool.
 * The converter also knows AveragePooling2D and Flatten (the head). The input stays as TF.js takes it (NHWC, RGB in [0, 1]) and is
 * transposed once. Convolution kernels keep the package's uint8 values, so the
 * file is as small as the original: each byte indexes a table of the 256 float32
 * values TF.js would decode it to, so the weights are TF.js's exactly. The
 * other weights are decoded float32.
 */
import onnxProto from "onnx-proto";
import { FLOAT, GraphBuilder } from "../encoder/onnx-builder";
import { dequantize, type KerasLayer, type QuantizedWeight } from "./nsfwjs-model";

const { UINT8, INT32 } = onnxProto.onnx.TensorProto.DataType;

export const MOBILENET = {
  size: 224,
  features: 576,
  /**
   * The last layer converted; its output, averaged over the 14 × 14 grid, is
   * the embedding. Measured on the bundled emoji (few-shot, 5 per class): these
   * mid-level features label 0.72 right by centroid, the 1280-d features of
   * the last layer (which nsfwjs tuned for its own classes) 0.54.
   */
  last: "block_13_expand_relu",
  input: "pixel_values",
  output: "embedding",
} as const;

type Weights = ReadonlyMap<string, QuantizedWeight>;

function weight(weights: Weights, name: string): QuantizedWeight {
  const w = weights.get(name);
  if (!w) throw new Error(`nsfwjs's model has no weight ${name}`);
  return w;
}

/** A kernel as uint8 in ONNX layout, decoded in the graph by a 256-entry table (Gather). */
function kernel(
  b: GraphBuilder,
  w: QuantizedWeight,
  dims: number[],
  index: (o: number, i: number, y: number, x: number) => number,
): string {
  const [o, i, kh, kw] = dims as [number, number, number, number];
  const values = new Uint8Array(o * i * kh * kw);
  let at = 0;
  for (let a = 0; a < o; a++)
    for (let c = 0; c < i; c++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) values[at++] = w.values[index(a, c, y, x)] as number;
  const name = `${w.name}:uint8`;
  b.initializers.push({ name, dims, dataType: UINT8, rawData: values });
  // the 256 values a byte can stand for, decoded as TF.js decodes them (float64, then float32)
  const table = Float32Array.from({ length: 256 }, (_, q) => q * w.scale + w.min);
  const bytes = b.one("Cast", [name], { to: INT32 });
  return b.one("Gather", [b.constant(`${w.name}:table`, [256], table), bytes], { axis: 0 }, w.name);
}

function vector(b: GraphBuilder, w: QuantizedWeight): string {
  return b.constant(w.name, w.shape, dequantize(w));
}

const pair = (v: unknown): [number, number] => {
  const a = v as number[];
  return [a[0] as number, a[1] as number];
};

/** "same" padding for stride 1 (TF: the extra pixel goes after); "valid" none. */
function pads(config: Record<string, unknown>, k: [number, number]): number[] {
  const [sy, sx] = pair(config["strides"]);
  if (config["padding"] === "valid") return [0, 0, 0, 0];
  if (sy !== 1 || sx !== 1) throw new Error("“same” padding with stride > 1 is not converted");
  const [ty, tx] = [k[0] - 1, k[1] - 1];
  return [Math.floor(ty / 2), Math.floor(tx / 2), ty - Math.floor(ty / 2), tx - Math.floor(tx / 2)];
}

export function buildMobileNetGraph(layers: readonly KerasLayer[], weights: Weights): GraphBuilder {
  const b = new GraphBuilder();
  const value = new Map<string, string>();
  const inbound = (layer: KerasLayer): string[] =>
    (layer.inbound_nodes[0] ?? []).map(([name]) => {
      const v = value.get(name);
      if (!v) throw new Error(`${layer.name} reads ${name}, which is not converted`);
      return v;
    });
  const input = b.input(MOBILENET.input, FLOAT, ["batch", MOBILENET.size, MOBILENET.size, 3]);
  for (const layer of layers) {
    const c = layer.config;
    const [x] = layer.class_name === "InputLayer" ? [input] : inbound(layer);
    let out: string;
    switch (layer.class_name) {
      case "InputLayer":
        out = b.one("Transpose", [input], { perm: [0, 3, 1, 2] }, "nchw");
        break;
      case "ZeroPadding2D": {
        const [[t, bottom], [l, r]] = c["padding"] as [[number, number], [number, number]];
        out = b.one("Pad", [
          x as string,
          b.ints(`${layer.name}:pads`, [0, 0, t, l, 0, 0, bottom, r]),
        ]);
        break;
      }
      case "Conv2D": {
        if (c["activation"] !== "linear" || c["use_bias"] !== false)
          throw new Error(`${layer.name}: only linear, bias-free convolutions are converted`);
        const w = weight(weights, `${layer.name}/kernel`);
        const [kh, kw, cin, cout] = w.shape as [number, number, number, number];
        const k = kernel(
          b,
          w,
          [cout, cin, kh, kw],
          (o, i, y, xx) => ((y * kw + xx) * cin + i) * cout + o,
        );
        out = b.one("Conv", [x as string, k], {
          kernel_shape: [kh, kw],
          strides: pair(c["strides"]),
          pads: pads(c, [kh, kw]),
        });
        break;
      }
      case "DepthwiseConv2D": {
        if (c["activation"] !== "linear" || c["use_bias"] !== false)
          throw new Error(`${layer.name}: only linear, bias-free convolutions are converted`);
        const w = weight(weights, `${layer.name}/depthwise_kernel`);
        const [kh, kw, channels, mult] = w.shape as [number, number, number, number];
        const k = kernel(b, w, [channels * mult, 1, kh, kw], (o, _i, y, xx) => {
          const ch = Math.floor(o / mult);
          return ((y * kw + xx) * channels + ch) * mult + (o % mult);
        });
        out = b.one("Conv", [x as string, k], {
          kernel_shape: [kh, kw],
          strides: pair(c["strides"]),
          pads: pads(c, [kh, kw]),
          group: channels,
        });
        break;
      }
      case "BatchNormalization": {
        const p = (n: string) => vector(b, weight(weights, `${layer.name}/${n}`));
        out = b.one(
          "BatchNormalization",
          [x as string, p("gamma"), p("beta"), p("moving_mean"), p("moving_variance")],
          { epsilon: { float: c["epsilon"] as number } },
        );
        break;
      }
      case "ReLU": {
        if (c["max_value"] !== 6 || (c["negative_slope"] ?? 0) !== 0 || (c["threshold"] ?? 0) !== 0)
          throw new Error(`${layer.name}: only ReLU6 is converted`);
        out = b.one("Clip", [x as string, b.scalar("zero", 0), b.scalar("six", 6)]);
        break;
      }
      case "Add":
        out = b.one("Add", inbound(layer));
        break;
      case "AveragePooling2D": {
        const size = pair(c["pool_size"]);
        if (c["padding"] !== "valid")
          throw new Error(`${layer.name}: only valid pooling is converted`);
        out = b.one("AveragePool", [x as string], {
          kernel_shape: size,
          strides: pair(c["strides"]),
        });
        break;
      }
      case "Flatten":
        // the pooled map is 1 × 1, so NCHW and NHWC flatten to the same order
        out = b.one("Flatten", [x as string], { axis: 1 });
        break;
      default:
        throw new Error(`${layer.name}: ${layer.class_name} is not converted`);
    }
    value.set(layer.name, out);
    if (layer.name === MOBILENET.last) {
      const pooled = b.one("GlobalAveragePool", [out]);
      const flat = b.one("Flatten", [pooled], { axis: 1 });
      b.output(MOBILENET.output, flat, FLOAT, ["batch", MOBILENET.features]);
      return b;
    }
  }
  throw new Error(`nsfwjs's model has no layer ${MOBILENET.last}`);
}
