// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import globals from "globals";

/**
 * The public entry points of each library domain (src/lib/<domain>/…): code
 * outside src/lib imports only these. "index" is the domain's light API (it
 * re-exports no model runtime, tokenizer, SDK or Node built-in); the other
 * names are entry points kept out of the index because they are heavy or
 * Node-only. Workers (…/worker.ts) are started with `new URL(…)`, never
 * imported. A domain missing here has no entry point yet: add a line.
 *
 * @type {Record<string, string[] | "any">}
 */
export const LIB_ENTRY_POINTS = {
  assets: ["paths"],
  // The classroom protocol (the session server itself is src/server/classroom, Node only).
  classroom: ["index"],
  corpora: ["index"],
  embeddings: ["index"],
  // onnx-attention edits ONNX graphs with onnx-proto (the encoder loads it lazily).
  encoder: ["index", "onnx-attention"],
  // openai: the SDK; tokens and estimate: the tokenizers (about 1 MB gzip); clip: transformers.js;
  // node: JSONL files and the encoder from disk.
  labeling: ["index", "openai", "tokens", "estimate", "clip", "node"],
  // node: loads our models from disk (node:fs), for scripts, benches and tests.
  lm: ["index", "node"],
  ngram: ["index"],
  offline: ["index"],
  rpc: ["index"],
  runtime: ["index"],
  schelling: ["index"],
  senses: ["index"],
  survey: ["index"],
  vectors: ["index"],
  // embedder loads transformers.js (Node, the worker); index is the light rest.
  vision: ["index", "embedder"],
  words: ["index"],
};

/** An import of src/lib (by the alias or a relative path) that is none of LIB_ENTRY_POINTS. */
const DEEP_LIB_IMPORT = (() => {
  const allowed = Object.entries(LIB_ENTRY_POINTS).flatMap(([domain, entries]) =>
    entries === "any"
      ? [`${domain}(?:/.*)?`]
      : entries.map((entry) => (entry === "index" ? `${domain}(?:/index)?` : `${domain}/${entry}`)),
  );
  return `^(?:@/lib|(?:\\.\\./)+(?:src/)?lib)/(?!(?:${allowed.join("|")})(?:\\.ts)?$)`;
})();

/** Globals of pages, not of Node or Workers: src/lib must not use them. */
const DOM_GLOBALS = [
  "window",
  "document",
  "self",
  "location",
  "history",
  "navigator",
  "screen",
  "localStorage",
  "sessionStorage",
  "customElements",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "getComputedStyle",
  "matchMedia",
  "alert",
  "confirm",
  "prompt",
];

/**
 * Import patterns a file `depth` folders below src/lib must not use.
 *
 * @param {number} depth
 */
function libImportPatterns(depth) {
  return [
    {
      group: ["d3", "d3-*", "astro", "astro:*", "astro/*"],
      message: "src/lib stays free of DOM, d3 and Astro.",
    },
    {
      regex: "^@/",
      message:
        "Inside src/lib import relatively: the worker bundles do not resolve the @/ alias, and src/lib may not reach widgets, scripts or components.",
    },
    {
      regex: `^(?:\\.\\./){${depth + 1},}`,
      message:
        "This import leaves src/lib: the library may not depend on widgets, scripts, components or pages.",
    },
  ];
}

export default defineConfig(
  {
    ignores: [
      "dist/",
      ".astro/",
      "node_modules/",
      "public/",
      "test-results/",
      "playwright-report/",
      "bench/results/",
      "tests/fixtures/**/.astro/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-non-null-assertion": "error",
      // tsconfig's noPropertyAccessFromIndexSignature requires el.dataset["x"]; `as T` beats `!`.
      "@typescript-eslint/dot-notation": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
    },
  },
  ...astro.configs.recommended,
  {
    files: ["**/*.astro", "**/*.astro/*.ts", "*.astro/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The library runs in Node and in Workers: no DOM globals.
    files: ["src/lib/**/*.ts"],
    languageOptions: { globals: { ...globals["shared-node-browser"] } },
    rules: {
      "no-restricted-globals": [
        "error",
        ...DOM_GLOBALS.map((name) => ({
          name,
          message:
            "src/lib runs in Node and in Workers too: pass what you need in, or keep this in src/widgets (worker globals: src/lib/rpc/worker-scope.ts).",
        })),
      ],
    },
  },
  // src/lib imports nothing outside src/lib (one block per folder depth, since
  // how many "../" leave src/lib depends on where the file is).
  ...[0, 1, 2, 3].map(
    (depth) =>
      /** @type {import("eslint").Linter.Config} */ ({
        files: [`src/lib/${"*/".repeat(depth)}*.ts`],
        rules: { "no-restricted-imports": ["error", { patterns: libImportPatterns(depth) }] },
      }),
  ),
  {
    // Outside src/lib a domain is imported through its public entry points only.
    files: [
      "src/**/*.{ts,js,mjs,astro}",
      "src/**/*.astro/*.{ts,js}",
      "scripts/**/*.{ts,js,mjs}",
      "bench/**/*.{ts,js,mjs}",
    ],
    ignores: ["src/lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: DEEP_LIB_IMPORT,
              message:
                "Import a library domain through its entry point (@/lib/<domain>/index or a named one): see LIB_ENTRY_POINTS in eslint.config.js.",
            },
          ],
        },
      ],
    },
  },
);
