/**
 * <code-cell>: a runnable TypeScript cell. Monaco replaces the starter's <pre>
 * when the cell nears the viewport; Run (Ctrl/Cmd+Enter) transpiles the code
 * with Monaco's TypeScript worker and runs it in a sandbox worker; outputs are
 * console lines, the default export (a table for records) and plots; an
 * exercise's hidden checks say pass or fail with a hint.
 */
import { LabWidget } from "@/scripts/lab-widget";
import type { CheckResult } from "./checks";
import type { Display } from "./display";
import type * as Monaco from "monaco-editor/editor/editor.api";
import type { Transpiled } from "./editor";
import { loadEditor, type EditorModule } from "./load-editor";
import { truncationNotice } from "./output-buffer";
import { builtinsNotice } from "./builtins-snapshot";
import type { ToCell } from "./protocol";
import { Sandbox, TIME_LIMIT_MS, type RunEnd } from "./sandbox-client";
import { loadEdit, markPassed, saveEdit } from "./storage";

interface CellData {
  starter: string;
  solution: string | null;
  checks: string | null;
}

export type CellStatus =
  | "idle"
  | "running"
  | "done"
  | "error"
  | "stopped"
  | "timeout"
  | "passed"
  | "failed"
  /** The shown solution passed: it does not count as the learner's pass. */
  | "solution";

const MARKER_OWNER = "code-cell-run";

class CodeCell extends LabWidget {
  #editor: Monaco.editor.IStandaloneCodeEditor | null = null;
  #m: EditorModule | null = null;

  /** Monaco and the TypeScript helpers, once setup() has loaded them. */
  get #ed(): EditorModule {
    if (!this.#m) throw new Error("The editor is not loaded yet.");
    return this.#m;
  }
  #model: Monaco.editor.ITextModel | null = null;
  #data: CellData = { starter: "", solution: null, checks: null };
  /** The learner's code while the solution is on show (null otherwise). */
  #learnerCode: string | null = null;
  #sandbox = new Sandbox((message) => {
    this.#receive(message);
  });
  #current: Transpiled | null = null;
  /** What the sandbox reported during the current run (set from its messages). */
  #outcome: { checks: CheckResult | null; hadError: boolean } = { checks: null, hadError: false };

  get cellId(): string {
    return this.dataset["cell"] ?? "cell";
  }

  get lesson(): string {
    return this.dataset["lesson"] ?? "page";
  }

  /** The editor's text (tests and Present mode use it). */
  get code(): string {
    return this.#model?.getValue() ?? this.#data.starter;
  }

  set code(text: string) {
    this.#model?.setValue(text);
  }

  /** The error markers in the editor (TypeScript's and the run's). */
  markers(): { line: number; message: string; owner: string }[] {
    if (!this.#model || !this.#m) return [];
    return this.#ed.monaco.editor
      .getModelMarkers({ resource: this.#model.uri })
      .filter((m) => m.severity === this.#ed.monaco.MarkerSeverity.Error)
      .map((m) => ({ line: m.startLineNumber, message: m.message, owner: m.owner }));
  }

  protected async setup(): Promise<void> {
    const raw = this.el("data").textContent;
    this.#data = JSON.parse(raw) as CellData;
    this.showLoading("Loading the editor…");
    this.#m = await loadEditor();
    await this.#ed.loadLabTypes();
    const uri = this.#ed.monaco.Uri.parse(`file:///cells/${this.lesson}/${this.cellId}.ts`);
    const saved = loadEdit(localStorage, this.lesson, this.cellId);
    this.#model =
      this.#ed.monaco.editor.getModel(uri) ??
      this.#ed.monaco.editor.createModel(saved ?? this.#data.starter, "typescript", uri);
    const host = this.el("editor");
    const lines = Math.min(28, Math.max(6, this.#model.getLineCount() + 1));
    host.style.height = `${String(lines * 19 + 12)}px`;
    this.#editor = this.#ed.monaco.editor.create(host, {
      model: this.#model,
      theme: this.#theme(),
      minimap: { enabled: false },
      wordWrap: "on",
      scrollBeyondLastLine: false,
      fontSize: 14,
      lineNumbersMinChars: 3,
      automaticLayout: true,
      tabSize: 2,
      ariaLabel: `Code cell ${this.cellId}: TypeScript. Ctrl+Enter runs it.`,
      fixedOverflowWidgets: true,
    });
    this.#editor.addCommand(
      this.#ed.monaco.KeyMod.CtrlCmd | this.#ed.monaco.KeyCode.Enter,
      () => void this.run(),
    );
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    const model = this.#model;
    model.onDidChangeContent(() => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        // The learner's own code is what is kept, never the shown solution.
        if (this.#learnerCode === null)
          saveEdit(localStorage, this.lesson, this.cellId, this.code, this.#data.starter);
      }, 300);
      this.#ed.monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    });
    new MutationObserver(() => {
      this.#ed.monaco.editor.setTheme(this.#theme());
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    this.el("source").hidden = true;
    host.hidden = false;
    this.el("run", HTMLButtonElement).addEventListener("click", () => void this.run());
    this.el("stop", HTMLButtonElement).addEventListener("click", () => {
      this.#sandbox.stop();
    });
    this.el("reset", HTMLButtonElement).addEventListener("click", () => {
      this.code = this.#data.starter;
      saveEdit(localStorage, this.lesson, this.cellId, this.#data.starter, this.#data.starter);
      this.#clearOutput();
    });
    const solution = this.querySelector<HTMLButtonElement>('[data-part="solution"]');
    // A toggle: the solution replaces the code on show, and "Back to my code" brings the
    // learner's code back unchanged (it stays saved meanwhile), so nothing is lost.
    solution?.addEventListener("click", () => {
      if (this.#data.solution === null) return;
      if (this.#learnerCode === null) {
        this.#learnerCode = this.code;
        this.code = this.#data.solution;
        solution.textContent = "Back to my code";
        solution.setAttribute("aria-pressed", "true");
      } else {
        const mine = this.#learnerCode;
        this.#learnerCode = null;
        this.code = mine;
        solution.textContent = "Show solution";
        solution.setAttribute("aria-pressed", "false");
      }
    });
    // Run is ready once the TypeScript worker answers (it transpiles every run).
    await this.#ed.syntaxProblems(model);
    for (const button of this.querySelectorAll<HTMLButtonElement>("[data-cell-action]"))
      button.disabled = false;
    this.el("stop", HTMLButtonElement).disabled = true;
    this.hideLoading();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      void this.run();
      return true;
    }
    return false;
  }

  #theme(): string {
    return document.documentElement.dataset["theme"] === "dark" ? "lab-dark" : "vs";
  }

  #status(status: CellStatus, text: string): void {
    this.dataset["status"] = status;
    this.el("status").textContent = text;
  }

  #clearOutput(): void {
    this.el("console").replaceChildren();
    this.el("result").replaceChildren();
    this.el("plots").replaceChildren();
    this.el("verdict").replaceChildren();
    this.el("verdict").hidden = true;
    this.#status("idle", "");
    this.clearError();
  }

  async #transpileChecks(): Promise<string | null> {
    if (this.#data.checks === null) return null;
    const uri = this.#ed.monaco.Uri.parse(`file:///cells/${this.lesson}/${this.cellId}.check.ts`);
    const model =
      this.#ed.monaco.editor.getModel(uri) ??
      this.#ed.monaco.editor.createModel(this.#data.checks, "typescript", uri);
    return (await this.#ed.transpile(model)).js;
  }

  /** Runs the editor's code in the sandbox; resolves when the run ends. */
  async run(): Promise<RunEnd | "syntax"> {
    const model = this.#model;
    if (!model) return "syntax";
    this.#clearOutput();
    this.#outcome = { checks: null, hadError: false };
    const problems = await this.#ed.syntaxProblems(model);
    const first = problems[0];
    if (first) {
      this.#ed.monaco.editor.setModelMarkers(model, MARKER_OWNER, [
        {
          severity: this.#ed.monaco.MarkerSeverity.Error,
          message: first.message,
          startLineNumber: first.line,
          startColumn: first.column,
          endLineNumber: first.line,
          endColumn: first.column + 1,
        },
      ]);
      this.#line("error", `Syntax error on line ${String(first.line)}: ${first.message}`);
      this.#status("error", "Syntax error: nothing ran.");
      return "syntax";
    }
    this.#current = await this.#ed.transpile(model);
    const checks = await this.#transpileChecks();
    this.#status("running", "Running…");
    this.el("run", HTMLButtonElement).disabled = true;
    this.el("stop", HTMLButtonElement).disabled = false;
    const limit = Number(this.dataset["timeLimit"] ?? TIME_LIMIT_MS);
    const end = await this.#sandbox.run(this.#current.js, checks, limit);
    this.el("run", HTMLButtonElement).disabled = false;
    this.el("stop", HTMLButtonElement).disabled = true;
    if (end === "stopped") this.#status("stopped", "Stopped.");
    else if (end === "timeout")
      this.#status(
        "timeout",
        `Stopped after ${String(Math.round(limit / 1000))} s: the time limit. Is there an endless loop?`,
      );
    else if (this.#outcome.checks) this.#verdict(this.#outcome.checks);
    else if (this.#outcome.hadError) this.#status("error", "The code threw an error.");
    else this.#status("done", "Done.");
    return end;
  }

  #receive(message: ToCell): void {
    switch (message.type) {
      case "console":
        for (const line of message.lines) this.#line(line.level, line.text);
        break;
      case "plot":
        void import("./plot-view").then(({ drawPlot }) => {
          drawPlot(this.el("plots"), message);
        });
        break;
      case "result":
        if (message.display) this.#showResult(message.display);
        break;
      case "checked":
        this.#outcome.checks = message.result;
        break;
      case "error":
        this.#error(message.message, message.line, message.late);
        break;
      case "done":
        if (message.dropped > 0) this.#line("notice", truncationNotice(message.dropped));
        if (message.changed.length > 0) this.#line("notice", builtinsNotice(message.changed));
        break;
    }
  }

  #line(level: string, text: string): void {
    const line = document.createElement("div");
    line.className = `cc-line cc-${level}`;
    line.textContent = text;
    this.el("console").append(line);
  }

  #error(message: string, generated: number | null, late: boolean): void {
    this.#outcome.hadError = true;
    const line = generated === null ? null : (this.#current?.toSource(generated) ?? null);
    const where = line === null ? "" : ` (line ${String(line)})`;
    this.#line("error", `${late ? "After the run: " : ""}${message}${where}`);
    if (line !== null && this.#model) {
      this.#ed.monaco.editor.setModelMarkers(this.#model, MARKER_OWNER, [
        {
          severity: this.#ed.monaco.MarkerSeverity.Error,
          message,
          startLineNumber: line,
          startColumn: 1,
          endLineNumber: line,
          endColumn: this.#model.getLineMaxColumn(line),
        },
      ]);
    }
    if (late) this.#status("error", "An error after the run.");
  }

  #showResult(display: Display): void {
    const host = this.el("result");
    if (display.kind === "text") {
      const pre = document.createElement("pre");
      pre.className = "cc-value";
      pre.textContent = display.text;
      host.replaceChildren(pre);
      return;
    }
    const wrap = document.createElement("div");
    wrap.className = "cc-table";
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", `Result table of ${this.cellId}`);
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const column of display.columns) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = column;
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of display.rows) {
      const tr = body.insertRow();
      for (const cell of row) tr.insertCell().textContent = cell;
    }
    wrap.append(table);
    host.replaceChildren(wrap);
    if (display.more > 0) {
      const more = document.createElement("p");
      more.className = "cc-more";
      more.textContent = `… and ${String(display.more)} more rows`;
      host.append(more);
    }
  }

  #verdict(result: CheckResult): void {
    const box = this.el("verdict");
    box.hidden = false;
    const title = document.createElement("p");
    title.className = "cc-verdict-title";
    const isSolution =
      this.#learnerCode !== null || this.code.trim() === this.#data.solution?.trim();
    if (result.passed && isSolution) {
      title.textContent = `✓ The solution passes all ${String(result.total)} checks. It does not count as your pass: go back to your code and make it pass.`;
      box.replaceChildren(title);
      this.#status("solution", "The solution passes (not counted).");
      return;
    }
    if (result.passed) {
      title.textContent = `✓ Correct: all ${String(result.total)} checks pass.`;
      box.replaceChildren(title);
      this.#status("passed", "Exercise passed.");
      markPassed(localStorage, this.lesson, this.cellId, Date.now());
      this.dispatchEvent(
        new CustomEvent("llmlab:exercise-passed", {
          bubbles: true,
          detail: { lesson: this.lesson, cell: this.cellId },
        }),
      );
      return;
    }
    title.textContent = `✗ Not yet: ${String(result.failures.length)} of ${String(result.total)} checks fail.`;
    const list = document.createElement("ul");
    for (const failure of result.failures) {
      const item = document.createElement("li");
      item.textContent = `${failure.name}: ${failure.hint}`;
      list.append(item);
    }
    box.replaceChildren(title, list);
    this.#status("failed", "Exercise not passed yet.");
  }
}

customElements.define("code-cell", CodeCell);
