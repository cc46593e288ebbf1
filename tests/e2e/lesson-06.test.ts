import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { measureSite } from "../../bench/lib/page-js";
import { createSchelling, hashGrid, type SchellingOptions } from "../../src/lib/schelling/index";
import { expect, setTheme, test, openWidget } from "./fixtures";

const PATH = "/lessons/06-agent-based-models/";
const SHOTS = "test-results/screenshots";

/** The widget's default classroom, as library options (the test states them independently). */
const CLASSROOM: SchellingOptions = {
  width: 8,
  height: 6,
  agents: 40,
  shares: [0.5, 0.5],
  rule: "classroom",
  minSame: 2,
  neighborhood: "moore",
  radius: 1,
  boundary: "bounded",
  seed: 15,
};

async function openSchelling(page: Page, query = ""): Promise<Locator> {
  const widget = await openWidget(page, `${PATH}${query}`, "schelling-game");
  await expect(widget).toHaveAttribute("data-hash", /^[0-9a-f]{8}$/);
  return widget;
}

const attr = async (widget: Locator, name: string): Promise<string> =>
  (await widget.getAttribute(`data-${name}`)) ?? "";

/** The centre of a cell of the canvas, in page coordinates. */
async function cellCenter(widget: Locator, cell: number, width: number, height: number) {
  const box = await widget.locator("canvas").boundingBox();
  if (!box) throw new Error("no canvas");
  const x = cell % width;
  const y = Math.floor(cell / width);
  return {
    x: box.x + ((x + 0.5) * box.width) / width,
    y: box.y + ((y + 0.5) * box.height) / height,
  };
}

test.describe("Schelling", () => {
  test("the classroom game plays to the end, nobody unhappy, the same as in Node", async ({
    guardedPage: page,
  }) => {
    const widget = await openSchelling(page);
    const model = createSchelling(CLASSROOM);
    await expect(widget).toHaveAttribute("data-host", "local");
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 8, 6));
    expect(Number(await attr(widget, "unhappy"))).toBe(model.stats().unhappy);
    expect(model.stats().unhappy).toBeGreaterThan(0);
    const chart = widget.locator('[data-part="chart"]');
    await expect(chart).toHaveAttribute("data-points", "1");

    // One student at a time: the move is described, drawn, charted, and matches Node's.
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(widget).toHaveAttribute("data-moves", "1");
    const move = model.step();
    expect(move).not.toBeNull();
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 8, 6));
    await expect(widget.locator('[data-part="status"]')).toContainText(
      /student at row \d, seat \d .* moved to row/,
    );
    await expect(chart).toHaveAttribute("data-points", "2");
    const pathBefore = await chart.locator('path[data-series="similarity"]').getAttribute("d");

    // Play at full speed to the end.
    await widget.getByLabel("Speed", { exact: true }).fill("6");
    await widget.getByRole("button", { name: "Play" }).click();
    await expect(widget).toHaveAttribute("data-settled", "true", { timeout: 20_000 });
    await expect(widget).toHaveAttribute("data-unhappy", "0");
    await expect(widget.locator('[data-part="status"]')).toContainText("Everyone is happy");
    await expect(widget.getByRole("button", { name: "Play" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    while (model.step());
    expect(model.stats().unhappy).toBe(0);
    expect(await attr(widget, "moves")).toBe(String(model.stats().moves));
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 8, 6));
    await expect(chart).toHaveAttribute("data-points", String(model.stats().moves + 1));
    expect(await chart.locator('path[data-series="similarity"]').getAttribute("d")).not.toBe(
      pathBefore,
    );
    const similar = model.stats().similarity;
    await expect(widget.locator('[data-part="metrics"]')).toContainText(
      `${(100 * similar).toFixed(1)} %`,
    );

    await setTheme(page, "light");
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-light.png` });
    await setTheme(page, "dark");
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-dark.png` });
    // The whole page is checked by site.test.ts; here, the widget once it has run.
    const axe = await new AxeBuilder({ page })
      .include("schelling-game")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("the instructor moves students by click, by drag and by keyboard", async ({
    guardedPage: page,
  }) => {
    const widget = await openSchelling(page);
    const model = createSchelling(CLASSROOM);
    const cells = [...model.cells];
    const students = cells.flatMap((v, i) => (v > 0 ? [i] : []));
    const empty = cells.flatMap((v, i) => (v === 0 ? [i] : []));
    const [a, b, c] = students as [number, number, number];
    const [e1, e2, e3] = empty as [number, number, number];

    // Click a student, then an empty seat.
    let at = await cellCenter(widget, a, 8, 6);
    await page.mouse.click(at.x, at.y);
    at = await cellCenter(widget, e1, 8, 6);
    await page.mouse.click(at.x, at.y);
    await expect(widget).toHaveAttribute("data-moves", "1");
    model.moveAgent(a, e1);
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 8, 6));

    // Drag a student onto an empty seat.
    at = await cellCenter(widget, b, 8, 6);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    at = await cellCenter(widget, e2, 8, 6);
    await page.mouse.move(at.x, at.y, { steps: 5 });
    await page.mouse.up();
    await expect(widget).toHaveAttribute("data-moves", "2");
    model.moveAgent(b, e2);
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 8, 6));

    // Keyboard: the cursor starts at row 1, seat 1; walk to the student, Enter, walk to the seat, Enter.
    const canvas = widget.locator("canvas");
    await canvas.focus();
    const walk = async (from: number, to: number): Promise<void> => {
      const dx = (to % 8) - (from % 8);
      const dy = Math.floor(to / 8) - Math.floor(from / 8);
      for (let i = 0; i < Math.abs(dx); i++)
        await page.keyboard.press(dx > 0 ? "ArrowRight" : "ArrowLeft");
      for (let i = 0; i < Math.abs(dy); i++)
        await page.keyboard.press(dy > 0 ? "ArrowDown" : "ArrowUp");
    };
    await walk(0, c);
    await page.keyboard.press("Enter");
    await expect(widget.locator('[data-part="status"]')).toContainText("Picked up");
    await walk(c, e3);
    await expect(widget.locator('[data-part="status"]')).toContainText(
      "empty seat. Press Enter to move",
    );
    await page.keyboard.press("Enter");
    await expect(widget).toHaveAttribute("data-moves", "3");
    model.moveAgent(c, e3);
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 8, 6));
  });

  test("the simulator runs in a worker: same seed, same grid as Node; the chart grows", async ({
    guardedPage: page,
  }) => {
    const widget = await openSchelling(page, "?sg.mode=simulator&sg.w=60&sg.h=40&sg.seed=7");
    await expect(widget).toHaveAttribute("data-host", "worker");
    const model = createSchelling({
      width: 60,
      height: 40,
      density: 0.9,
      shares: [0.5, 0.5],
      rule: "threshold",
      wanted: 0.3,
      move: "walk",
      schedule: "netlogo",
      neighborhood: "moore",
      radius: 1,
      boundary: "torus",
      seed: 7,
    });
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 60, 40));
    const step = widget.getByRole("button", { name: "Step (1 round)" });
    for (let round = 1; round <= 3; round++) {
      await step.click();
      await expect(widget).toHaveAttribute("data-rounds", String(round));
    }
    model.run(3);
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 60, 40));
    expect(await attr(widget, "moves")).toBe(String(model.stats().moves));

    const chart = widget.locator('[data-part="chart"]');
    await expect(chart).toHaveAttribute("data-points", "4");
    await widget.getByRole("button", { name: "Play" }).click();
    await expect
      .poll(async () => Number(await chart.getAttribute("data-points")), { timeout: 20_000 })
      .toBeGreaterThan(6);
    await widget.getByRole("button", { name: "Pause" }).click();
    await expect(widget.getByRole("button", { name: "Play" })).toBeVisible();
    await setTheme(page, "light");
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-simulator-light.png` });
    await setTheme(page, "dark");
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-simulator-dark.png` });
  });

  test("a 1000 × 1000 grid runs a round in the worker", async ({ guardedPage: page }) => {
    const widget = await openSchelling(page, "?sg.mode=simulator&sg.w=1000&sg.h=1000");
    await expect(widget).toHaveAttribute("data-host", "worker");
    await widget.getByRole("button", { name: "Step (1 round)" }).click();
    // The page answers while the worker computes.
    expect(await page.evaluate(() => document.title)).toContain("Agent-based");
    await expect(widget).toHaveAttribute("data-rounds", "1", { timeout: 30_000 });
    expect(Number(await attr(widget, "moves"))).toBeGreaterThan(50_000);
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-million.png` });
  });

  test("settings go into the URL and survive a reload", async ({ guardedPage: page }) => {
    const widget = await openSchelling(page);
    await widget.getByText("Settings").click();
    await widget.getByLabel("Rule", { exact: true }).selectOption("threshold");
    await widget.getByLabel("Similar neighbours wanted (%)").fill("50");
    await widget.getByLabel("Similar neighbours wanted (%)").press("Enter");
    await widget.getByLabel("Seed", { exact: true }).fill("99");
    await widget.getByLabel("Seed", { exact: true }).press("Enter");
    await widget.getByLabel("Draw each group with its own shape").uncheck();
    await expect(page).toHaveURL(/sg\.rule=threshold/);
    await expect(page).toHaveURL(/sg\.want=50/);
    await expect(page).toHaveURL(/sg\.seed=99/);
    await expect(page).toHaveURL(/sg\.shapes=0/);
    const hash = await attr(widget, "hash");
    const model = createSchelling({
      width: 8,
      height: 6,
      agents: 40,
      shares: [0.5, 0.5],
      rule: "threshold",
      wanted: 0.5,
      move: "walk",
      neighborhood: "moore",
      radius: 1,
      boundary: "bounded",
      seed: 99,
    });
    expect(hash).toBe(hashGrid(model.cells, 8, 6));

    await page.reload();
    await openSchelling(page, new URL(page.url()).search);
    await expect(widget.getByLabel("Rule", { exact: true })).toHaveValue("threshold");
    await expect(widget.getByLabel("Similar neighbours wanted (%)")).toHaveValue("50");
    await expect(widget.getByLabel("Seed", { exact: true })).toHaveValue("99");
    await expect(widget.getByLabel("Draw each group with its own shape")).not.toBeChecked();
    expect(await attr(widget, "hash")).toBe(hash);
  });

  test("bad input gets a clear message, and the widget recovers", async ({ guardedPage: page }) => {
    const widget = await openSchelling(page);
    const error = widget.locator("[data-widget-error]");
    await widget.getByText("Settings").click();
    const change = async (label: string, value: string): Promise<void> => {
      const field = widget.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.press("Enter");
    };

    await change("Shares (%)", "60, 60");
    await expect(error).toContainText(
      "The group shares must add up to 100 %; “60, 60” adds up to 120 %.",
    );
    await change("Shares (%)", "50, 50");
    await expect(error).toBeHidden();

    await change("Seed", "abc");
    await expect(error).toContainText(
      "The seed must be a whole number from 0 to 4294967295; “abc” is not.",
    );
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(error).toBeVisible();
    await change("Seed", "15");
    await expect(error).toBeHidden();

    await change("Students", "48");
    await expect(error).toContainText(
      "48 students fill all 48 seats; leave at least one seat empty",
    );
    await change("Students", "40");
    await expect(error).toBeHidden();

    await widget.getByLabel("Mode", { exact: true }).selectOption("simulator");
    await expect(widget).toHaveAttribute("data-host", "worker");
    await change("Occupied cells (%)", "100");
    await expect(error).toContainText("At 100 % no cell is empty, so nobody can move.");
    await change("Occupied cells (%)", "0");
    await expect(error).toContainText("above 0 % and below 100 %; got 0 %");
    await change("Occupied cells (%)", "90");
    await widget.getByLabel("Rule", { exact: true }).selectOption("threshold");
    await change("Similar neighbours wanted (%)", "130");
    await expect(error).toContainText("between 0 % and 100 %; got 130 %");
    await change("Similar neighbours wanted (%)", "30");
    await change("Columns", "1");
    await change("Rows", "1");
    await expect(error).toContainText(
      "A 1 × 1 grid has room for one agent and no empty cell to move to",
    );
    await change("Columns", "50");
    await change("Rows", "50");
    await expect(error).toBeHidden();
    await expect(widget).toHaveAttribute("data-hash", /^[0-9a-f]{8}$/);
  });

  test("Present mode fills the screen and the keyboard runs the game", async ({
    guardedPage: page,
  }) => {
    const widget = await openSchelling(page);
    await widget.getByRole("button", { name: "Present" }).click();
    await expect(widget).toHaveAttribute("data-presenting", "");
    const box = await widget.boundingBox();
    expect(box?.width).toBeCloseTo(page.viewportSize()?.width ?? 0, -1);

    await page.keyboard.press("ArrowRight");
    await expect(widget).toHaveAttribute("data-moves", "1");
    await page.keyboard.press("ArrowRight");
    await expect(widget).toHaveAttribute("data-moves", "2");
    await page.keyboard.press("Space");
    await expect(widget.getByRole("button", { name: "Pause" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.keyboard.press("Space");
    await expect(widget.getByRole("button", { name: "Play" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await page.keyboard.press("r");
    await expect(widget).toHaveAttribute("data-moves", "0");
    await page.keyboard.press("n");
    await expect(widget.getByLabel("Seed", { exact: true })).toHaveValue("16");
    await expect(page).toHaveURL(/sg\.seed=16/);
    await page.screenshot({ path: `${SHOTS}/widget-schelling-present.png` });
    await page.keyboard.press("Escape");
    await expect(widget).not.toHaveAttribute("data-presenting", "");
  });

  test("at 375 px wide the widget fits the screen", async ({ guardedPage: page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const widget = await openSchelling(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(widget).toHaveAttribute("data-moves", "1");
    await setTheme(page, "light");
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-375.png` });
  });

  test("the widget's module, d3 and the worker load only when the widget is used", () => {
    const lesson = measureSite(process.env["E2E_DIST"] ?? "dist").find((p) =>
      p.page.startsWith("lessons/06-"),
    );
    expect(lesson).toBeDefined();
    expect(lesson?.files.some((f) => /schelling-widget|schelling\.worker|d3/i.test(f))).toBe(false);
    expect(lesson?.gzipBytes).toBeLessThanOrEqual(30 * 1024);
  });
});

test.describe("Schelling: issue 14", () => {
  test("the simulator's grid has no seams between occupied cells", async ({
    guardedPage: page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const widget = await openSchelling(
      page,
      "?sg.mode=simulator&sg.w=23&sg.h=17&sg.d=99&sg.seed=3",
    );
    // Light mode, where the background behind a seam is near white.
    await setTheme(page, "light");
    const model = createSchelling({
      width: 23,
      height: 17,
      density: 0.99,
      rule: "threshold",
      boundary: "torus",
      seed: 3,
    });
    expect(await attr(widget, "hash")).toBe(hashGrid(model.cells, 23, 17));
    const seams = await widget.locator("canvas").evaluate(
      (canvas: HTMLCanvasElement, cells) => {
        const ctx = canvas.getContext("2d");
        if (!ctx) return ["no context"];
        const { width: W, height: H } = canvas;
        const data = ctx.getImageData(0, 0, W, H).data;
        const cell = Math.min(W / 23, H / 17);
        const bad: string[] = [];
        const white = (x: number, y: number): boolean => {
          const i = (y * W + x) * 4;
          return (data[i] ?? 0) > 225 && (data[i + 1] ?? 0) > 225 && (data[i + 2] ?? 0) > 225;
        };
        for (let cy = 0; cy < 17; cy++)
          for (let cx = 0; cx < 22; cx++) {
            if (!cells[cy * 23 + cx] || !cells[cy * 23 + cx + 1]) continue;
            // Every pixel row across the boundary between two occupied neighbours.
            const edge = Math.round((cx + 1) * cell);
            for (let y = Math.ceil(cy * cell) + 1; y < Math.floor((cy + 1) * cell) - 1; y++)
              for (const x of [edge - 1, edge]) if (white(x, y)) bad.push(`${x},${y}`);
          }
        for (let cy = 0; cy < 16; cy++)
          for (let cx = 0; cx < 23; cx++) {
            if (!cells[cy * 23 + cx] || !cells[(cy + 1) * 23 + cx]) continue;
            const edge = Math.round((cy + 1) * cell);
            for (let x = Math.ceil(cx * cell) + 1; x < Math.floor((cx + 1) * cell) - 1; x++)
              for (const y of [edge - 1, edge]) if (white(x, y)) bad.push(`${x},${y}`);
          }
        return bad;
      },
      [...model.cells],
    );
    expect(seams.slice(0, 10)).toEqual([]);
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-no-seams.png` });
  });

  test("a classroom Round adds one chart point per move", async ({ guardedPage: page }) => {
    const widget = await openSchelling(page);
    const chart = widget.locator('[data-part="chart"]');
    await expect(chart).toHaveAttribute("data-points", "1");
    await widget.getByRole("button", { name: "Round" }).click();
    await expect(widget).toHaveAttribute("data-rounds", "1");
    const moves = Number(await attr(widget, "moves"));
    const model = createSchelling(CLASSROOM);
    expect(moves).toBe(model.sweep());
    expect(moves).toBeGreaterThan(1);
    await expect(chart).toHaveAttribute("data-points", String(moves + 1));
  });

  for (const width of [375, 1280]) {
    test(`every menu shows its whole text at ${width} px`, async ({ guardedPage: page }) => {
      await page.setViewportSize({ width, height: 900 });
      const widget = await openSchelling(page);
      await widget.getByText("Settings").click();
      for (const rule of ["classroom", "threshold"]) {
        await widget.getByLabel("Rule", { exact: true }).selectOption(rule);
        const cut = await widget.evaluate((root) =>
          [...root.querySelectorAll("select")]
            .filter((s) => s.offsetParent !== null)
            .flatMap((select) => {
              const shown = select.offsetWidth;
              const { width: w, maxWidth } = select.style;
              select.style.width = "max-content";
              select.style.maxWidth = "none";
              const natural = select.offsetWidth;
              select.style.width = w;
              select.style.maxWidth = maxWidth;
              return natural > shown + 1 ? [`${select.id}: ${natural} > ${shown}`] : [];
            }),
        );
        expect(cut).toEqual([]);
      }
      const rule = widget.getByLabel("Rule", { exact: true });
      expect(await rule.evaluate((s: HTMLSelectElement) => s.scrollWidth <= s.clientWidth)).toBe(
        true,
      );
      await widget.screenshot({ path: `${SHOTS}/widget-schelling-settings-${width}.png` });
    });
  }

  test("after a bad setting the old readouts and chart are marked as from before the error", async ({
    guardedPage: page,
  }) => {
    const widget = await openSchelling(page);
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(widget).toHaveAttribute("data-moves", "1");
    await widget.getByText("Settings").click();
    const students = widget.getByLabel("Students", { exact: true });
    await students.fill("60");
    await students.press("Enter");
    const error = widget.locator("[data-widget-error]");
    await expect(error).toContainText("60 students fill all 48 seats");
    await expect(error).toContainText("from before this error");
    await expect(widget).toHaveAttribute("data-stale", "");
    const dimmed = await widget
      .locator(".sg-main")
      .evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(dimmed).toBeLessThan(1);
    // Nothing runs on the old model while the settings are wrong.
    await widget.getByRole("button", { name: "Step", exact: true }).click();
    await expect(widget).toHaveAttribute("data-moves", "1");
    await setTheme(page, "light");
    await widget.screenshot({ path: `${SHOTS}/widget-schelling-stale.png` });
    await students.fill("40");
    await students.press("Enter");
    await expect(error).toBeHidden();
    await expect(widget).not.toHaveAttribute("data-stale", "");
    await expect(widget).toHaveAttribute("data-moves", "0");
  });

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    for (const mode of ["classroom", "simulator"]) {
      test(`Present mode at ${size.width} × ${size.height} (${mode}): big controls, key and numbers in view`, async ({
        guardedPage: page,
      }) => {
        await page.setViewportSize(size);
        const widget = await openSchelling(page, mode === "simulator" ? "?sg.mode=simulator" : "");
        await widget.getByRole("button", { name: "Present" }).click();
        await expect(widget).toHaveAttribute("data-presenting", "");
        await page.waitForTimeout(300);
        for (const part of ["legend", "canvas", "metrics", "chart"]) {
          const box = await widget.locator(`[data-part="${part}"]`).boundingBox();
          expect(box, part).not.toBeNull();
          if (!box) continue;
          expect(box.y, part).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height, part).toBeLessThanOrEqual(size.height);
          expect(box.x + box.width, part).toBeLessThanOrEqual(size.width);
        }
        const fontSize = await widget
          .getByRole("button", { name: "Play" })
          .evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
        const selectSize = await widget
          .getByLabel("Mode", { exact: true })
          .evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
        if (size.width >= 1920) {
          expect(fontSize).toBeGreaterThanOrEqual(20);
          expect(selectSize).toBeGreaterThanOrEqual(20);
        }
        await setTheme(page, "light");
        await page.screenshot({
          path: `${SHOTS}/widget-schelling-present-${mode}-${size.width}.png`,
        });
      });
    }
  }
});
