/** A small helper for writing ONNX graphs with onnx-proto (build time only). */
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
/** An attribute value: an int, a list of ints, a string, or `{ float: x }`. */
export type Attr = number | number[] | string | { float: number };

export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;

function attribute(name: string, value: Attr): onnxProto.onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === "string")
    return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === "object") return { name, type: AttributeType.FLOAT, f: value.float };
  return { name, type: AttributeType.INT, i: value };
}

export class GraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  #count = 0;

  /** A float tensor constant (weights) or an int64 constant (shapes, axes). */
  constant(
    name: string,
    dims: readonly number[],
    values: Float32Array | readonly number[],
    type = FLOAT,
  ): string {
    if (this.initializers.some((t) => t.name === name)) return name; // the same constant, reused
    const raw =
      type === FLOAT
        ? new Uint8Array(Float32Array.from(values).buffer)
        : new Uint8Array(BigInt64Array.from(Array.from(values, (v) => BigInt(v))).buffer);
    this.initializers.push({ name, dims: [...dims], dataType: type, rawData: raw });
    return name;
  }

  ints(name: string, values: readonly number[]): string {
    return this.constant(name, [values.length], values, INT64);
  }

  scalar(name: string, value: number): string {
    return this.constant(name, [], [value]);
  }

  /** Adds a node; returns its output names (one unless `outputs` > 1). */
  op(
    opType: string,
    inputs: readonly string[],
    attrs: Record<string, Attr> = {},
    outputs = 1,
    name?: string,
  ): string[] {
    const base = name ?? `${opType}_${this.#count++}`;
    const outs = Array.from({ length: outputs }, (_, i) => (outputs === 1 ? base : `${base}:${i}`));
    this.nodes.push({
      opType,
      name: base,
      input: [...inputs],
      output: outs,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outs;
  }

  /** Adds a node with one output and returns that output's name. */
  one(
    opType: string,
    inputs: readonly string[],
    attrs: Record<string, Attr> = {},
    name?: string,
  ): string {
    return this.op(opType, inputs, attrs, 1, name)[0] as string;
  }

  /** Renames `value` to the graph output `name` (an Identity node) with a symbolic shape. */
  output(name: string, value: string, elemType: number, shape: readonly (string | number)[]): void {
    this.nodes.push({ opType: "Identity", name: `out_${name}`, input: [value], output: [name] });
    this.outputs.push(valueInfo(name, elemType, shape));
  }

  input(name: string, elemType: number, shape: readonly (string | number)[]): string {
    this.inputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  encode(meta: {
    producer: string;
    doc: string;
    opset: number;
    metadata: Record<string, string>;
  }): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: meta.producer,
      docString: meta.doc,
      opsetImport: [{ domain: "", version: meta.opset }],
      metadataProps: Object.entries(meta.metadata).map(([key, value]) => ({ key, value })),
      graph: {
        name: "encoder",
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(
  name: string,
  elemType: number,
  shape: readonly (string | number)[],
): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}
