/**
 * The small fixed bar a page in a class shows: what the page is doing
 * ("Following the instructor", "Detached"), its button (Detach, Rejoin), an
 * optional second button (the class panel, the open activity), and the
 * server's last refusal for a few seconds. Every text goes in with textContent.
 */

export interface BarView {
  text: string;
  /** The button's label, or null for no button. */
  action: string | null;
  /** "on" while following or presenting; "off" detached; "problem" when the link is down. */
  tone: "on" | "off" | "problem";
}

/** How long a server error stays in the bar. */
export const ERROR_MS = 8000;

export class ClassBar {
  readonly root: HTMLElement;
  readonly #text: HTMLElement;
  readonly #button: HTMLButtonElement;
  readonly #second: HTMLButtonElement;
  readonly #error: HTMLElement;
  #errorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(onAction: () => void, onSecond: () => void = () => undefined) {
    this.root = document.createElement("aside");
    this.root.className = "class-bar";
    this.root.setAttribute("aria-label", "Class");
    this.root.dataset["classBar"] = "";
    const dot = document.createElement("span");
    dot.className = "class-bar-dot";
    dot.setAttribute("aria-hidden", "true");
    this.#text = document.createElement("span");
    this.#text.className = "class-bar-text";
    this.#text.setAttribute("role", "status");
    this.#button = document.createElement("button");
    this.#button.type = "button";
    this.#button.className = "class-bar-button";
    this.#button.addEventListener("click", onAction);
    this.#second = document.createElement("button");
    this.#second.type = "button";
    this.#second.className = "class-bar-button";
    this.#second.dataset["classBarSecond"] = "";
    this.#second.hidden = true;
    this.#second.addEventListener("click", onSecond);
    this.#error = document.createElement("span");
    this.#error.className = "class-bar-error";
    this.#error.setAttribute("role", "alert");
    this.#error.hidden = true;
    this.root.append(dot, this.#text, this.#error, this.#button, this.#second);
    document.body.append(this.root);
    document.body.dataset["inClass"] = "";
  }

  show(view: BarView): void {
    this.#text.textContent = view.text;
    this.root.dataset["tone"] = view.tone;
    this.#button.hidden = view.action === null;
    this.#button.textContent = view.action ?? "";
  }

  /** The second button's label, or null to hide it; `pressed` for a toggle. */
  second(label: string | null, pressed?: boolean): void {
    this.#second.hidden = label === null;
    this.#second.textContent = label ?? "";
    if (pressed === undefined) this.#second.removeAttribute("aria-pressed");
    else this.#second.setAttribute("aria-pressed", String(pressed));
  }

  /** Shows what the server refused, for ERROR_MS. */
  error(message: string): void {
    clearTimeout(this.#errorTimer);
    this.#error.textContent = message;
    this.#error.hidden = false;
    this.#errorTimer = setTimeout(() => {
      this.#error.hidden = true;
    }, ERROR_MS);
  }
}
