import { readFileSync } from "node:fs";
import { checkpointId, generate, predictNext, type TrainingRecord } from "../../src/lib/lm/index";
import { expect, expectAccessible, openWidget, setTheme, test } from "./fixtures";
import { nodeModel } from "./models";

const PATH = "/lessons/03-how-llms-work/";
const SHOTS = "test-results/screenshots";
const PROMPT = "John wants his bank to cash the";

test.describe("WatchItLearn", () => {
  test.setTimeout(180_000);

  test("the loss curve and every checkpoint's guesses and sample, as in Node", async ({
    guardedPage: page,
  }) => {
    const record = JSON.parse(
      readFileSync("public/generated/models/gpt/training.json", "utf8"),
    ) as TrainingRecord;
    const widget = await openWidget(page, PATH, "watch-it-learn");
    await expect(widget.locator('svg [data-series="train"]')).toHaveCount(1);
    await expect(widget.locator('svg [data-series="valid"]').first()).toBeVisible();
    await expect(widget.locator('[data-part="facts"]')).toContainText(
      record.checkpoints.at(-1)?.valid_loss.toFixed(2) ?? "?",
    );
    await widget.getByRole("button", { name: "Ask every checkpoint" }).click();
    const rows = widget.locator("tbody tr[data-step]");
    await expect(rows).toHaveCount(record.checkpoints.length, { timeout: 150_000 });
    for (const [i, c] of record.checkpoints.entries()) {
      const id = c.file === "model.onnx" ? "gpt" : checkpointId(c.step);
      const model = await nodeModel(id);
      const top = await predictNext(model, PROMPT, 5);
      const sample = await generate(model, PROMPT, {
        tokens: 12,
        temperature: 0.8,
        topK: 0,
        topP: 1,
        seed: 1,
      });
      const row = rows.nth(i);
      await expect(row).toHaveAttribute("data-step", String(c.step));
      await expect(row.locator("td[data-top]")).toHaveAttribute(
        "data-top",
        top.top.map((t) => t.label).join("|"),
      );
      await expect(row.locator("td[data-sample]")).toHaveAttribute(
        "data-sample",
        sample.continuation,
      );
    }
    await setTheme(page, "light");
    await expectAccessible(page, "WatchItLearn (light)", "watch-it-learn");
    await widget.screenshot({ path: `${SHOTS}/widget-watch-it-learn-light.png` });
    await setTheme(page, "dark");
    await expectAccessible(page, "WatchItLearn (dark)", "watch-it-learn");
    await widget.screenshot({ path: `${SHOTS}/widget-watch-it-learn-dark.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await widget.screenshot({ path: `${SHOTS}/widget-watch-it-learn-375-dark.png` });
  });
});
