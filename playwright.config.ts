import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium when present (CI, offline machines); else Playwright's own browser. */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** Override with E2E_PORT to run two suites side by side. */
const PORT = Number(process.env["E2E_PORT"] ?? 4329);

const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  outputDir: process.env["E2E_OUTPUT"] ?? "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    // Page routes do not see what a service worker answers; the offline tests allow it.
    serviceWorkers: "block",
    launchOptions: {
      args: chromiumFlags,
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // E2E_DIST serves another build folder, so two suites can run side by side.
    command: `npx tsx scripts/serve.ts --host 127.0.0.1 --port ${PORT} --dir ${process.env["E2E_DIST"] ?? "dist"}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: "1" },
  },
});
