import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** Our converted model with its attention outputs removed: what a hub export looks like. */
export function stripAttentionOutputs(bytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  if (!graph) throw new Error("no graph");
  graph.output = (graph.output ?? []).filter((o) => !/^attention_\d+$/.test(o.name ?? ""));
  graph.node = (graph.node ?? []).filter((n) => !/^out_attention_\d+$/.test(n.name ?? ""));
  return onnx.ModelProto.encode(model).finish();
}
