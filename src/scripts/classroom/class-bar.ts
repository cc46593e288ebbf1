/**
 * The small fixed bar a page in a class shows: what the page is doing
 * ("Following the instructor", "Detached") and one button (Detach, Rejoin).
 * Every text goes in with textContent.
 */

export interface BarView {
  text: string;
  /** The button's label, or null for no button. */
  action: string | null;
  /** "on" while following or presenting; "off" detached; "problem" when the link is down. */
  tone: "on" | "off" | "problem";
}

export class ClassBar {
  readonly root: HTMLElement;
  readonly #text: HTMLElement;
  readonly #button: HTMLButtonElement;

  constructor(onAction: () => void) {
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
    this.root.append(dot, this.#text, this.#button);
    document.body.append(this.root);
    document.body.dataset["inClass"] = "";
  }

  show(view: BarView): void {
    this.#text.textContent = view.text;
    this.root.dataset["tone"] = view.tone;
    this.#button.hidden = view.action === null;
    this.#button.textContent = view.action ?? "";
  }
}
