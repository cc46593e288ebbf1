import type { Locator, Page } from "@playwright/test";
import { startFakeOpenAI } from "../unit/labeling/fake-openai";
import { expect, expectAccessible, setTheme, test, openWidget } from "./fixtures";

const PATH = "/lessons/05-llms-in-social-science/";
const KEY = "sk-test-key";

const openSurvey = (page: Page): Promise<Locator> => openWidget(page, PATH, "simulated-survey");

const runs = async (widget: Locator): Promise<number> =>
  Number((await widget.getAttribute("data-runs")) ?? 0);

test.describe("SimulatedSurvey", () => {
  test("a chat model's respondents: every profile asked in both wordings; the effect and the published one shown", async ({
    guardedPage: page,
  }) => {
    // A respondent who always takes the sure program when lives are "saved" and gambles when they "die".
    const server = await startFakeOpenAI({
      latencyMs: 20,
      answer: (text) => (text.includes("will be saved") ? "A" : "B"),
    });
    try {
      const widget = await openSurvey(page);
      await widget.getByLabel("A chat model (OpenAI-compatible API)").check();
      await widget.getByLabel("Base URL").fill(server.baseURL);
      await widget.getByLabel("Respondents per group").fill("3");
      await expect(widget.locator('[data-part="cost"]')).toContainText(
        /Estimate before any call: 24 requests, [\d,]+ input tokens: \$0\.\d+ on gpt-4\.1-mini/,
      );
      await widget.getByRole("button", { name: "Ask the respondents" }).click();
      await expect(widget.getByRole("alert")).toContainText("Paste your API key");
      expect(server.stats.bodies).toHaveLength(0);

      await widget.getByLabel("API key").fill(KEY);
      await widget.getByRole("button", { name: "Ask the respondents" }).click();
      await expect.poll(() => runs(widget)).toBe(1);
      expect(server.stats.bodies).toHaveLength(24);
      const prompts = server.stats.bodies.map((b) => {
        const body = JSON.parse(b) as { messages: { role: string; content: string }[] };
        return body.messages.at(-1)?.content ?? "";
      });
      expect(prompts.filter((p) => p.includes("a 45-year-old nurse in Texas"))).toHaveLength(6);
      expect(prompts.filter((p) => p.includes("400 people will die"))).toHaveLength(12);

      const summary = widget.locator('[data-part="summary"]');
      await expect(summary).toHaveAttribute("data-effect", "-1");
      await expect(summary).toContainText("−100 points");
      await expect(summary).toContainText("Published: −50 points (Tversky & Kahneman (1981)");
      // one row per profile, all profiles, and the published result; control dots at 100 %
      const rows = widget.locator('[data-part="table"] tbody tr');
      await expect(rows).toHaveCount(4 + 2);
      await expect(rows.nth(4)).toContainText("100%");
      await expect(rows.nth(5)).toContainText("72%");
      const shares = await widget
        .locator('[data-part="chart"] circle[data-condition="control"]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-share"))));
      expect(shares).toEqual([1, 1, 1, 1, 1, 0.72]);
    } finally {
      await server.close();
    }
  });

  test("offline stand-in runs on this device; bad designs get a clear message", async ({
    guardedPage: page,
  }) => {
    test.setTimeout(90_000);
    const widget = await openSurvey(page);
    const cost = widget.locator('[data-part="cost"]');
    await expect(cost).toContainText(
      "8 answers (4 profiles × 2 conditions; the stand-in answers once",
    );
    const treatment = widget.getByLabel("Treatment wording");
    const original = await treatment.inputValue();
    await treatment.fill(await widget.getByLabel("Control wording").inputValue());
    await expect(cost).toContainText("The control and the treatment are the same");
    await treatment.fill(original);
    await widget.getByLabel("Respondents per group").fill("99");
    await expect(cost).toContainText("Respondents per group must be from 1 to 25");
    await widget.getByLabel("Respondents per group").fill("2");

    await widget.getByRole("button", { name: "Ask the respondents" }).click();
    await expect.poll(() => runs(widget), { timeout: 60_000 }).toBe(1);
    await expect(widget.locator('[data-part="summary"]')).toContainText(
      "Simulated effect of the treatment",
    );
    // the stand-in answers once per group: every share is 0 % or 100 %, with no interval
    const shares = await widget
      .locator('[data-part="chart"] circle[data-condition]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-share"))));
    expect(shares.slice(0, 8).every((s) => s === 0 || s === 1)).toBe(true);
    await expect(widget.locator('[data-part="summary"]')).toContainText("there are no intervals");
    await expect(widget.locator('[data-part="table"] tbody tr').first()).toContainText("n=1");

    await page.addStyleTag({ content: ".site-header { position: static !important; }" });
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      await widget.screenshot({ path: `test-results/screenshots/simulated-survey-${theme}.png` });
      await expectAccessible(page, `lesson 05 survey (${theme})`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.scrollIntoViewIfNeeded();
    await widget.screenshot({ path: "test-results/screenshots/simulated-survey-375.png" });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
