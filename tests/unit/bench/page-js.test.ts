import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { measurePage, staticImports } from "../../../bench/lib/page-js";

describe("staticImports", () => {
  it("finds minified static imports and re-exports but not dynamic import()", () => {
    const source =
      'import{a as b}from"./chunk.js";import"./side.js";export{c}from"./re.js";const l=()=>import("./lazy.js");';
    expect(staticImports(source)).toEqual(["./chunk.js", "./side.js", "./re.js"]);
  });
});

describe("measurePage", () => {
  it("counts inline scripts and the static module graph once each", () => {
    const dist = mkdtempSync(join(tmpdir(), "pagejs-"));
    mkdirSync(join(dist, "_astro"));
    mkdirSync(join(dist, "lesson"));
    const entry =
      'import{x}from"./shared.js";import"./shared.js";const w=()=>import("./widget.js");';
    const shared = "export const x=1;";
    writeFileSync(join(dist, "_astro", "entry.js"), entry);
    writeFileSync(join(dist, "_astro", "shared.js"), shared);
    writeFileSync(join(dist, "_astro", "widget.js"), "x".repeat(50_000));
    const inline = "document.documentElement.dataset.theme='light'";
    writeFileSync(
      join(dist, "lesson", "index.html"),
      `<html><head><script>${inline}</script><script type="application/ld+json">{"a":1}</script></head>` +
        `<body><script type="module" src="/_astro/entry.js"></script></body></html>`,
    );
    const result = measurePage(dist, join(dist, "lesson", "index.html"));
    expect(result.files).toEqual(["_astro/entry.js", "_astro/shared.js"]);
    const expected = [inline, entry, shared].join("\n");
    expect(result.bytes).toBe(Buffer.byteLength(expected));
    expect(result.gzipBytes).toBe(gzipSync(expected, { level: 9 }).length);
  });
});
