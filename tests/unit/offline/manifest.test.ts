import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  cacheKey,
  downloadPlan,
  fitsInStorage,
  isOptionalFile,
  isShellFile,
  keptKeys,
  megabytes,
  sha256Hex,
  type OfflineManifest,
} from "@/lib/offline/index";

const ORIGIN = "http://127.0.0.1:4321";

const manifest: OfflineManifest = {
  version: "v",
  shell: [{ url: "/index.html", revision: "a1", size: 1000 }],
  lazy: [
    { url: "/generated/small.json", revision: "b1", size: 10 },
    { url: "/generated/models/m/onnx/model_quantized.onnx", revision: "c1", size: 500 },
    { url: "/generated/models/m/onnx/model.onnx", revision: "d1", size: 2000, optional: true },
  ],
};

describe("the offline manifest's rules", () => {
  it("keys a file by URL and revision, so two deploys never share a key", () => {
    const a = cacheKey({ url: "/generated/x.bin", revision: "r1" }, ORIGIN);
    const b = cacheKey({ url: "/generated/x.bin", revision: "r2" }, ORIGIN);
    expect(a).toBe("http://127.0.0.1:4321/generated/x.bin?__llmlab_rev=r1");
    expect(a).not.toBe(b);
    expect(keptKeys(manifest.lazy, ORIGIN).has(a)).toBe(false);
  });

  it("plans what is missing, biggest first, and leaves optional files out of the whole course", () => {
    const none = downloadPlan(manifest, new Set(), ORIGIN);
    expect(none.missing.map((e) => e.url)).toEqual([
      "/generated/models/m/onnx/model_quantized.onnx",
      "/generated/small.json",
    ]);
    expect(none.bytes).toBe(510);
    expect(none.totalBytes).toBe(1510);
    const cached = new Set([cacheKey(manifest.lazy[1] as never, ORIGIN)]);
    const some = downloadPlan(manifest, cached, ORIGIN);
    expect(some.missing.map((e) => e.url)).toEqual(["/generated/small.json"]);
    expect(some.bytes).toBe(10);
    // A key from another deploy (another revision) does not count as kept.
    const old = new Set([cacheKey({ url: "/generated/small.json", revision: "old" }, ORIGIN)]);
    expect(downloadPlan(manifest, old, ORIGIN).bytes).toBe(510);
  });

  it("checks the storage left with a margin, and says nothing when the browser does not", () => {
    expect(fitsInStorage(100, { quota: 1000, usage: 800 })).toEqual({ fits: true, available: 200 });
    expect(fitsInStorage(190, { quota: 1000, usage: 800 })).toEqual({
      fits: false,
      available: 200,
    });
    expect(fitsInStorage(100, { quota: 1000, usage: 2000 })).toEqual({ fits: false, available: 0 });
    expect(fitsInStorage(100, {})).toBeNull();
    expect(fitsInStorage(100, undefined)).toBeNull();
  });

  it("puts pages, styles and small scripts in the shell; models, data and big scripts on first use", () => {
    expect(isShellFile("/lessons/02/index.html", 40_000)).toBe(true);
    expect(isShellFile("/_astro/page.js", 12_000)).toBe(true);
    expect(isShellFile("/_astro/ts.worker.js", 7_000_000)).toBe(false);
    expect(isShellFile("/generated/models/gpt/config.json", 600)).toBe(false);
    expect(isShellFile("/pagefind/pagefind.js", 30_000)).toBe(false);
    const urls = new Set([
      "/g/m/onnx/model.onnx",
      "/g/m/onnx/model_quantized.onnx",
      "/g/n/onnx/model.onnx",
    ]);
    expect(isOptionalFile("/g/m/onnx/model.onnx", urls)).toBe(true);
    expect(isOptionalFile("/g/n/onnx/model.onnx", urls)).toBe(false);
    expect(isOptionalFile("/g/m/onnx/model_quantized.onnx", urls)).toBe(false);
    const lenses = new Set(["/g/gpt/lens.bin", "/g/gpt/lens_quantized.bin", "/g/x/lens.bin"]);
    expect(isOptionalFile("/g/gpt/lens.bin", lenses)).toBe(true);
    expect(isOptionalFile("/g/x/lens.bin", lenses)).toBe(false);
  });

  it("hashes with Web Crypto exactly as node:crypto does (the build and the worker agree)", async () => {
    const bytes = new TextEncoder().encode("LLM Lab offline");
    expect(await sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(megabytes(27_918_710)).toBe("27.9 MB");
  });
});
