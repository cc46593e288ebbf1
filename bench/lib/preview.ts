/** Builds the site into a temporary folder and serves it, for benchmarks that need a browser. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" };
const outDir = join(tmpdir(), "llmlab-bench-dist");
let built = false;

export interface Preview {
  url: string;
  stop(): void;
}

export async function startPreview(port: number): Promise<Preview> {
  if (!built) {
    execFileSync("npx", ["astro", "build", "--outDir", outDir], { env, stdio: "ignore" });
    built = true;
  }
  const server: ChildProcess = spawn(
    "npx",
    ["astro", "preview", "--host", "127.0.0.1", "--port", String(port), "--outDir", outDir],
    { env, stdio: "ignore", detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop() {
      if (server.pid) process.kill(-server.pid);
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
    args: [
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
