/**
 * A class labels together, against the real `npm run classroom` process (a
 * temp database, serving dist/): the instructor opens a bundled sample, three
 * students label it on their own devices, the instructor's α and κ equal the
 * library's on the exported CSV, a poll's chart counts the answers, and the
 * server killed with SIGKILL and restarted keeps every acknowledged label
 * while the pages reconnect by themselves.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { majorityLabel } from "../../src/lib/classroom";
import { cohenKappa, krippendorffAlphaNominal, parseCSV } from "../../src/lib/labeling";
import { startClassroomCLI, type StartedCLI } from "../classroom-cli";
import { expect, expectAccessible, SCREENSHOT_DIR, setTheme, test } from "./fixtures";

test.use({ serviceWorkers: "block" });

const LABELING = "/lessons/07-labeling-with-llms/";
const SOCIAL = "/lessons/05-llms-in-social-science/";

let dir = "";
const children: ChildProcess[] = [];
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** `npm run classroom`'s script, as a separate process (so it can be killed). */
async function startCLI(port: number): Promise<StartedCLI> {
  const started = await startClassroomCLI({ port, site: "dist", db: join(dir, "classroom.db") });
  children.push(started.child);
  return started;
}

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "classroom-labeling-e2e-"));
});

test.afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close();
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function device(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

const bar = (page: Page): Locator => page.locator("[data-class-bar]");
const panel = (page: Page): Locator => page.locator("[data-class-panel]");
const sheet = (page: Page): Locator => page.locator("[data-class-activity]");

async function joinClass(page: Page, url: string, code: string, name: string): Promise<void> {
  await page.goto(`${url}/#join=${code}`);
  const form = page.locator("[data-class-join]");
  await form.getByLabel("Your name (optional)").fill(name);
  await form.getByRole("button", { name: "Join" }).click();
  await expect(bar(page)).toHaveAttribute("data-state", "following");
}

/** A student picks `label` for the item at `index` of their sheet and waits for "Saved". */
async function label(page: Page, activityId: string, index: number, choice: string) {
  const item = sheet(page).locator(`[data-activity-id="${activityId}"] [data-item-id]`).nth(index);
  await item.getByRole("radio", { name: choice, exact: true }).check();
  await expect(item.locator(".class-item-status")).toHaveText("Saved");
}

/** What the instructor's card shows, as numbers. */
async function shown(card: Locator): Promise<{ alpha: number; kappa: number }> {
  const alpha = Number(await card.locator("[data-alpha]").getAttribute("data-alpha"));
  const kappa = Number(await card.locator("[data-kappa]").getAttribute("data-kappa"));
  return { alpha, kappa };
}

test("a class labels live, polls, and survives the server's SIGKILL", async ({ browser }) => {
  test.setTimeout(180_000);
  let server = await startCLI(0);
  const { url, code, instructorToken: token } = server;

  // The instructor opens a bundled sample of six sentences from the class panel.
  const teacher = await device(browser);
  await teacher.goto(`${url}${LABELING}#instructor=${token}`);
  await expect(bar(teacher)).toHaveAttribute("data-state", "leading");
  await bar(teacher).getByRole("button", { name: "Class panel" }).click();
  await expect(panel(teacher)).toBeVisible();
  await panel(teacher).getByText("New activity").click();
  // bad input first: pasted items, but none pasted, or one label only
  await panel(teacher).getByLabel("Items from").selectOption("paste");
  await panel(teacher).getByRole("button", { name: "Open for the class" }).click();
  await expect(panel(teacher).getByRole("alert")).toHaveText(/Give the items to label/);
  await panel(teacher).getByLabel("Items, one per line").fill("one\ntwo");
  await panel(teacher).getByLabel("Labels, one per line").fill("yes");
  await panel(teacher).getByRole("button", { name: "Open for the class" }).click();
  await expect(panel(teacher).getByRole("alert")).toHaveText(/give at least 2 labels/);
  await panel(teacher).getByLabel("Items from").selectOption("politics");
  await panel(teacher).getByLabel("Items", { exact: true }).fill("6");
  await panel(teacher).getByLabel("Sample seed").fill("3");
  await panel(teacher).getByRole("button", { name: "Open for the class" }).click();
  const card = panel(teacher).locator(".class-result").first();
  await expect(card).toContainText("0 students, 0 labels on 6 items");
  const activityId = (await card.getAttribute("data-activity-id")) ?? "";

  // Three students join; each sees the six sentences and labels them.
  const students = [await device(browser), await device(browser), await device(browser, 375)];
  for (const [i, s] of students.entries()) await joinClass(s, url, code, `Student ${i + 1}`);
  await expect(panel(teacher).locator("[data-class-roster]")).toHaveAttribute(
    "data-connected",
    "3",
  );
  for (const s of students)
    await expect(sheet(s).locator(`[data-activity-id="${activityId}"] [data-item-id]`)).toHaveCount(
      6,
    );
  const itemIds = await sheet(students[0] as Page)
    .locator("[data-item-id]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-item-id") ?? ""));
  const plan: Record<number, string[]> = {
    0: ["speech", "speech", "novel", "novel", "speech", "novel"],
    1: ["speech", "novel", "novel", "novel", "speech", "speech"],
    2: ["speech", "speech", "speech", "novel"], // the last two after the restart
  };
  for (const [i, s] of students.entries())
    for (const [j, choice] of (plan[i] ?? []).entries()) await label(s, activityId, j, choice);
  await expect(sheet(students[2] as Page).locator("[data-progress]")).toHaveText("4 of 6 labelled");
  await expect(card).toContainText("3 students, 16 labels on 6 items");

  // The model's labels, first from the offline encoder on this device (few-shot centroids
  // of the dataset's other gold rows), then from a results CSV as the sandbox exports it.
  await card.getByRole("button", { name: "Label with the offline model" }).click();
  await expect(card.locator(".class-model-note")).toHaveText(
    /^Model labels: the offline encoder \(Few-shot: each text gets the label of the nearest class centroid of 200 labelled rows\.\)$/,
    { timeout: 60_000 },
  );
  const offline = await card
    .locator("tbody tr td:last-child")
    .evaluateAll((tds) => tds.map((td) => td.textContent));
  expect(offline.every((l) => l === "speech" || l === "novel")).toBe(true);
  await expect(card.locator("[data-kappa]")).not.toHaveAttribute("data-kappa", "");
  await teacher.reload();
  await expect(card.locator(".class-model-note"), "kept for this tab").toContainText(
    "the offline encoder",
  );
  const model = ["speech", "novel", "novel", "speech", "speech", "novel"];
  await card.locator('input[type="file"]').setInputFiles({
    name: "api-run.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `id,text,label,status\n${itemIds.map((id, i) => `${id},x,${model[i] ?? ""},labelled`).join("\n")}\n`,
    ),
  });
  await expect(card).toContainText("api-run.csv (6 of 6 items)");

  // α and κ on the screen equal the library's on the exported responses.
  async function exported(): Promise<Record<string, string>[]> {
    const res = await teacher.request.get(
      `${url}/api/classroom/export.csv?activity=${activityId}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(res.status()).toBe(200);
    return parseCSV(await res.text()).rows;
  }
  function fromCSV(rows: Record<string, string>[]): { alpha: number; kappa: number } {
    const coders = [...new Set(rows.map((r) => r["participant"] ?? ""))];
    const cell = (p: string, id: string) =>
      rows.find((r) => r["participant"] === p && r["item_id"] === id)?.["label"] ?? null;
    const alpha = krippendorffAlphaNominal(coders.map((p) => itemIds.map((id) => cell(p, id))));
    const majority = itemIds.map((id) => {
      const counts: Record<string, number> = { speech: 0, novel: 0 };
      for (const p of coders) {
        const l = cell(p, id);
        if (l) counts[l] = (counts[l] ?? 0) + 1;
      }
      return majorityLabel(counts);
    });
    const kappa = cohenKappa(majority, model);
    return { alpha: alpha.value ?? NaN, kappa: kappa.value ?? NaN };
  }
  let rows = await exported();
  expect(rows).toHaveLength(16);
  await expect(card.locator("[data-kappa]")).not.toHaveAttribute("data-kappa", "");
  const before = fromCSV(rows);
  const onScreen = await shown(card);
  expect(onScreen.alpha).toBeCloseTo(before.alpha, 12);
  expect(onScreen.kappa).toBeCloseTo(before.kappa, 12);
  // the most disagreed first: the sixth item's two votes tie (no majority), then the 2–1 splits
  const order = await card
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-item-id") ?? ""));
  expect(order.slice(0, 3)).toEqual([itemIds[5], itemIds[1], itemIds[2]]);
  await expect(card.locator("tbody tr").first().locator("[data-majority]")).toHaveText("tie");

  // The instructor's Export CSV button downloads the same file.
  const download = teacher.waitForEvent("download");
  await card.getByRole("button", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`classroom-${code}-activity-${activityId}.csv`);

  await expectAccessible(teacher, "class panel", "[data-class-panel]");
  await setTheme(teacher, "dark");
  await expectAccessible(teacher, "class panel (dark)", "[data-class-panel]");
  await teacher.screenshot({ path: `${SCREENSHOT_DIR}/classroom-panel-dark.png` });
  await setTheme(teacher, "light");
  await teacher.screenshot({ path: `${SCREENSHOT_DIR}/classroom-panel-light.png` });
  await (students[0] as Page).screenshot({ path: `${SCREENSHOT_DIR}/classroom-sheet-light.png` });
  const narrow = students[2] as Page;
  await expectAccessible(narrow, "activity sheet", "[data-class-activity]");
  await setTheme(narrow, "dark");
  await narrow.screenshot({ path: `${SCREENSHOT_DIR}/classroom-sheet-375-dark.png` });

  // SIGKILL mid-activity: the pages notice, retry, and come back by themselves.
  server.child.kill("SIGKILL");
  for (const p of [teacher, ...students])
    await expect(bar(p)).not.toHaveAttribute("data-state", /leading|following/);
  server = await startCLI(server.port);
  expect(server.resumed).toBe(true);
  await expect(bar(teacher)).toHaveAttribute("data-state", "leading", { timeout: 30_000 });
  for (const s of students)
    await expect(bar(s)).toHaveAttribute("data-state", "following", { timeout: 30_000 });
  rows = await exported();
  expect(rows, "every acknowledged label is still there").toHaveLength(16);
  await label(narrow, activityId, 4, "novel");
  await label(narrow, activityId, 5, "novel");
  await expect(card).toContainText("3 students, 18 labels on 6 items");
  rows = await exported();
  expect(rows).toHaveLength(18);
  const after = fromCSV(rows);
  await expect.poll(async () => (await shown(card)).alpha).toBeCloseTo(after.alpha, 12);
  expect((await shown(card)).kappa).toBeCloseTo(after.kappa, 12);

  // The instructor closes the activity: the students' sheets say so and take no more labels.
  await card.getByRole("button", { name: "Close" }).click();
  for (const s of students)
    await expect(sheet(s).locator(`[data-activity-id="${activityId}"]`)).toHaveAttribute(
      "data-closed",
      "",
    );

  // A poll from lesson 05's discussion questions: the chart counts the answers.
  await teacher.goto(`${url}${SOCIAL}`);
  for (const s of students) await expect(s).toHaveURL(`${url}${SOCIAL}`);
  await panel(teacher).getByText("New activity").click();
  await panel(teacher).getByLabel("Poll", { exact: true }).check();
  await panel(teacher).getByLabel("This page's discussion questions").selectOption("0");
  await expect(panel(teacher).getByLabel("Question", { exact: true })).toHaveValue(
    /consistent accuracy across gender/,
  );
  await panel(teacher).getByRole("button", { name: "Open for the class" }).click();
  const poll = panel(teacher).locator(".class-result").first();
  await expect(poll).toContainText("0 answers");
  for (const [i, s] of students.entries()) {
    const form = sheet(s).locator(".class-poll");
    await form.getByRole("radio", { name: i === 1 ? "No" : "Yes", exact: true }).check();
    await form.getByRole("button", { name: "Send" }).click();
    await expect(form.locator(".class-item-status")).toHaveText("Saved");
  }
  await expect(poll.locator(".class-poll-chart")).toHaveAttribute(
    "aria-label",
    "Yes: 2; No: 1; It depends: 0",
  );
  await poll.screenshot({ path: `${SCREENSHOT_DIR}/classroom-poll-light.png` });
  expect(pageErrors).toEqual([]);
});
