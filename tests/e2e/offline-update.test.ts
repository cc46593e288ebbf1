/**
 * A new deploy while a learner has the course open (issue 16): the open page
 * keeps its version, whole; the new one takes over only when the learner
 * presses "Reload to update"; then nothing of the old version is left, and a
 * file the server changed under an old page is never kept under the old name.
 * Each test serves its own copy of the built site (deploy A), then rebuilds
 * it in place as deploy B (changed files, a new manifest and service worker).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildOffline } from "../../scripts/postbuild/offline";
import { staticSite } from "../../src/server/static-site";
import { expect, test } from "./fixtures";

test.use({ serviceWorkers: "allow" });
test.setTimeout(120_000);

const LESSON = "lessons/02-contextual-embeddings/index.html";
/** A lazy file lesson 02 reads (the preset's precomputed result). */
const DATA = "generated/precomputed/contexts.json";

function serve(dir: string, port = 0): Promise<Server> {
  const server = createServer(staticSite(dir));
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      resolve(server);
    });
  });
}

/** The port a test server listens on, and its URL. */
function address(server: Server): { port: number; base: string } {
  const { port } = server.address() as AddressInfo;
  return { port, base: `http://127.0.0.1:${String(port)}` };
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
  });
}

/** Changes a built file as a new deploy would, dropping its stale compressed copies. */
function change(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  for (const ext of [".br", ".gz"]) rmSync(path + ext, { force: true });
}

const cacheState = `(async () => {
  const out = {};
  for (const name of await caches.keys())
    out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  return out;
})()`;

test.describe("a new deploy", () => {
  let dir = "";
  test.beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), "llmlab-deploy-")), "site");
    cpSync("dist", dir, { recursive: true });
  });
  test.afterEach(() => {
    rmSync(join(dir, ".."), { recursive: true, force: true });
  });

  test("keeps the open page on its version until the learner updates, then leaves nothing old", async ({
    page,
  }) => {
    let server = await serve(dir);
    const { port, base } = address(server);
    await page.goto(`${base}/lessons/02-contextual-embeddings/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const lens = page.locator("context-lens");
    await lens.scrollIntoViewIfNeeded();
    await expect(lens).toHaveAttribute("data-ready", "true");
    const panel = page.locator("[data-offline-panel]");
    const versionA = await panel.getAttribute("data-version");
    // Lesson 02 has read its precomputed data: it is kept under deploy A's revision.
    await expect
      .poll(async () => {
        const state = await page.evaluate<Record<string, string[]>>(cacheState);
        return (state["llmlab-lazy"] ?? []).some((url) => url.includes(DATA));
      })
      .toBe(true);
    const dataA = await page.evaluate(async (url) => (await fetch(url)).text(), `/${DATA}`);

    // Deploy B: a changed page and a changed data file.
    change(dir, LESSON, (html) => html.replace("<h1", '<h1 data-deploy="B"'));
    change(dir, DATA, (json) => `${json}\n`);
    const manifestB = await buildOffline(dir);
    expect(manifestB.version).not.toBe(versionA);
    await stop(server);
    server = await serve(dir, port);

    // The open page reloads on version A: the old page and the old data, whole.
    await page.reload();
    await expect(page.locator("h1")).not.toHaveAttribute("data-deploy", "B");
    expect(await page.evaluate(async (url) => (await fetch(url)).text(), `/${DATA}`)).toBe(dataA);
    const banner = page.locator("[data-update-banner]");
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText("A new version of LLM Lab is ready.");
    await page.screenshot({ path: "test-results/screenshots/offline-update-banner.png" });

    await banner.getByRole("button", { name: "Reload to update" }).click();
    await expect(page.locator("h1")).toHaveAttribute("data-deploy", "B", { timeout: 30_000 });
    await expect(page.locator("[data-offline-panel]")).toHaveAttribute(
      "data-version",
      manifestB.version,
    );
    expect(await page.evaluate(async (url) => (await fetch(url)).text(), `/${DATA}`)).toBe(
      `${dataA}\n`,
    );
    // Nothing of deploy A is left: every cached key carries one of B's revisions.
    const revisionsB = new Set([...manifestB.shell, ...manifestB.lazy].map((e) => e.revision));
    const state = await page.evaluate<Record<string, string[]>>(cacheState);
    const keys = Object.values(state).flat();
    expect(keys.length).toBeGreaterThan(manifestB.shell.length - 1);
    for (const key of keys) {
      const url = new URL(key);
      const revision =
        url.searchParams.get("__WB_REVISION__") ?? url.searchParams.get("__llmlab_rev");
      // Workbox keeps hashed /_astro/ files under their own name (the hash is the revision).
      if (revision !== null) expect(revisionsB, key).toContain(revision);
    }
    await stop(server);
  });

  test("a file the server changed under an old page is served, not kept, and the page is told", async ({
    page,
  }) => {
    let server = await serve(dir);
    const { port, base } = address(server);
    // The home page reads no precomputed data, so nothing of it is kept yet.
    await page.goto(`${base}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    change(dir, DATA, (json) => `${json}\n`);
    await stop(server);
    server = await serve(dir, port);

    // Under deploy A's worker the file arrives with another hash than A's manifest names.
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), `/${DATA}`);
    expect(text.endsWith("\n")).toBe(true);
    const banner = page.locator("[data-update-banner]");
    await expect(banner).toContainText("The course was updated on the server");
    const state = await page.evaluate<Record<string, string[]>>(cacheState);
    expect((state["llmlab-lazy"] ?? []).some((url) => url.includes(DATA))).toBe(false);
    await stop(server);
  });
});
