import { readdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";

/** Every lesson folder, in course order: the e2e suite visits each one. */
export const LESSON_IDS = readdirSync("content/lessons", { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();

export const SCREENSHOT_DIR = "test-results/screenshots";

/**
 * A page that fails the test on any console error, uncaught exception, or
 * request to a host other than 127.0.0.1 (the site must work offline).
 */
export const test = base.extend<{ guardedPage: Page; problems: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  problems: async ({}, use) => {
    await use([]);
  },
  guardedPage: async ({ page, problems }, use) => {
    page.on("console", (message) => {
      // A failed response is reported by the "response" handler below, with its URL.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        problems.push(`console error: ${message.text()}`);
    });
    page.on("response", (response) => {
      // A page's own 404 is checked by the test that asks for it; a broken asset never is.
      if (response.status() >= 400 && !response.request().isNavigationRequest())
        problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
      if (url.hostname !== "127.0.0.1") problems.push(`request to a non-local host: ${url.href}`);
    });
    await use(page);
    expect(problems, "console errors, page errors or non-local requests").toEqual([]);
  },
});

export { expect };

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) and expects no violations:
 * on the whole page, or only inside `include` (a widget's tag: the page's other
 * widgets have their own tests).
 */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags([
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "best-practice",
  ]);
  const results = await (include ? axe.include(include) : axe).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Opens `url`, scrolls the widget `tag` into view (it loads near the viewport) and waits until it is ready. */
export async function openWidget(
  page: Page,
  url: string,
  tag: string,
  timeout?: number,
): Promise<Locator> {
  await page.goto(url);
  const widget = page.locator(tag);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-ready", "true", timeout ? { timeout } : {});
  return widget;
}

/** Switches the theme the way a learner does: with the toggle in the header. */
export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  const html = page.locator("html");
  if ((await html.getAttribute("data-theme")) !== theme) {
    await page.getByRole("button", { name: "Dark mode" }).click();
  }
  await expect(html).toHaveAttribute("data-theme", theme);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
