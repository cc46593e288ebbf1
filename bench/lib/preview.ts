/**
 * Serves a built site for benchmarks that need a browser: BENCH_DIST when set
 * (a folder built with `npm run build`), else a fresh build in a temporary
 * folder. The server is the one `npm run preview` and the e2e tests use
 * (src/server/static-site.ts), compressed files included.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { staticSite } from "../../src/server/static-site";

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
/** Where a benchmark's own build goes when BENCH_DIST is not set. */
export const BENCH_BUILD = join(tmpdir(), "llmlab-bench-dist");
let built = false;

export interface Preview {
  url: string;
  /** The folder served. */
  dist: string;
  stop(): void;
}

/** Builds the site into `outDir` as `npm run build` does (Astro, Pagefind, offline files, compression). */
export function buildSite(outDir: string): void {
  execFileSync("npx", ["astro", "build", "--outDir", outDir], { env, stdio: "ignore" });
  execFileSync("npx", ["pagefind", "--site", outDir, "--output-subdir", "pagefind"], {
    env,
    stdio: "ignore",
  });
  execFileSync("npx", ["tsx", "scripts/postbuild.ts", outDir], { env, stdio: "ignore" });
}

export async function startPreview(
  port: number,
  dist: string | undefined = process.env["BENCH_DIST"],
): Promise<Preview> {
  if (dist !== undefined && !existsSync(join(dist, "index.html")))
    throw new Error(`BENCH_DIST=${dist} is not a built site (run npm run build)`);
  const folder = dist ?? BENCH_BUILD;
  if (dist === undefined && !built) {
    buildSite(BENCH_BUILD);
    built = true;
  }
  const server = createServer(staticSite(folder));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    dist: folder,
    stop() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Debian's Chromium when present; `debugPort` opens the DevTools port (for Lighthouse). */
export function launchBrowser(options: { debugPort?: number } = {}): Promise<Browser> {
  return chromium.launch({
    ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
    args: [
      ...(options.debugPort === undefined
        ? []
        : [`--remote-debugging-port=${String(options.debugPort)}`]),
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
