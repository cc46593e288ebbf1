/**
 * A live class against the production build: the classroom server runs in
 * this process on a free port (a temp database, serving dist/); an instructor
 * and students are separate browser contexts, as separate devices would be.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { createSession } from "../../src/server/classroom/session";
import { startClassroomServer, type ClassroomServer } from "../../src/server/classroom/server";
import { ClassroomStore, type SessionRow } from "../../src/server/classroom/store";
import { expect, expectAccessible, SCREENSHOT_DIR, setTheme, test } from "./fixtures";

test.use({ serviceWorkers: "block" });

const SCHELLING = "/lessons/06-agent-based-models/";
const WORDS = "/lessons/01-word-embeddings/";

let dir = "";
let store: ClassroomStore;
let session: SessionRow;
let server: ClassroomServer;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "classroom-e2e-"));
  store = new ClassroomStore(join(dir, "classroom.db"));
  session = createSession(store);
  server = await startClassroomServer({ store, siteDir: "dist", host: "127.0.0.1", port: 0 });
});

test.afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page in its own context (its own sessionStorage), failing on any page error. */
async function device(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

const bar = (page: Page): Locator => page.locator("[data-class-bar]");
const widget = (page: Page): Locator => page.locator("schelling-game");

async function joinAs(page: Page, name: string, shot?: string): Promise<void> {
  if (shot) {
    // the join form is modal: the theme is chosen before the link opens it
    await page.goto(`${server.url}/`);
    await setTheme(page, "dark");
  }
  await page.goto(`${server.url}/#join=${session.code}`);
  const form = page.locator("[data-class-join]");
  await expect(form.getByRole("heading")).toHaveText(`Join the class ${session.code}`);
  expect(new URL(page.url()).hash, "the fragment is removed").toBe("");
  if (shot) {
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectAccessible(page, "join form", "[data-class-join]");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}.png` });
  }
  await form.getByLabel("Your name (optional)").fill(name);
  await form.getByRole("button", { name: "Join" }).click();
}

/** The widget's grid, once it is drawn for the URL's settings. */
async function gridOf(page: Page): Promise<string> {
  const w = widget(page);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute("data-ready", "true");
  await expect(w).toHaveAttribute("data-hash", /^[0-9a-f]{8}$/);
  return (await w.getAttribute("data-hash")) ?? "";
}

/** The instructor takes the next seed, in the widget's settings. */
async function nextSeed(page: Page): Promise<void> {
  const settings = widget(page).locator("details.sg-settings");
  if ((await settings.getAttribute("open")) === null) await settings.locator("summary").click();
  await settings.getByRole("button", { name: "Next seed" }).click();
}

const seedOf = (page: Page): string => new URL(page.url()).searchParams.get("sg.seed") ?? "";

test("students follow the instructor's widget and page, detach, rejoin, join late; a student cannot lead", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacher = await device(browser);
  await teacher.goto(`${server.url}${SCHELLING}#instructor=${session.instructorToken}`);
  await expect(bar(teacher)).toHaveAttribute("data-state", "leading");
  await expect(bar(teacher)).toContainText(`Leading the class · code ${session.code}`);
  expect(new URL(teacher.url()).hash, "the token leaves the address bar").toBe("");
  await gridOf(teacher);

  // Three students join from the home page and land on the instructor's lesson.
  const students = [await device(browser), await device(browser), await device(browser, 375)];
  for (const [i, s] of students.entries()) await joinAs(s, `Student ${i + 1}`);
  for (const s of students) {
    await expect(s).toHaveURL(`${server.url}${SCHELLING}`);
    await expect(bar(s)).toHaveAttribute("data-state", "following");
    await expect(bar(s)).toContainText("Following the instructor");
  }

  // A widget change: the instructor takes the next seed; the students' grids follow, live.
  const grid15 = await gridOf(teacher);
  for (const s of students) {
    expect(await gridOf(s)).toBe(grid15);
    await s.evaluate(() => ((window as { mark?: number }).mark = 1));
  }
  await nextSeed(teacher);
  await expect.poll(() => seedOf(teacher)).toBe("16");
  const grid16 = await gridOf(teacher);
  for (const s of students) {
    await expect.poll(() => seedOf(s)).toBe("16");
    await expect(widget(s)).toHaveAttribute("data-hash", grid16);
    expect(await s.evaluate(() => (window as { mark?: number }).mark), "no reload").toBe(1);
  }

  // Student 3 detaches: the next seed reaches the others only.
  const [one, two, three] = students as [Page, Page, Page];
  await bar(three).getByRole("button", { name: "Detach" }).click();
  await expect(bar(three)).toHaveAttribute("data-state", "detached");
  await expect(bar(three)).toContainText("Detached");
  await nextSeed(teacher);
  await expect.poll(() => seedOf(teacher)).toBe("17");
  const grid17 = await gridOf(teacher);
  expect(grid17).not.toBe(grid16);
  for (const s of [one, two]) await expect(widget(s)).toHaveAttribute("data-hash", grid17);

  // Presenting a widget brings it into view, outlined, on the followers' screens.
  await widget(teacher).getByRole("button", { name: "Present" }).click();
  for (const s of [one, two]) await expect(widget(s)).toHaveAttribute("data-class-presented", "");
  await expect(widget(three)).not.toHaveAttribute("data-class-presented", "");
  await teacher.keyboard.press("Escape");
  for (const s of [one, two])
    await expect(widget(s)).not.toHaveAttribute("data-class-presented", "");

  // A page change: the followers load the instructor's page; the detached student stays.
  await teacher.goto(`${server.url}${WORDS}`);
  await expect(bar(teacher)).toHaveAttribute("data-state", "leading");
  for (const s of [one, two]) {
    await expect(s).toHaveURL(`${server.url}${WORDS}`);
    await expect(bar(s)).toHaveAttribute("data-state", "following");
  }
  await three.waitForTimeout(500);
  expect(new URL(three.url()).pathname).toBe(SCHELLING);
  expect(seedOf(three)).toBe("16");

  // Rejoin snaps back to where the class is now.
  await bar(three).getByRole("button", { name: "Rejoin" }).click();
  await expect(three).toHaveURL(`${server.url}${WORDS}`);
  await expect(bar(three)).toHaveAttribute("data-state", "following");

  // A late joiner lands on the current page.
  const late = await device(browser, 375);
  await joinAs(late, "", "classroom-join-375-dark");
  await expect(late).toHaveURL(`${server.url}${WORDS}`);
  await expect(bar(late)).toHaveAttribute("data-state", "following");

  // A student's page forging a state with its own token is refused; nobody moves.
  const refused = await one.evaluate(async (socketPath) => {
    const seat = JSON.parse(sessionStorage.getItem("llmlab:classroom") ?? "{}") as {
      token: string;
    };
    const ws = new WebSocket(`ws://${location.host}${socketPath}`);
    return await new Promise<unknown>((resolve) => {
      ws.onopen = () => {
        ws.send(JSON.stringify({ type: "hello", token: seat.token }));
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const m = JSON.parse(event.data) as { type: string };
        if (m.type === "welcome")
          ws.send(
            JSON.stringify({ type: "state", id: "forged", path: "/", query: "", present: null }),
          );
        if (m.type === "error") {
          ws.close();
          resolve(m);
        }
      };
    });
  }, "/api/classroom/ws");
  expect(refused).toEqual({
    type: "error",
    code: "forbidden",
    message: "only the instructor may send state",
    id: "forged",
  });
  await one.waitForTimeout(700);
  for (const p of [teacher, one, two, three, late]) expect(new URL(p.url()).pathname).toBe(WORDS);

  // The bar, light and dark, wide and at 375 px.
  await expectAccessible(one, "class bar", "[data-class-bar]");
  await setTheme(one, "light");
  await bar(one).screenshot({ path: `${SCREENSHOT_DIR}/classroom-bar-light.png` });
  await setTheme(one, "dark");
  await bar(one).screenshot({ path: `${SCREENSHOT_DIR}/classroom-bar-dark.png` });
  await setTheme(three, "dark");
  await three.screenshot({ path: `${SCREENSHOT_DIR}/classroom-375-dark.png` });
  const box = await bar(three).boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375, "the bar fits at 375 px").toBe(true);
  await bar(three).getByRole("button", { name: "Detach" }).click();
  await setTheme(three, "light");
  await three.screenshot({ path: `${SCREENSHOT_DIR}/classroom-375-light-detached.png` });
  expect(pageErrors).toEqual([]);
});

test("students follow a prediction and an attention layer without reloading the page", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const LLMS = "/lessons/03-how-llms-work/";
  const teacher = await device(browser);
  await teacher.goto(`${server.url}${LLMS}#instructor=${session.instructorToken}`);
  await expect(bar(teacher)).toHaveAttribute("data-state", "leading");
  const students = [await device(browser), await device(browser, 375)];
  for (const [i, s] of students.entries()) await joinAs(s, `Follower ${i + 1}`);
  const ready = async (page: Page, tag: string): Promise<Locator> => {
    const w = page.locator(tag);
    await w.scrollIntoViewIfNeeded();
    await expect(w).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    return w;
  };
  for (const s of students) {
    await expect(s).toHaveURL(`${server.url}${LLMS}`);
    await ready(s, "next-word");
    await ready(s, "attention-view");
    await s.evaluate(() => ((window as { mark?: number }).mark = 1));
  }

  // The instructor predicts the next word of a new prompt; every student's widget runs it too.
  const next = await ready(teacher, "next-word");
  await next.getByLabel("Beginning of a sentence").fill("The whale swam to the");
  await next.getByRole("button", { name: "Predict the next word" }).click();
  const bars = (page: Page) => page.locator("next-word svg rect[data-word]");
  await expect(bars(teacher).first()).toBeVisible({ timeout: 60_000 });
  const top = await bars(teacher).evaluateAll((rs) => rs.map((r) => r.getAttribute("data-word")));
  for (const s of students) {
    await expect(s.locator("next-word").getByLabel("Beginning of a sentence")).toHaveValue(
      "The whale swam to the",
    );
    await expect
      .poll(() => bars(s).evaluateAll((rs) => rs.map((r) => r.getAttribute("data-word"))), {
        timeout: 60_000,
      })
      .toEqual(top);
  }

  // The instructor shows another attention layer.
  const attention = await ready(teacher, "attention-view");
  const layer = attention.locator('[data-part="layer"]');
  await expect(layer.locator("option")).not.toHaveCount(0, { timeout: 60_000 });
  await layer.selectOption("1");
  for (const s of students)
    await expect(s.locator('attention-view [data-part="layer"]')).toHaveValue("1", {
      timeout: 60_000,
    });
  for (const s of students)
    expect(await s.evaluate(() => (window as { mark?: number }).mark), "no reload").toBe(1);
  expect(pageErrors).toEqual([]);
});

test("a page outside a class opens no socket and shows no bar", async ({ page }) => {
  const sockets: string[] = [];
  page.on("websocket", (ws) => sockets.push(ws.url()));
  await page.goto(`${server.url}${SCHELLING}`);
  await gridOf(page);
  await page.goto(`${server.url}/#not-a-class`);
  await page.waitForTimeout(300);
  await expect(page.locator("[data-class-bar], [data-class-join]")).toHaveCount(0);
  expect(sockets).toEqual([]);
});
