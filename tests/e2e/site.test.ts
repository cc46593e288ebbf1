import { LESSON_IDS, expect, expectAccessible, screenshot, setTheme, test } from "./fixtures";

const PAGES = [
  { name: "home", path: "/" },
  ...LESSON_IDS.map((id) => ({ name: `lesson-${id}`, path: `/lessons/${id}/` })),
  { name: "search", path: "/search/?q=attention" },
  { name: "not-found", path: "/no-such-page/" },
];

test.describe("every page", () => {
  for (const { name, path } of PAGES) {
    test(`${name} renders, passes axe in both themes, and is screenshotted`, async ({
      guardedPage: page,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(name === "not-found" ? 404 : 200);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.getByRole("main")).toBeVisible();
      await expect(page.getByRole("banner")).toBeVisible();
      await expect(page.getByRole("contentinfo")).toBeVisible();
      await page.evaluate(() => document.fonts.ready);

      await setTheme(page, "light");
      await expectAccessible(page, `${name} (light)`);
      await screenshot(page, `${name}-light`);

      await setTheme(page, "dark");
      await expectAccessible(page, `${name} (dark)`);
      await screenshot(page, `${name}-dark`);

      await page.setViewportSize({ width: 375, height: 800 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, "no horizontal scroll at 375 px").toBeLessThanOrEqual(0);
      await setTheme(page, "light");
      await screenshot(page, `${name}-375`);
    });
  }
});

test("home lists the seven lessons in order and links to each", async ({ guardedPage: page }) => {
  await page.goto("/");
  const cards = page.locator("#lessons .card-title a");
  await expect(cards).toHaveCount(LESSON_IDS.length);
  const hrefs = await cards.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(LESSON_IDS.map((id) => `/lessons/${id}/`));
  await expect(page.getByText("Learn how LLMs work")).toBeVisible();
});

test("previous/next and the sidebar walk through the course", async ({ guardedPage: page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Start with lesson 01" }).click();
  await expect(page).toHaveURL(`/lessons/${LESSON_IDS[0]}/`);
  for (const id of LESSON_IDS.slice(1)) {
    await page.getByRole("link", { name: /^Next →/ }).click();
    await expect(page).toHaveURL(`/lessons/${id}/`);
    await expect(
      page.getByRole("navigation", { name: "Lessons" }).locator('[aria-current="page"]'),
    ).toHaveAttribute("href", `/lessons/${id}/`);
  }
  await expect(page.getByRole("link", { name: /Finished/ })).toHaveAttribute("href", "/");
  await page.getByRole("link", { name: /^← Previous/ }).click();
  await expect(page).toHaveURL(`/lessons/${LESSON_IDS.at(-2) ?? ""}/`);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const firstEntry = toc.getByRole("link").first();
  const target = await firstEntry.getAttribute("href");
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target ?? "#"}$`));
});

test("progress: marking a lesson done shows on every page and survives a reload", async ({
  guardedPage: page,
}) => {
  const id = LESSON_IDS[1] ?? "";
  await page.goto(`/lessons/${id}/`);
  const meter = page.locator("[data-progress-text]");
  await expect(meter).toHaveText(`0 of ${LESSON_IDS.length} lessons done`);
  await page.getByRole("button", { name: "Mark lesson as done" }).click();
  await expect(page.getByRole("button", { name: /Done ✓/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(meter).toHaveText(`1 of ${LESSON_IDS.length} lessons done`);

  await page.goto("/");
  await expect(page.locator(`.cards [data-done-mark="${id}"]`)).toHaveAttribute(
    "data-done",
    "true",
  );
  await expect(page.locator(`.cards [data-done-mark="${LESSON_IDS[0] ?? ""}"]`)).toHaveAttribute(
    "data-done",
    "false",
  );
  await page.reload();
  await expect(page.locator("[data-progress-text]")).toHaveText(
    `1 of ${LESSON_IDS.length} lessons done`,
  );

  await page.goto(`/lessons/${id}/`);
  await page.getByRole("button", { name: /Done ✓/ }).click();
  await expect(page.locator("[data-progress-text]")).toHaveText(
    `0 of ${LESSON_IDS.length} lessons done`,
  );
});

test("progress: unreadable stored progress is ignored, not fatal", async ({
  guardedPage: page,
}) => {
  await page.goto("/");
  await page.evaluate(() => {
    localStorage.setItem("llmlab:progress", "{broken");
  });
  await page.reload();
  await expect(page.locator("[data-progress-text]")).toHaveText(
    `0 of ${LESSON_IDS.length} lessons done`,
  );
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system, and the toggle's choice wins and persists", async ({
    guardedPage: page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    const toggle = page.getByRole("button", { name: "Dark mode" });
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await toggle.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(background).toBe("rgb(255, 255, 255)");
    await page.goto(`/lessons/${LESSON_IDS[0] ?? ""}/`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });
});

test("search finds lessons by their words", async ({ guardedPage: page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search the lessons" }).fill("Schelling");
  await page.getByRole("searchbox", { name: "Search the lessons" }).press("Enter");
  await expect(page).toHaveURL(/\/search\/\?q=Schelling/);
  const results = page.locator("[data-search-results] li a");
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((links) =>
    links.map((a) => a.getAttribute("href") ?? ""),
  );
  expect(hrefs.some((href) => href.includes("agent-based-models"))).toBe(true);
  await expect(page.locator("[data-search-status]")).toContainText("Schelling");

  await page.goto("/search/?q=zzzxqv");
  await expect(page.locator("[data-search-status]")).toContainText("No lesson mentions");
  // Pagefind answers this nonsense with partial matches (it once showed "2 lessons mention"):
  // only pages that have the word are listed.
  await page.goto("/search/?q=xyzzyqq");
  await expect(page.locator("[data-search-status]")).toContainText("No lesson mentions “xyzzyqq”");
  await expect(page.locator("[data-search-results] li")).toHaveCount(0);
});

test("an unknown URL gets a helpful 404 that lists the lessons", async ({ guardedPage: page }) => {
  const response = await page.goto("/lessons/99-nothing/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator(".cards li")).toHaveCount(LESSON_IDS.length);
});

test("keyboard: the skip link moves focus to the lesson, past the sidebar", async ({
  guardedPage: page,
}) => {
  await page.goto(`/lessons/${LESSON_IDS[0] ?? ""}/`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#lesson$/);
  await expect(page.locator("article#lesson")).toBeFocused();
  // The next Tab stop is inside the lesson, not in the sidebar.
  await page.keyboard.press("Tab");
  expect(
    await page.evaluate(() => document.activeElement?.closest("article#lesson") !== null),
  ).toBe(true);
  await page.goto("/");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("lesson prose is readable and widgets say they need JavaScript", async ({ page }) => {
    await page.goto(`/lessons/${LESSON_IDS[0] ?? ""}/`);
    await expect(page.locator(".prose h2").first()).toBeVisible();
    expect((await page.locator(".prose").innerText()).length).toBeGreaterThan(3000);
    await expect(page.getByText("This interactive widget needs JavaScript").first()).toBeVisible();
  });
});
