/**
 * The offline copy (issue 16): after one visit a lesson and its model work
 * without a network; "Make the whole course available offline" keeps every
 * lesson; a full browser storage gets a clear message and loses nothing.
 * A second deploy is in offline-update.test.ts.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, LESSON_IDS, SCREENSHOT_DIR, screenshot, setTheme, test } from "./fixtures";

test.use({ serviceWorkers: "allow" });
test.setTimeout(180_000);

const LESSON_02 = "/lessons/02-contextual-embeddings/";

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

async function compare(page: Page): Promise<Locator> {
  const lens = page.locator("context-lens");
  await lens.scrollIntoViewIfNeeded();
  await expect(lens).toHaveAttribute("data-ready", "true");
  await lens.getByRole("button", { name: "Compare in context" }).click();
  await expect(lens).toHaveAttribute("data-source", "live", { timeout: 90_000 });
  return lens;
}

const cashRiver = (lens: Locator): Promise<string | null> =>
  lens.locator('td[data-i="0"][data-j="1"]').getAttribute("data-similarity");

/** Every widget on the page: scrolled to, and ready (its code and data loaded). */
async function expectWidgetsReady(page: Page): Promise<number> {
  // A widget is the custom element around its frame.
  const tags = await page.locator("[data-widget-frame]").evaluateAll((frames) => {
    const names = frames.map((frame) => {
      let el = frame.parentElement;
      while (el && !el.localName.includes("-")) el = el.parentElement;
      return el?.localName ?? "";
    });
    return [...new Set(names.filter(Boolean))];
  });
  for (const tag of tags) {
    for (const widget of await page.locator(tag).all()) {
      await widget.scrollIntoViewIfNeeded();
      await expect(widget, `${tag} on ${page.url()}`).toHaveAttribute("data-ready", "true", {
        timeout: 60_000,
      });
    }
  }
  return tags.length;
}

test("after one visit, lesson 02 and its encoder work offline, and other pages open", async ({
  guardedPage: page,
  context,
}) => {
  await page.goto(LESSON_02);
  await controlled(page);
  const online = await cashRiver(await compare(page));
  // The model is kept once it has been checked against the manifest's hash.
  const panel = page.locator("[data-offline-panel]");
  await expect(panel).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await caches.open("llmlab-lazy")).keys()).some((r) =>
          r.url.includes("/use-lite/onnx/"),
        ),
      ),
    )
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator("h1")).toContainText("Contextual");
  const offline = await cashRiver(await compare(page));
  expect(offline).toBe(online);

  // A page never visited opens too: every page is kept when the service worker installs.
  await page.goto("/lessons/06-agent-based-models/");
  await expect(page.locator("h1")).toBeVisible();
  const game = page.locator("schelling-game");
  await game.scrollIntoViewIfNeeded();
  await expect(game).toHaveAttribute("data-ready", "true");

  // A page the site does not have: its own "not found" page, not the browser's error.
  await page.goto("/no-such-page/");
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: /Word embeddings/ })).toBeVisible();
});

test("a full browser storage: a clear message, nothing downloaded, the course still works", async ({
  guardedPage: page,
}) => {
  // What a phone with little free space reports (Chromium's own quota here is gigabytes).
  await page.addInitScript(() => {
    StorageManager.prototype.estimate = () =>
      Promise.resolve({ quota: 5_000_000, usage: 1_000_000 });
  });
  await page.goto("/");
  await controlled(page);
  const panel = page.locator("[data-offline-panel]");
  const button = panel.getByRole("button", { name: /Make the whole course available offline/ });
  await expect(button).toBeVisible();
  await button.click();
  const message = panel.locator('[data-offline-part="message"]');
  await expect(message).toContainText("this browser allows this site only");
  await expect(message).toContainText("the course still works online");
  await expect(message).toContainText("only 4.0 MB more");
  await expect(message).toHaveAttribute("data-tone", "warn");
  const kept = await page.evaluate(
    async () => (await (await caches.open("llmlab-lazy")).keys()).length,
  );
  expect(kept).toBe(0);
  await screenshot(page, "offline-quota");
  await setTheme(page, "dark");
  await page.setViewportSize({ width: 375, height: 800 });
  await panel.scrollIntoViewIfNeeded();
  await expect.poll(() => panel.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/offline-panel-375-dark.png` });
});

test("make the whole course available offline, then every lesson works without a network", async ({
  guardedPage: page,
  context,
}) => {
  await page.goto("/");
  await controlled(page);
  const panel = page.locator("[data-offline-panel]");
  const button = panel.getByRole("button", { name: /Make the whole course available offline/ });
  // The button says how much it will fetch.
  await expect(button).toHaveText(/\(\d+\.\d MB\)/);
  await button.click();
  await expect(panel.locator("progress")).toBeVisible();
  const message = panel.locator('[data-offline-part="message"]');
  await expect(message).toContainText("Done: every lesson now works without a network.", {
    timeout: 150_000,
  });
  await expect(panel).toHaveAttribute("data-missing", "0");
  await expect(button).toBeHidden();
  await expect(panel.locator('[data-offline-part="status"]')).toContainText(
    "is available offline on this device",
  );
  await screenshot(page, "offline-all-kept");

  await context.setOffline(true);
  let widgets = 0;
  for (const id of LESSON_IDS) {
    await page.goto(`/lessons/${id}/`);
    await expect(page.locator("h1")).toBeVisible();
    widgets += await expectWidgetsReady(page);
  }
  expect(widgets).toBeGreaterThan(LESSON_IDS.length);

  // The course's own GPT, offline, from the copy.
  await page.goto("/lessons/03-how-llms-work/");
  const nextWord = page.locator("next-word");
  await nextWord.scrollIntoViewIfNeeded();
  await expect(nextWord).toHaveAttribute("data-ready", "true");
  await nextWord.getByRole("button", { name: "Predict the next word" }).click();
  await expect(nextWord.locator("svg rect[data-word]").first()).toBeVisible({
    timeout: 60_000,
  });
});
