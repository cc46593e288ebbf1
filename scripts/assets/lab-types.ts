/**
 * The `lab` module's type declarations for code cells' completion and hover,
 * generated from the library so they cannot drift: TypeScript emits the .d.ts
 * of src/widgets/CodeCell/lab.ts and everything it re-exports from src/lib,
 * "@/…" paths become relative, and each file is served at the path Monaco's
 * module resolution finds for `import … from "lab"` (node_modules/lab/…).
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import ts from "typescript";
import type { AssetStep } from "./types";

export const LAB_TYPES_OUTPUT = "public/generated/lab/types.json";
const ENTRY = "src/widgets/CodeCell/lab.ts";
const ROOT = "node_modules/lab";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** Rewrites "@/x" specifiers in a declaration file at `file` (relative to src/) to relative ones. */
export function relativeAliases(text: string, file: string): string {
  return text.replace(/(["'])@\/([^"']+)\1/g, (_all, quote: string, target: string) => {
    let rel = posix.relative(posix.dirname(file), target);
    if (!rel.startsWith(".")) rel = `./${rel}`;
    return `${quote}${rel}${quote}`;
  });
}

/** path (under node_modules/lab/) → declaration text. */
export function labDeclarations(): Record<string, string> {
  const program = ts.createProgram([ENTRY], {
    declaration: true,
    emitDeclarationOnly: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    baseUrl: ".",
    paths: { "@/*": ["src/*"] },
    rootDir: ".",
    outDir: "/lab-types",
    types: [],
  });
  const files: Record<string, string> = {};
  program.emit(undefined, (name, text) => {
    const rel = relative("/lab-types", name).split("\\").join("/");
    if (!rel.startsWith("src/")) return;
    files[`${ROOT}/${rel}`] = relativeAliases(text, rel.slice("src/".length));
  });
  files[`${ROOT}/package.json`] = JSON.stringify({ name: "lab", types: "index.d.ts" });
  files[`${ROOT}/index.d.ts`] = 'export * from "./src/widgets/CodeCell/lab";\n';
  return files;
}

export const step: AssetStep = {
  name: "lab-types",
  outputs: [LAB_TYPES_OUTPUT],
  inputs: [
    "scripts/assets/lab-types.ts",
    ...sources("src/lib"),
    ...sources("src/widgets/CodeCell").filter((f) => f.includes("lab")),
  ],
  build() {
    const files = labDeclarations();
    mkdirSync(dirname(LAB_TYPES_OUTPUT), { recursive: true });
    writeFileSync(LAB_TYPES_OUTPUT, JSON.stringify(files));
    console.log(
      `assets: ${String(Object.keys(files).length)} declaration files → ${LAB_TYPES_OUTPUT}`,
    );
    return Promise.resolve();
  },
};
