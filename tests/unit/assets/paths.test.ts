import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ASSETS, GENERATED, assetPaths } from "../../../src/lib/assets/paths";

// The unit tests run after `npm run assets`, so every path the site loads must be a file.
const onDisk = (url: string): string => `public${url}`;

describe("generated asset paths", () => {
  it("each path the widgets load names a file the asset steps wrote", () => {
    const missing = assetPaths().filter((url) => !existsSync(onDisk(url)));
    expect(missing).toEqual([]);
  });

  it("the model folder holds the three models transformers.js is pointed at", () => {
    const models = readdirSync(onDisk(ASSETS.models));
    for (const name of ["use-lite", "gpt", "mlm"]) expect(models).toContain(name);
    for (const name of ["use-lite", "gpt", "mlm"])
      for (const file of ["model.onnx", "model_quantized.onnx"])
        expect(existsSync(onDisk(`${ASSETS.models}${name}/onnx/${file}`))).toBe(true);
  });

  it("every path is under the generated folder", () => {
    for (const url of [ASSETS.models, ...assetPaths()])
      expect(url.startsWith(GENERATED)).toBe(true);
  });
});
