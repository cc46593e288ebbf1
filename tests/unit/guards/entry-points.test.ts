/**
 * The entry points eslint.config.js allows (LIB_ENTRY_POINTS) exist, every
 * domain of src/lib is listed, and no domain's index loads a heavy module (a
 * model runtime, a tokenizer, an SDK, a Node built-in) when it is imported:
 * those stay behind named entry points or dynamic import().
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LIB_ENTRY_POINTS } from "../../../eslint.config.js";

const LIB = fileURLToPath(new URL("../../../src/lib/", import.meta.url));

const HEAVY = [
  /^@huggingface\/transformers/,
  /^onnxruntime-(web|node)/,
  /^onnx-proto/,
  /^openai/,
  /^gpt-tokenizer/,
  /^@tensorflow\//,
  /^monaco-editor/,
  /^node:/,
];

/** Modules a file loads when imported: its static imports and re-exports, minus `import type`. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      statement.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword
    )
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly)
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
  }
  return found;
}

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** Every package a file loads, directly or through the library files it imports. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith(".")) visit(resolveRelative(file, specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

const heavyIn = (packages: Set<string>): string[] =>
  [...packages].filter((p) => HEAVY.some((re) => re.test(p))).sort();

const domains = readdirSync(LIB).filter((d) => statSync(join(LIB, d)).isDirectory());
const entries = LIB_ENTRY_POINTS;

describe("library entry points", () => {
  it("lists every domain of src/lib, and each listed entry point is a file", () => {
    expect(Object.keys(entries).sort()).toEqual([...domains].sort());
    for (const [domain, names] of Object.entries(entries)) {
      if (names === "any") continue;
      for (const name of names)
        expect(existsSync(join(LIB, domain, `${name}.ts`)), name).toBe(true);
    }
  });

  it("finds the heavy module behind a heavy entry point (the check can fail)", () => {
    expect(heavyIn(packagesLoadedBy(join(LIB, "encoder/runtime.ts")))).toEqual([
      "@huggingface/transformers",
    ]);
    expect(heavyIn(packagesLoadedBy(join(LIB, "lm/node.ts")))).toEqual(["node:fs/promises"]);
  });

  // labeling: being restructured (see LIB_ENTRY_POINTS); its index still loads openai and gpt-tokenizer.
  it.each(domains.filter((d) => entries[d] !== "any" && existsSync(join(LIB, d, "index.ts"))))(
    "%s/index loads no model runtime, tokenizer, SDK or Node built-in",
    (domain) => {
      expect(heavyIn(packagesLoadedBy(join(LIB, domain, "index.ts")))).toEqual([]);
    },
  );
});
