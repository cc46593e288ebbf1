/**
 * Post-build step "offline": the offline manifest of every built file (size
 * and SHA-256) and the service worker that keeps them (src/sw/), bundled with
 * the manifest inlined, so any changed file makes a new sw.js and the browser
 * sees a new version. Runs on any built folder: the e2e tests rebuild it on a
 * copy to play a second deploy.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import {
  isOptionalFile,
  isShellFile,
  MANIFEST_URL,
  SERVICE_WORKER_URL,
  type OfflineEntry,
  type OfflineManifest,
} from "../../src/lib/offline/index";

const SOURCE = fileURLToPath(new URL("../../src/sw/service-worker.ts", import.meta.url));
/** Files the manifest leaves out: the worker and manifest themselves, and the compressed copies. */
const SKIP = /\.(br|gz)$/;

/** Every file of the built site as a manifest entry, sorted by URL. */
export function listEntries(dir: string): OfflineEntry[] {
  const entries: OfflineEntry[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, name);
    const url = `/${name.replace(/\\/g, "/")}`;
    if (SKIP.test(url) || url === SERVICE_WORKER_URL || url === MANIFEST_URL) continue;
    const stats = statSync(path);
    if (!stats.isFile()) continue;
    const revision = createHash("sha256").update(readFileSync(path)).digest("hex");
    entries.push({ url, revision, size: stats.size });
  }
  return entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export function offlineManifest(dir: string): OfflineManifest {
  const entries = listEntries(dir);
  const urls = new Set(entries.map((e) => e.url));
  const version = createHash("sha256")
    .update(entries.map((e) => `${e.url} ${e.revision}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  return {
    version,
    shell: entries.filter((e) => isShellFile(e.url, e.size)),
    lazy: entries
      .filter((e) => !isShellFile(e.url, e.size))
      .map((e) => (isOptionalFile(e.url, urls) ? { ...e, optional: true as const } : e)),
  };
}

/** Writes dir/offline-manifest.json and dir/sw.js; returns the manifest. */
export async function buildOffline(dir: string): Promise<OfflineManifest> {
  const manifest = offlineManifest(dir);
  // Compressed copies of an earlier sw.js or manifest would be served in place of the new ones.
  for (const url of [SERVICE_WORKER_URL, MANIFEST_URL])
    for (const ext of [".br", ".gz"]) rmSync(join(dir, url.slice(1) + ext), { force: true });
  writeFileSync(join(dir, MANIFEST_URL.slice(1)), JSON.stringify(manifest));
  await build({
    entryPoints: [SOURCE],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    outfile: join(dir, SERVICE_WORKER_URL.slice(1)),
    define: {
      __OFFLINE_MANIFEST__: JSON.stringify(manifest),
      "process.env.NODE_ENV": JSON.stringify("production"),
    },
    logLevel: "warning",
  });
  return manifest;
}
