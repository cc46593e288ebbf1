/**
 * The lint rules that keep the design (eslint.config.js) fail on probes that
 * break them: a library file using page globals or importing from outside
 * src/lib, and a widget importing deep into a library domain. Probe files are
 * written into the tree (typed lint needs them on disk) and removed afterwards.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Writes `files` (path → text) under the root, lints them, removes them; returns each file's messages. */
async function lintProbes(
  files: Record<string, string>,
): Promise<Map<string, ESLint.LintResult["messages"]>> {
  const paths = Object.keys(files).map((p) => join(ROOT, p));
  const made: string[] = [];
  try {
    for (const [path, text] of Object.entries(files)) {
      const dir = dirname(join(ROOT, path));
      if (dir.includes("__probe__")) {
        mkdirSync(dir, { recursive: true });
        made.push(dir);
      }
      writeFileSync(join(ROOT, path), text);
    }
    const results = await new ESLint({ cwd: ROOT }).lintFiles(paths);
    return new Map(results.map((r) => [r.filePath.slice(ROOT.length), r.messages]));
  } finally {
    for (const path of paths) rmSync(path, { force: true });
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  }
}

/** "rule@line" for each message of the given rules, sorted. */
function hits(messages: ESLint.LintResult["messages"] | undefined, rules: string[]): string[] {
  return (messages ?? [])
    .filter((m) => m.ruleId !== null && rules.includes(m.ruleId))
    .map((m) => `${m.ruleId ?? ""}@${m.line}`)
    .sort();
}

const LIB_PROBE = "src/lib/encoder/__probe_lint__.ts";
const WIDGET_PROBE = "src/widgets/__probe__/probe.ts";

describe("eslint.config.js", () => {
  it("fails a src/lib file that uses page globals or imports from outside src/lib, and a widget that imports deep into a domain", async () => {
    const found = await lintProbes({
      [LIB_PROBE]: [
        /* 1 */ 'export * from "../../widgets/ContextLens/context-lens";',
        /* 2 */ 'export * from "@/scripts/lab-widget";',
        /* 3 */ 'export * from "@/lib/rpc/index";',
        /* 4 */ 'export * from "astro:content";',
        /* 5 */ 'export * from "../rpc/index";',
        /* 6 */ "export const title = document.title;",
        /* 7 */ "export const width = window.innerWidth;",
        /* 8 */ "export const saved = localStorage.getItem('x');",
        /* 9 */ "export const agent = navigator.userAgent;",
        "",
      ].join("\n"),
      [WIDGET_PROBE]: [
        /* 1 */ 'export * from "@/lib/encoder/runtime";',
        /* 2 */ 'export * from "../../lib/schelling/grid-state";',
        /* 3 */ 'export type { HubLm } from "@/lib/lm/hub";',
        // Entry points: an index (with or without /index), a named one, relative, labeling (skipped).
        /* 4 */ 'export * from "@/lib/encoder/index";',
        /* 5 */ 'export { createRpc } from "@/lib/rpc";',
        /* 6 */ 'export { ASSETS } from "../../lib/assets/paths";',
        /* 7 */ 'export { loadLanguageModelFromDisk } from "@/lib/lm/node";',
        /* 8 */ 'export type { ClassifyImage } from "@/lib/labeling/clip";',
        "",
      ].join("\n"),
    });
    expect(hits(found.get(LIB_PROBE), ["no-restricted-imports", "no-restricted-globals"])).toEqual([
      "no-restricted-globals@6",
      "no-restricted-globals@7",
      "no-restricted-globals@8",
      "no-restricted-globals@9",
      "no-restricted-imports@1",
      "no-restricted-imports@2",
      "no-restricted-imports@3",
      "no-restricted-imports@4",
    ]);
    expect(hits(found.get(WIDGET_PROBE), ["no-restricted-imports"])).toEqual([
      "no-restricted-imports@1",
      "no-restricted-imports@2",
      "no-restricted-imports@3",
    ]);
  });

  it("passes real files that keep the rules", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles([
      join(ROOT, "src/lib/ngram/worker.ts"),
      join(ROOT, "src/widgets/WordVectors/load-vectors.ts"),
      join(ROOT, "scripts/assets/precomputed.ts"),
    ]);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual(
      [],
    );
  });
});
