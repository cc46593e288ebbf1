/**
 * The base of every widget's custom element: finds the frame's parts, shows
 * loading and error states, keeps widget state in the URL query, and runs the
 * Present mode (full screen, large type, keyboard control).
 *
 * A widget subclasses it, implements `setup()`, and calls the library for all
 * computation. Errors thrown from `setup()` or from handlers wrapped with
 * `guard()` end up in the error box, never as a blank panel.
 */
import { storedKey } from "./api-key";
import { presentZoom } from "./present-scale";
import { readScoped, writeScoped } from "./url-state";

/** Dispatched on document when a widget writes its state to the URL (detail: its state key). */
export const URL_STATE_EVENT = "llmlab:url-state";

/** A widget's result elements: dimmed when stale, brought into view in Present mode. */
const RESULT = '[data-part="results"], [data-result]';

export abstract class LabWidget extends HTMLElement {
  #started = false;
  #presentButton: HTMLButtonElement | null = null;

  /** Builds the widget. Called once, when the element is first connected. */
  protected abstract setup(): void | Promise<void>;

  /**
   * Keys handled while presenting (and when the widget has focus), e.g. arrows
   * to step through presets. Return true when the key was used.
   */
  protected onKey(_event: KeyboardEvent): boolean {
    return false;
  }

  /** The prefix of this widget's URL parameters (`state-key` attribute, else the tag name). */
  get stateKey(): string {
    return this.getAttribute("state-key") ?? this.localName;
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.#initPresent();
    this.addEventListener("keydown", (event) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
        return;
      if (this.onKey(event)) event.preventDefault();
    });
    this.#keepFocus();
    this.dataset["ready"] = "false";
    void this.guard(async () => {
      await this.setup();
      this.dataset["ready"] = "true";
    });
  }

  /**
   * For charts drawn at their box's width in CSS pixels (so text keeps its
   * size): calls `redraw` when the widget's width changes by 8 px or more, or
   * when Present mode turns on or off.
   */
  protected redrawOnLayout(redraw: () => void): void {
    let width = this.clientWidth;
    new ResizeObserver(() => {
      if (Math.abs(this.clientWidth - width) < 8) return;
      width = this.clientWidth;
      redraw();
    }).observe(this);
    new MutationObserver(() => {
      redraw();
    }).observe(this, { attributes: true, attributeFilter: ["data-presenting"] });
  }

  /**
   * A widget disables its Run button while it works; the browser then moves
   * focus to the page, and the next Tab starts from the top. When a control
   * that had focus is disabled, focus returns to it once it is enabled again
   * (unless the learner has focused something else meanwhile).
   */
  #keepFocus(): void {
    let waiting: HTMLElement | null = null;
    const isControl = (t: unknown): t is HTMLButtonElement | HTMLInputElement =>
      t instanceof HTMLButtonElement || t instanceof HTMLInputElement;
    // Some Chromium versions move focus off a control as soon as it is
    // disabled, before the observer below runs: a control that loses focus
    // while disabled lost it to being disabled.
    this.addEventListener("focusout", (event) => {
      if (isControl(event.target) && event.target.disabled) waiting = event.target;
    });
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target;
        if (!isControl(target)) continue;
        if (target.disabled && document.activeElement === target) waiting = target;
        else if (!target.disabled && waiting === target) {
          waiting = null;
          const active = document.activeElement;
          if (active === null || active === document.body) target.focus({ preventScroll: true });
        }
      }
    }).observe(this, { subtree: true, attributes: true, attributeFilter: ["disabled"] });
  }

  /**
   * The element marked `data-part="name"` inside this widget, checked to be of
   * `type` (HTMLElement by default); throws if it is missing or of another kind.
   */
  protected el<T extends HTMLElement = HTMLElement>(
    name: string,
    type: abstract new () => T = HTMLElement as unknown as abstract new () => T,
  ): T {
    const found = this.querySelector(`[data-part="${name}"]`);
    if (!(found instanceof type))
      throw new Error(`widget ${this.localName} has no ${type.name} part "${name}"`);
    return found;
  }

  /** Runs `work`, showing any error it throws in the widget's error box. */
  protected async guard(work: () => unknown): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.showError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Shows the loading state; `fraction` in [0, 1] draws a determinate bar. */
  showLoading(label: string, fraction?: number): void {
    const status = this.querySelector<HTMLElement>("[data-widget-status]");
    if (!status) return;
    status.hidden = false;
    const text = status.querySelector<HTMLElement>("[data-status-text]");
    if (text) text.textContent = label;
    const bar = status.querySelector<HTMLProgressElement>("[data-status-progress]");
    if (bar) {
      if (fraction === undefined) bar.removeAttribute("value");
      else bar.value = Math.max(0, Math.min(1, fraction));
    }
    this.setAttribute("aria-busy", "true");
  }

  hideLoading(): void {
    const status = this.querySelector<HTMLElement>("[data-widget-status]");
    if (status) status.hidden = true;
    this.removeAttribute("aria-busy");
  }

  /**
   * Shows a clear message in the error box; the rest of the widget stays usable.
   * A result still on show (a `data-part="results"` or `data-result` element)
   * is from before the error: it is dimmed (`data-stale`) and the message says so.
   * `stale: false` says the result on show is still current (a paused job's
   * results so far), so it is neither dimmed nor called old.
   */
  showError(message: string, options: { stale?: boolean } = {}): void {
    this.hideLoading();
    const box = this.querySelector<HTMLElement>("[data-widget-error]");
    if (!box) return;
    const shown =
      options.stale !== false &&
      [...this.querySelectorAll<HTMLElement>(RESULT)].some(
        (el) => !el.hidden && el.offsetParent !== null && el.textContent.trim() !== "",
      );
    this.toggleAttribute("data-stale", shown);
    box.textContent = shown ? `${message} (The result below is from before this error.)` : message;
    box.hidden = false;
  }

  clearError(): void {
    this.removeAttribute("data-stale");
    const box = this.querySelector<HTMLElement>("[data-widget-error]");
    if (box) {
      box.hidden = true;
      box.textContent = "";
    }
  }

  /** This widget's state from the URL query. */
  protected readState(): Map<string, string> {
    const state = readScoped(location.search, this.stateKey);
    for (const key of this.privateState) state.delete(key);
    return state;
  }

  /**
   * State keys that hold the learner's own data (pasted texts): never written
   * to the URL, and not read from a link either.
   */
  protected readonly privateState: readonly string[] = [];

  /**
   * Writes this widget's state to the URL query without adding a history
   * entry. Private keys and any value containing the learner's API key are
   * left out (url-state.ts).
   */
  protected writeState(values: Readonly<Record<string, string | null | undefined>>): void {
    const search = writeScoped(location.search, this.stateKey, values, {
      keys: this.privateState,
      secrets: [storedKey().key],
    });
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
    document.dispatchEvent(new CustomEvent(URL_STATE_EVENT, { detail: this.stateKey }));
  }

  /**
   * Re-reads this widget's state from the URL after something else changed
   * it (a student's page following the instructor). Returns false when the
   * widget only reads its state as it starts: the page then reloads.
   */
  reloadState(): boolean {
    return false;
  }

  get presenting(): boolean {
    return this.hasAttribute("data-presenting");
  }

  /** Enters or leaves Present mode; uses the Fullscreen API when the browser allows it. */
  async setPresenting(on: boolean): Promise<void> {
    if (on === this.presenting) return;
    if (on) this.#applyZoom();
    else this.style.removeProperty("--present-zoom");
    this.toggleAttribute("data-presenting", on);
    this.#presentButton?.setAttribute("aria-pressed", String(on));
    if (this.#presentButton) this.#presentButton.textContent = on ? "Exit (Esc)" : "Present";
    if (on) {
      this.tabIndex = -1;
      this.focus();
      if (!document.fullscreenElement) {
        await this.requestFullscreen().catch(() => {
          /* denied or unsupported: the fixed overlay still fills the window */
        });
      }
      // Full screen changes the window's size: scale for the screen actually shown.
      this.#applyZoom();
      this.#showResult();
    } else if (document.fullscreenElement === (this as Element)) {
      await document.exitFullscreen().catch(() => undefined);
    }
  }

  /** The scale of Present mode for this screen (1 when not presenting). */
  get presentZoom(): number {
    return this.presenting ? Number(this.style.getPropertyValue("--present-zoom")) || 1 : 1;
  }

  #applyZoom(): void {
    this.style.setProperty("--present-zoom", String(presentZoom(innerWidth, innerHeight)));
  }

  /** The first result on show, if any (`data-part="results"` or `data-result`). */
  #result(): HTMLElement | null {
    return (
      [...this.querySelectorAll<HTMLElement>(RESULT)].find(
        (el) => !el.hidden && el.offsetParent !== null && el.getBoundingClientRect().height > 0,
      ) ?? null
    );
  }

  /**
   * Present mode opens on the result: the widget scrolls so the result is in
   * view, with as much of the form above it as the screen allows.
   */
  #showResult(): void {
    requestAnimationFrame(() => {
      const result = this.presenting ? this.#result() : null;
      if (!result) return;
      // A result taller than the screen shows from its top; a shorter one shows whole.
      const tall = result.getBoundingClientRect().height > innerHeight * 0.9;
      result.scrollIntoView({ block: tall ? "start" : "nearest" });
    });
  }

  #initPresent(): void {
    const button = this.querySelector<HTMLButtonElement>("[data-present]");
    if (!button) return;
    this.#presentButton = button;
    button.hidden = false;
    button.addEventListener("click", () => void this.setPresenting(!this.presenting));
    this.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.presenting) void this.setPresenting(false);
    });
    document.addEventListener("fullscreenchange", () => {
      if (!document.fullscreenElement && this.presenting) void this.setPresenting(false);
    });
    // A new screen size (a projector plugged in, the window resized) changes the zoom and
    // so moves everything: a result the instructor was looking at is kept in view.
    addEventListener("resize", () => {
      if (!this.presenting) return;
      const result = this.#result()?.getBoundingClientRect();
      const wasInView = result !== undefined && result.bottom > 0 && result.top < innerHeight;
      this.#applyZoom();
      if (wasInView) this.#showResult();
    });
    // A result that appears while presenting (a run finished) is brought into view.
    new MutationObserver((records) => {
      if (!this.presenting) return;
      const shown = records.some(
        (r) => r.target instanceof HTMLElement && !r.target.hidden && r.target.matches(RESULT),
      );
      if (shown) this.#showResult();
    }).observe(this, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
  }
}
