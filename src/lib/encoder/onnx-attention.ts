/**
 * Graph surgery for encoders downloaded from the hub: their ONNX export keeps
 * attention probabilities internal. Every Softmax node of the main graph is an
 * attention softmax in an encoder-only transformer, so its output is exposed
 * as a graph output named attention_0, attention_1, … in graph order.
 * A model whose attention is fused into one operator (com.microsoft Attention,
 * MultiHeadAttention) has no Softmax to expose and is returned unchanged; the
 * encoder then says so instead of crashing.
 */
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

export interface AttentionScan {
  softmaxOutputs: string[];
  fusedAttentionOps: string[];
  hasAttentionOutputs: boolean;
}

function decode(bytes: Uint8Array): onnxProto.onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}

export function scanAttention(bytes: Uint8Array): AttentionScan {
  const graph = decode(bytes).graph;
  const nodes = graph?.node ?? [];
  return {
    softmaxOutputs: nodes.filter((n) => n.opType === "Softmax").map((n) => n.output?.[0] ?? ""),
    fusedAttentionOps: nodes
      .filter((n) =>
        /^(Attention|MultiHeadAttention|PackedAttention|GroupQueryAttention)$/.test(n.opType ?? ""),
      )
      .map((n) => n.opType ?? ""),
    hasAttentionOutputs: (graph?.output ?? []).some((o) => /^attention_\d+$/.test(o.name ?? "")),
  };
}

/** Returns the model with every Softmax output exposed as attention_<i> (unchanged if none). */
export function exposeAttention(bytes: Uint8Array): Uint8Array {
  const model = decode(bytes);
  const graph = model.graph;
  if (!graph) return bytes;
  const nodes = (graph.node ??= []);
  const outputs = (graph.output ??= []);
  if (outputs.some((o) => /^attention_\d+$/.test(o.name ?? ""))) return bytes;
  const softmaxOutputs = nodes
    .filter((n) => n.opType === "Softmax")
    .map((n) => n.output?.[0] ?? "");
  if (softmaxOutputs.length === 0) return bytes;
  softmaxOutputs.forEach((value, i) => {
    const name = `attention_${i}`;
    nodes.push(
      onnx.NodeProto.create({
        opType: "Identity",
        name: `expose_${name}`,
        input: [value],
        output: [name],
      }),
    );
    outputs.push(
      onnx.ValueInfoProto.create({
        name,
        type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } },
      }),
    );
  });
  return onnx.ModelProto.encode(model).finish();
}
