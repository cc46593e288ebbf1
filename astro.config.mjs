// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { rehypeScrollableTables } from "./src/plugins/rehype-scrollable-tables.ts";
import { ortWasmFallback } from "./src/plugins/vite-ort-fallback.ts";
import { sharedRuntime } from "./src/plugins/vite-shared-runtime.ts";

export default defineConfig({
  site: "http://127.0.0.1:4321",
  trailingSlash: "ignore",
  integrations: [mdx()],
  markdown: { rehypePlugins: [rehypeScrollableTables] },
  build: { format: "directory" },
  // Keep the page's own script inline-free of third-party hosts; fonts are system fonts.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    plugins: [sharedRuntime(), ortWasmFallback()],
    build: { assetsInlineLimit: 0 },
    // The encoder worker imports transformers.js, which splits into chunks.
    worker: { format: "es", plugins: () => [sharedRuntime(), ortWasmFallback()] },
  },
});
