/**
 * Honest failures in the LabelingSandbox: a server that cannot be reached
 * stops the job early with the cause and no metrics; items flagged after
 * server errors are retried on request (and only they); votes say what they
 * cost and when they cannot differ.
 */
import type { Locator, Page } from "@playwright/test";
import { startFakeOpenAI } from "../unit/labeling/fake-openai";
import { expect, openWidget, SCREENSHOT_DIR, test } from "./fixtures";

const PATH = "/lessons/07-labeling-with-llms/";
const KEY = "sk-test-key";

async function apiSandbox(page: Page, baseURL: string, rows: number): Promise<Locator> {
  const widget = await openWidget(page, PATH, "labeling-sandbox");
  await expect(widget.locator('[data-part="data-summary"]')).toContainText("300 rows");
  await widget.getByLabel("OpenAI-compatible API").check();
  await widget.getByLabel("Base URL").fill(baseURL);
  await widget.getByLabel("Rows to label").fill(String(rows));
  await widget.getByLabel("API key").fill(KEY);
  return widget;
}

test.describe("LabelingSandbox failures", () => {
  test("an unreachable server stops the job early: the cause, what to check, no metrics, nothing lost", async ({
    guardedPage: page,
    problems,
  }) => {
    const dead = "http://127.0.0.1:9/v1";
    const widget = await apiSandbox(page, dead, 8);
    const started = Date.now();
    await widget.getByRole("button", { name: "Label", exact: true }).click();
    await expect(widget.getByRole("alert")).toContainText(`Could not reach ${dead}`, {
      timeout: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    await expect(widget.getByRole("alert")).toContainText("Check the base URL");
    await expect(widget.locator('[data-part="banner"]')).toContainText("Stopped: 0 of 8 done");
    await expect(widget.locator('[data-part="stats"]')).toHaveAttribute("data-done", "0");
    await expect(widget.locator('[data-part="stats"]')).not.toContainText("retrying");
    await expect(widget.locator("[data-metric]")).toHaveCount(0);
    await widget.screenshot({ path: `${SCREENSHOT_DIR}/lesson-07-unreachable.png` });
    // the refused connections are the point of this test
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes("127.0.0.1:9")));
  });

  test("Retry flagged asks again only the items the server failed; invalid answers stay flagged", async ({
    guardedPage: page,
    problems,
  }) => {
    test.setTimeout(120_000);
    // the fake server knows an item by its message text: rows 1 and 2 fail with 500 every
    // time, row 3 always answers something that is not a label
    const snippets = ["That is more debt", "Hitherto, in descriptively"];
    let broken = true;
    const kind = (text: string): "failing" | "invalid" | "fine" =>
      snippets.some((s) => text.includes(s))
        ? "failing"
        : text.includes("I have seen doubloons")
          ? "invalid"
          : "fine";
    const server = await startFakeOpenAI({
      retryAfterMs: 1,
      fault: (text) =>
        kind(text) === "failing" && broken ? "500" : kind(text) === "invalid" ? "malformed" : "ok",
    });
    try {
      const widget = await apiSandbox(page, server.baseURL, 6);
      const retry = widget.locator('[data-part="retry-flagged"]');
      await expect(retry).toBeDisabled();
      await widget.getByRole("button", { name: "Label", exact: true }).click();
      await expect(widget.locator('[data-part="banner"]')).toContainText(
        "Done: 3 labelled, 3 flagged",
        { timeout: 90_000 },
      );
      await expect(retry).toBeEnabled();
      await expect(retry).toHaveText("Retry 2 flagged");
      const asked = new Map(server.stats.requests);
      broken = false;
      await retry.click();
      await expect(widget.locator('[data-part="banner"]')).toContainText(
        "Done: 5 labelled, 1 flagged",
      );
      // only the two failed items were asked again; the invalid one and the labelled ones were not
      expect(server.stats.requests.size).toBe(6);
      for (const [text, n] of server.stats.requests)
        expect(n).toBe((asked.get(text) ?? 0) + (kind(text) === "failing" ? 1 : 0));
      await expect(retry).toBeDisabled();
      await expect(retry).toHaveText("Retry flagged");
    } finally {
      problems.splice(0, problems.length, ...problems.filter((p) => !p.includes(server.baseURL)));
      await server.close();
    }
  });

  test("votes: the cost line says what they cost and warns at temperature 0; the offline methods refuse them", async ({
    guardedPage: page,
  }) => {
    const widget = await apiSandbox(page, "http://127.0.0.1:9/v1", 10);
    const cost = widget.locator('[data-part="cost"]');
    await widget.getByLabel("Votes (majority)").fill("3");
    await expect(cost).toContainText("3 votes cost 3× one answer");
    await expect(cost).toContainText("At temperature 1 the votes can differ");
    await widget.getByLabel("Temperature (0–2)").fill("0");
    await expect(cost).toContainText("At temperature 0 every vote repeats the same answer");
    await widget.getByLabel("Temperature (0–2)").fill("2.5");
    await expect(cost).toContainText("temperature must be a number from 0 to 2");
    await widget.getByLabel("Temperature (0–2)").fill("");
    await widget.getByLabel("Votes (majority)").fill("30");
    await expect(cost).toContainText("Votes must be a whole number from 1 to 25");
    await widget.getByLabel("Votes (majority)").fill("3");
    await widget.getByLabel("Local (offline encoder)").check();
    await expect(cost).toContainText("The offline methods give the same answer every time");
  });
});
