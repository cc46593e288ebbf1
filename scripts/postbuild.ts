/**
 * After `astro build` and Pagefind: the offline manifest and service worker
 * (postbuild/offline.ts), then the compressed copies (postbuild/compress.ts),
 * sw.js and the manifest included. `tsx scripts/postbuild.ts [dir]`.
 */
import { compressSite } from "./postbuild/compress";
import { buildOffline } from "./postbuild/offline";
import { megabytes } from "../src/lib/offline/index";

const dir = process.argv[2] ?? "dist";
const started = Date.now();
const manifest = await buildOffline(dir);
const size = (list: { size: number }[]): number => list.reduce((n, e) => n + e.size, 0);
console.log(
  `offline: ${manifest.shell.length} files kept on install (${megabytes(size(manifest.shell))}), ` +
    `${manifest.lazy.length} on first use (${megabytes(size(manifest.lazy))}); version ${manifest.version}`,
);
const report = await compressSite(dir);
console.log(
  `compress: ${report.files} files, ${megabytes(report.bytes)} → brotli ${megabytes(report.brotliBytes)}, ` +
    `gzip ${megabytes(report.gzipBytes)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
