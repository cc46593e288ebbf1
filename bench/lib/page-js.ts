/**
 * The JavaScript a built page ships before any widget is used: its inline
 * scripts plus every module its <script src> tags import statically, followed
 * transitively. Dynamic import() targets (lazy widgets, Monaco, models) do not count.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageJs {
  /** Path of the page relative to the dist folder, e.g. "lessons/01-x/index.html". */
  page: string;
  /** Module files counted, relative to dist. */
  files: string[];
  bytes: number;
  gzipBytes: number;
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/** Static import specifiers of a module's source, in order, without dynamic import(). */
export function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(STATIC_IMPORT)) specifiers.push(match[1] as string);
  return specifiers;
}

function resolveSpecifier(
  distDir: string,
  fromFile: string | null,
  specifier: string,
): string | null {
  if (specifier.startsWith("/")) return join(distDir, specifier);
  if (specifier.startsWith(".")) return resolve(fromFile ? dirname(fromFile) : distDir, specifier);
  return null; // bare specifiers cannot occur in a built site
}

/** Measures one HTML file of a built site. */
export function measurePage(distDir: string, htmlFile: string): PageJs {
  const html = readFileSync(htmlFile, "utf8");
  const seen = new Set<string>();
  const chunks: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    chunks.push(source);
    for (const spec of staticImports(source)) {
      const target = resolveSpecifier(distDir, file, spec);
      if (target) visit(target);
    }
  };
  for (const match of html.matchAll(SCRIPT_TAG)) {
    const attributes = match[1] ?? "";
    const body = match[2] ?? "";
    if (/type=["']?application\/(ld\+)?json/i.test(attributes)) continue;
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes)?.[1];
    if (src) {
      const target = resolveSpecifier(distDir, null, src.split("?")[0] ?? src);
      if (target) visit(target);
    } else if (body.trim()) {
      chunks.push(body);
      for (const spec of staticImports(body)) {
        const target = resolveSpecifier(distDir, htmlFile, spec);
        if (target) visit(target);
      }
    }
  }
  const all = chunks.join("\n");
  return {
    page: relative(distDir, htmlFile),
    files: [...seen].map((f) => relative(distDir, f)).sort(),
    bytes: Buffer.byteLength(all),
    gzipBytes: gzipSync(all, { level: 9 }).length,
  };
}

/** Every HTML page under distDir, measured, sorted by path. */
export function measureSite(distDir: string): PageJs[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "pagefind" && entry.name !== "_astro") walk(full);
      } else if (entry.name.endsWith(".html")) pages.push(full);
    }
  };
  walk(distDir);
  return pages.sort().map((file) => measurePage(distDir, file));
}
