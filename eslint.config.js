// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import globals from "globals";

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
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["d3*", "astro*", "@/widgets/*", "@/scripts/*", "@/components/*"],
              message: "src/lib stays free of DOM, d3 and Astro.",
            },
          ],
        },
      ],
    },
  },
);
