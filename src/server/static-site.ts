/**
 * Serves the built site (dist/) as a static host should: the pre-compressed
 * `.br` / `.gz` copies that `npm run build` writes (scripts/postbuild/),
 * chosen by the browser's Accept-Encoding, with cache headers that let the
 * browser keep hashed files for good and revalidate everything else. The
 * preview (`npm run preview`), the e2e tests and the classroom server all use
 * it, so what is tested is what a classroom gets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import sirv from "sirv";
import { DECODED_LENGTH_HEADER } from "../lib/runtime/index";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Cache-Control for a URL path: Vite's hashed files never change; the rest is revalidated (ETag). */
export function cacheControl(pathname: string): string {
  return pathname.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "no-cache";
}

/** The decoded size of every file that has a compressed copy, by URL path. */
function decodedSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(".br") && !name.endsWith(".gz")) continue;
    const original = join(dir, name.slice(0, -3));
    if (existsSync(original))
      sizes.set(`/${name.slice(0, -3).replace(/\\/g, "/")}`, statSync(original).size);
  }
  return sizes;
}

export function staticSite(dir: string): Handler {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html")))
    throw new Error(`${root} holds no built site (index.html): run npm run build first.`);
  const sizes = decodedSizes(root);
  const notFoundPage = join(root, "404.html");
  const notFound = existsSync(notFoundPage) ? readFileSync(notFoundPage) : null;
  const serve = sirv(root, {
    etag: true,
    brotli: true,
    gzip: true,
    dev: false,
    extensions: ["html"],
    setHeaders(res, pathname) {
      res.setHeader("Cache-Control", cacheControl(pathname));
      const decoded = sizes.get(pathname);
      if (decoded !== undefined) res.setHeader(DECODED_LENGTH_HEADER, String(decoded));
      // The service worker may control the whole site from /sw.js.
      if (pathname === "/sw.js") res.setHeader("Service-Worker-Allowed", "/");
    },
  });
  return (req, res) => {
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "no-cache");
      res.end(notFound ?? "Not found");
    });
  };
}
