import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressSite } from "../../../scripts/postbuild/compress";
import { buildOffline, offlineManifest } from "../../../scripts/postbuild/offline";
import { staticSite } from "../../../src/server/static-site";

/** A tiny built site: pages, a hashed script, a model-like binary, random (incompressible) bytes. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), "llmlab-site-"));
  mkdirSync(join(dir, "lessons/01"), { recursive: true });
  mkdirSync(join(dir, "_astro"));
  mkdirSync(join(dir, "generated/models/m/onnx"), { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><h1>Home</h1>${"<p>text</p>".repeat(400)}`,
  );
  writeFileSync(join(dir, "404.html"), "<!doctype html><h1>Not found</h1>");
  writeFileSync(join(dir, "lessons/01/index.html"), `<h1>Lesson</h1>${"<p>words</p>".repeat(300)}`);
  writeFileSync(
    join(dir, "_astro/page.abc123.js"),
    `export const x = ${JSON.stringify("a".repeat(5000))};`,
  );
  writeFileSync(
    join(dir, "generated/models/m/onnx/model_quantized.onnx"),
    new Uint8Array(4000).fill(7),
  );
  const noise = new Uint8Array(4000);
  let seed = 1;
  for (let i = 0; i < noise.length; i++)
    noise[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  writeFileSync(join(dir, "generated/models/m/onnx/model.onnx"), noise);
  // An asset step's own .br (as the runtime's): kept when it decodes to the file.
  const runtime = new Uint8Array(3000).fill(3);
  writeFileSync(join(dir, "generated/runtime.wasm"), runtime);
  writeFileSync(
    join(dir, "generated/runtime.wasm.br"),
    brotliCompressSync(runtime, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }),
  );
  // A stale one (of an older file): replaced.
  writeFileSync(join(dir, "generated/stale.json"), JSON.stringify({ v: 2, pad: "x".repeat(3000) }));
  writeFileSync(join(dir, "generated/stale.json.br"), brotliCompressSync(Buffer.from('{"v":1}')));
  return dir;
}

async function get(base: string, path: string, encoding = "br, gzip"): Promise<Response> {
  return fetch(`${base}${path}`, { headers: { "accept-encoding": encoding } });
}

describe("the built site, compressed and served (postbuild + static-site)", () => {
  let dir = "";
  let server: Server;
  let base = "";
  let handMade: Buffer;
  beforeAll(async () => {
    dir = site();
    handMade = readFileSync(join(dir, "generated/runtime.wasm.br"));
    await buildOffline(dir);
    await compressSite(dir);
    server = createServer(staticSite(dir));
    await new Promise<void>((resolve) => {
      server.listen(0, "127.0.0.1", resolve);
    });
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(() => {
    server.close();
  });

  it("writes .br and .gz copies that decode to the file, and none where they would not save a tenth", () => {
    const page = readFileSync(join(dir, "index.html"));
    expect(brotliDecompressSync(readFileSync(join(dir, "index.html.br")))).toEqual(page);
    expect(gunzipSync(readFileSync(join(dir, "index.html.gz")))).toEqual(page);
    expect(() => readFileSync(join(dir, "generated/models/m/onnx/model.onnx.br"))).toThrow();
    expect(readFileSync(join(dir, "generated/runtime.wasm.br"))).toEqual(handMade);
    expect(
      brotliDecompressSync(readFileSync(join(dir, "generated/stale.json.br"))).toString(),
    ).toContain('"v":2');
  });

  it("sends the Brotli copy with its encoding, type and decoded size; gzip or plain to others", async () => {
    const model = "/generated/models/m/onnx/model_quantized.onnx";
    const br = await get(base, model);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("x-decoded-length")).toBe("4000");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(new Uint8Array(await br.arrayBuffer())).toEqual(new Uint8Array(4000).fill(7));
    const gz = await get(base, model, "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    const plain = await get(base, model, "identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("content-length")).toBe("4000");
    const page = await get(base, "/lessons/01/");
    expect(page.headers.get("content-type")).toBe("text/html;charset=utf-8");
    expect(await page.text()).toContain("<h1>Lesson</h1>");
  });

  it("lets hashed scripts be kept for good and revalidates the rest; a missing page is the site's 404", async () => {
    expect((await get(base, "/_astro/page.abc123.js")).headers.get("cache-control")).toContain(
      "immutable",
    );
    expect((await get(base, "/")).headers.get("cache-control")).toBe("no-cache");
    const sw = await get(base, "/sw.js");
    expect(sw.status).toBe(200);
    expect(sw.headers.get("service-worker-allowed")).toBe("/");
    const missing = await get(base, "/lessons/99/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Not found");
  });

  it("the manifest lists every file with its SHA-256, the worker inlines it, and a change makes a new version", async () => {
    const manifest = offlineManifest(dir);
    const served = (await (await get(base, "/offline-manifest.json")).json()) as typeof manifest;
    expect(served).toEqual(manifest);
    expect(manifest.shell.map((e) => e.url)).toEqual([
      "/404.html",
      "/_astro/page.abc123.js",
      "/index.html",
      "/lessons/01/index.html",
    ]);
    expect(manifest.lazy.find((e) => e.url.endsWith("/model.onnx"))?.optional).toBe(true);
    const sw = readFileSync(join(dir, "sw.js"), "utf8");
    expect(sw).toContain(manifest.version);
    writeFileSync(join(dir, "lessons/01/index.html"), "<h1>Lesson, v2</h1>");
    expect(offlineManifest(dir).version).not.toBe(manifest.version);
  });
});
