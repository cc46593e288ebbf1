/**
 * The online path, with the hub played by a local server: an encoder exported
 * without attention outputs is patched at load time and shows the same
 * attention as the offline model; one without Softmax nodes gets a clear message.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import onnxProto from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EncoderError, loadEncoder } from "@/lib/encoder/index";
import { MODELS_DIR, testEncoder } from "./load";
import { stripAttentionOutputs } from "./onnx-fixtures";

const { onnx } = onnxProto;
const LOCAL = join(MODELS_DIR, "use-lite");

/** Replaces every Softmax with Exp / ReduceSum / Div: attention the patch cannot find. */
function withoutSoftmax(bytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const nodes: onnxProto.onnx.INodeProto[] = [];
  for (const node of model.graph?.node ?? []) {
    if (node.opType !== "Softmax") {
      nodes.push(node);
      continue;
    }
    const [x = ""] = node.input ?? [];
    const [y = ""] = node.output ?? [];
    nodes.push(
      { opType: "Exp", input: [x], output: [`${y}_exp`] },
      {
        opType: "ReduceSum",
        input: [`${y}_exp`, "axes_last"],
        output: [`${y}_sum`],
        attribute: [{ name: "keepdims", type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
      },
      { opType: "Div", input: [`${y}_exp`, `${y}_sum`], output: [y] },
    );
  }
  if (model.graph) model.graph.node = nodes;
  return onnx.ModelProto.encode(model).finish();
}

let server: Server;
let host = "";
const requests: string[] = [];

beforeAll(async () => {
  const model = readFileSync(join(LOCAL, "onnx", "model.onnx"));
  const files: Record<string, Uint8Array> = {
    "config.json": readFileSync(join(LOCAL, "config.json")),
    "tokenizer.json": readFileSync(join(LOCAL, "tokenizer.json")),
    "tokenizer_config.json": readFileSync(join(LOCAL, "tokenizer_config.json")),
  };
  const models: Record<string, Uint8Array> = {
    "test/use-lite-plain": stripAttentionOutputs(model),
    "test/use-lite-fused": withoutSoftmax(stripAttentionOutputs(model)),
  };
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const match = /^\/(test\/[\w-]+)\/resolve\/main\/(.+)$/.exec(req.url ?? "");
    const body = match
      ? match[2] === "onnx/model.onnx"
        ? models[match[1] ?? ""]
        : files[match[2] ?? ""]
      : undefined;
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(() => {
  server.close();
});

describe("loadEncoder with a hub model", () => {
  it("patches the downloaded graph so attention equals the offline model's (fp32, as served to the mock hub)", async () => {
    const hub = await loadEncoder({
      model: "test/use-lite-plain",
      allowRemote: true,
      remoteHost: host,
      localModelPath: MODELS_DIR,
    });
    expect(hub.info.offline).toBe(false);
    expect(requests.some((r) => r.endsWith("/onnx/model.onnx"))).toBe(true);
    const text = "John wants his bank to cash the check.";
    const [online, offline] = await Promise.all([
      hub.encode(text),
      (await testEncoder("fp32")).encode(text),
    ]);
    expect(online.tokenIds).toEqual(offline.tokenIds);
    expect(online.attentions).toHaveLength(2);
    expect([...(online.attentions[1]?.data ?? [])]).toEqual([
      ...(offline.attentions[1]?.data ?? []),
    ]);
  });

  it("says clearly when a model's attention cannot be exposed", async () => {
    const hub = await loadEncoder({
      model: "test/use-lite-fused",
      allowRemote: true,
      remoteHost: host,
      localModelPath: MODELS_DIR,
    });
    await expect(hub.encode("The bank")).rejects.toThrow(EncoderError);
    await expect(hub.encode("The bank")).rejects.toThrow(/exposes no attention/);
  });

  it("does not reach the hub unless allowed", async () => {
    const before = requests.length;
    await expect(
      loadEncoder({ model: "test/use-lite-plain", remoteHost: host, localModelPath: MODELS_DIR }),
    ).rejects.toThrow(/not available offline/);
    expect(requests.length).toBe(before);
  });
});
