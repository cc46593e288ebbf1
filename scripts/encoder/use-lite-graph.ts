/**
 * Re-expresses the Universal Sentence Encoder lite TF.js graph as a dense ONNX
 * graph with standard operators, and exposes what the lessons need as outputs:
 *
 *   token_embeddings  [batch, seq, 256]   the embedding-table row of each token
 *   hidden_state_0    [batch, seq, 256]   2 × token embedding + sinusoidal timing signal (input of layer 1)
 *   attention_0/1     [batch, 4, seq, seq] softmax attention of each layer and head
 *   hidden_state_1/2  [batch, seq, 512]   the output of each transformer layer
 *   last_hidden_state [batch, seq, 512]
 *   sentence_embedding [batch, 512]        mean over tokens → tanh layer → L2 norm
 *
 * Inputs are transformers.js-style `input_ids` and `attention_mask` (1 = token,
 * 0 = right padding). The TF graph takes sparse (indices, values) and pads with
 * -1; this graph pads by mask, which computes the same thing for right padding.
 * The TF graph's own structure (per layer): pre-norm multi-head attention with a
 * residual (layer 0 projects 256 → 512 with a dense layer), then a pre-norm
 * ReLU feed-forward block (512 → 1536 → 512) with a residual.
 */
import { FLOAT, GraphBuilder, INT64 } from "./onnx-builder";
import type { TfWeight } from "./tfjs-model";

const P = "module_apply_default/Encoder_en/KonaTransformer/";
const K = "module/Encoder_en/KonaTransformer/";

export const USE_LITE = {
  layers: 2,
  heads: 4,
  embeddingDim: 256,
  hiddenDim: 512,
  ffnDim: 1536,
  maxLength: 128,
  vocabSize: 8002,
  layerNormEpsilon: 1e-6,
} as const;

export function buildUseLiteGraph(weights: Map<string, TfWeight>): GraphBuilder {
  const g = new GraphBuilder();
  const w = (name: string, as?: number[]): string => {
    const weight = weights.get(name);
    if (!weight) throw new Error(`missing weight ${name}`);
    if (weight.dtype !== "float32") throw new Error(`weight ${name} is not float32`);
    const dims = as ?? weight.shape;
    const count = dims.reduce((a, b) => a * b, 1);
    if (count !== weight.data.length)
      throw new Error(`weight ${name}: cannot view ${weight.shape.join("×")} as ${dims.join("×")}`);
    if (!g.initializers.some((t) => t.name === name))
      g.constant(name, dims, weight.data as Float32Array);
    return name;
  };
  const scalarOf = (name: string): number => {
    const value = weights.get(name)?.data[0];
    if (value === undefined) throw new Error(`missing scalar ${name}`);
    return value;
  };

  const dense = (input: string, kernel: string, biasName: string, shape?: number[]): string =>
    g.one("Add", [g.one("MatMul", [input, w(kernel, shape)]), w(biasName)]);

  const ids = g.input("input_ids", INT64, ["batch", "seq"]);
  const attentionMask = g.input("attention_mask", INT64, ["batch", "seq"]);
  const mask = g.one("Cast", [attentionMask], { to: FLOAT }, "mask");
  const mask3 = g.one("Unsqueeze", [mask, g.ints("axes_last", [-1])], {}, "mask3");
  // Additive attention bias: 0 for tokens, -1e9 for padding, shaped [batch, 1, 1, seq].
  const one = g.scalar("one", 1);
  const negative = g.scalar(
    "attention_bias_value",
    scalarOf(
      `${P}Encode/TransformerStack/Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y`,
    ),
  );
  const bias = g.one(
    "Unsqueeze",
    [g.one("Mul", [g.one("Sub", [one, mask]), negative]), g.ints("axes_1_2", [1, 2])],
    {},
    "attention_bias",
  );

  // Token embeddings and the timing signal (sin/cos of position × inverse timescales).
  const tokens = g.one("Gather", [w("module/Embeddings_en"), ids], { axis: 0 }, "token_lookup");
  const seqLen = g.one("Gather", [g.one("Shape", [ids]), g.ints("index_1", [1])], { axis: 0 });
  const seqLenF = g.one("Cast", [g.one("Squeeze", [seqLen, g.ints("axes_0", [0])])], { to: FLOAT });
  const positions = g.one("Range", [g.scalar("zero", 0), seqLenF, one], {}, "positions");
  const angles = g.one("Mul", [
    g.one("Unsqueeze", [positions, g.ints("axes_1", [1])]),
    w(`${P}Encode/TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`),
  ]);
  const timing = g.one(
    "Concat",
    [g.one("Sin", [angles]), g.one("Cos", [angles])],
    { axis: -1 },
    "timing_signal",
  );
  // The TF graph adds the scattered embeddings to (embeddings + timing signal): the
  // embedding enters twice. Kept as is, in the same order, so the outputs match.
  const x0 = g.one(
    "Mul",
    [g.one("Add", [tokens, g.one("Add", [tokens, timing])]), mask3],
    {},
    "layer_input",
  );

  g.output("token_embeddings", tokens, FLOAT, ["batch", "seq", USE_LITE.embeddingDim]);
  g.output("hidden_state_0", x0, FLOAT, ["batch", "seq", USE_LITE.embeddingDim]);

  let x = x0;
  for (let layer = 0; layer < USE_LITE.layers; layer++) {
    const L = `Layer_${layer}/TransformerLayer/`;
    const width = layer === 0 ? USE_LITE.embeddingDim : USE_LITE.hiddenDim;
    const depth = width / USE_LITE.heads;
    const layerNorm = (input: string, prefix: string, name: string): string =>
      g.one(
        "LayerNormalization",
        [
          input,
          w(
            `${P}Encode/${L}${prefix}layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat`,
          ),
          w(
            `${P}Encode/${L}${prefix}layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat`,
          ),
        ],
        { axis: -1, epsilon: { float: USE_LITE.layerNormEpsilon } },
        name,
      );

    // Attention step.
    const normed = layerNorm(x, "", `layer${layer}_attention_norm`);
    const residual =
      layer === 0
        ? g.one("Mul", [
            dense(
              x,
              `${P}Encode/${L}dense/kernel/ConcatPartitions/concat`,
              `${P}Encode/${L}dense/bias/ConcatPartitions/concat`,
            ),
            mask3,
          ])
        : x;
    const qkv = dense(
      normed,
      `${K}Encode/${L}MultiheadAttention/qkv_transform_single/kernel/part_0`,
      `${P}Encode/${L}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`,
      [width, 3 * width],
    );
    const [q, k, v] = g.op(
      "Split",
      [qkv, g.ints(`split_${layer}`, [width, width, width])],
      { axis: -1 },
      3,
    ) as [string, string, string];
    const heads = (t: string): string =>
      g.one(
        "Transpose",
        [g.one("Reshape", [t, g.ints(`heads_shape_${layer}`, [0, 0, USE_LITE.heads, depth])])],
        { perm: [0, 2, 1, 3] },
      );
    const scale = g.scalar(
      `query_scale_${layer}`,
      scalarOf(`${P}Encode/TransformerStack/${L}MultiheadAttention/mul/y`),
    );
    const logits = g.one("Add", [
      g.one("MatMul", [
        g.one("Mul", [heads(q), scale]),
        g.one("Transpose", [heads(k)], { perm: [0, 1, 3, 2] }),
      ]),
      bias,
    ]);
    const attention = g.one("Softmax", [logits], { axis: -1 }, `layer${layer}_attention`);
    g.output(`attention_${layer}`, attention, FLOAT, ["batch", USE_LITE.heads, "seq", "seq"]);
    const context = g.one("Reshape", [
      g.one("Transpose", [g.one("MatMul", [attention, heads(v)])], { perm: [0, 2, 1, 3] }),
      g.ints(`combine_shape_${layer}`, [0, 0, width]),
    ]);
    const attended = dense(
      context,
      `${K}Encode/${L}MultiheadAttention/output_transform_single/kernel/part_0`,
      `${P}Encode/${L}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`,
      [width, USE_LITE.hiddenDim],
    );
    const h = g.one("Add", [attended, residual], {}, `layer${layer}_after_attention`);

    // Feed-forward step (padding rows are zeroed, as the TF graph scatters back only tokens).
    const ffnIn = layerNorm(h, "FFN/", `layer${layer}_ffn_norm`);
    const hidden = g.one("Relu", [
      dense(
        ffnIn,
        `${P}Encode/TransformerStack/${L}FFN/conv1/Tensordot/Reshape_1`,
        `${P}Encode/${L}FFN/conv1/bias/ConcatPartitions/concat`,
      ),
    ]);
    const ffn = g.one("Mul", [
      dense(
        hidden,
        `${P}Encode/TransformerStack/${L}FFN/conv2/Tensordot/Reshape_1`,
        `${P}Encode/${L}FFN/conv2/bias/ConcatPartitions/concat`,
      ),
      mask3,
    ]);
    x = g.one("Add", [h, ffn], {}, `layer${layer}_output`);
    g.output(`hidden_state_${layer + 1}`, x, FLOAT, ["batch", "seq", USE_LITE.hiddenDim]);
  }
  g.output("last_hidden_state", x, FLOAT, ["batch", "seq", USE_LITE.hiddenDim]);

  // Sentence embedding: mean over tokens, a tanh layer, then L2 normalisation.
  const length = g.one("Max", [
    g.one("ReduceSum", [mask, g.ints("axes_1b", [1])], { keepdims: 1 }),
    one,
  ]);
  const pooled = g.one(
    "Div",
    [
      g.one("ReduceSum", [g.one("Mul", [x, mask3]), g.ints("axes_1c", [1])], { keepdims: 0 }),
      length,
    ],
    {},
    "mean_pool",
  );
  const tanh = g.one("Tanh", [
    dense(
      pooled,
      "module/Encoder_en/hidden_layers/tanh_layer_0/weights",
      "module/Encoder_en/hidden_layers/tanh_layer_0/bias",
    ),
  ]);
  const squares = g.one("ReduceSum", [g.one("Mul", [tanh, tanh]), g.ints("axes_last_b", [-1])], {
    keepdims: 1,
  });
  const inverseNorm = g.one("Reciprocal", [
    g.one("Sqrt", [
      g.one("Max", [
        squares,
        g.scalar(
          "l2_epsilon",
          scalarOf(`module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y`),
        ),
      ]),
    ]),
  ]);
  g.output("sentence_embedding", g.one("Mul", [tanh, inverseNorm]), FLOAT, [
    "batch",
    USE_LITE.hiddenDim,
  ]);
  return g;
}
