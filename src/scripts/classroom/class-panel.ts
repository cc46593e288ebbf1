/**
 * The instructor's class panel, beside the lesson: who is in the class, a
 * form for a new activity, and a live card per activity (newest first). It
 * is rebuilt from the data the instructor's page holds; the new-activity form
 * is built once, so what the instructor typed survives every update.
 */
import type { Activity, Participant, ResponseRecord } from "@/lib/classroom/index";
import { activityForm, type OpenActivity } from "./activity-form";
import { labelingCard, pollCard, type CardActions, type ModelState } from "./activity-results";
import { button, el } from "./dom";

const OPEN_KEY = "llmlab:classroom:panel";

const NO_MODEL: ModelState = { run: null, busy: null, note: null };

export class ClassPanel {
  readonly root: HTMLElement;
  readonly #title: HTMLElement;
  readonly #roster: HTMLElement;
  readonly #cards: HTMLElement;

  constructor(
    open: OpenActivity,
    private readonly actions: CardActions,
    private readonly onToggle: () => void,
  ) {
    this.root = el("section", "class-panel");
    this.root.dataset["classPanel"] = "";
    this.root.setAttribute("aria-labelledby", "class-panel-title");
    const head = el("header", "class-panel-head");
    this.#title = el("h2", undefined, "Class");
    this.#title.id = "class-panel-title";
    head.append(
      this.#title,
      button("Hide", () => {
        this.toggle(false);
      }),
    );
    this.#roster = el("details", "class-roster");
    this.#roster.dataset["classRoster"] = "";
    this.#cards = el("div", "class-cards");
    this.root.append(head, this.#roster, activityForm(open), this.#cards);
    let shown = false;
    try {
      shown = sessionStorage.getItem(OPEN_KEY) === "1";
    } catch {
      /* no storage: starts hidden */
    }
    this.root.hidden = !shown;
    document.body.append(this.root);
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  toggle(show = !this.visible): void {
    this.root.hidden = !show;
    try {
      sessionStorage.setItem(OPEN_KEY, show ? "1" : "0");
    } catch {
      /* kept for this page only */
    }
    this.onToggle();
  }

  setCode(code: string): void {
    this.#title.textContent = `Class ${code}`;
  }

  setRoster(participants: readonly Participant[]): void {
    const connected = participants.filter((p) => p.connected).length;
    const summary = el(
      "summary",
      undefined,
      `Students: ${connected} connected, ${participants.length} joined`,
    );
    const list = el("ul", "class-roster-list");
    for (const p of participants) {
      const li = el("li", undefined, p.anonymous ? `Anonymous ${p.id}` : p.name);
      li.dataset["connected"] = String(p.connected);
      list.append(li);
    }
    if (participants.length === 0) list.append(el("li", "class-muted", "Nobody has joined yet."));
    const open = (this.#roster as HTMLDetailsElement).open;
    this.#roster.replaceChildren(summary, list);
    (this.#roster as HTMLDetailsElement).open = open;
    this.#roster.dataset["connected"] = String(connected);
  }

  setActivities(
    activities: readonly Activity[],
    responses: readonly ResponseRecord[],
    models: ReadonlyMap<number, ModelState>,
  ): void {
    const cards = [...activities]
      .sort((a, b) => b.id - a.id)
      .map((a) =>
        a.spec.kind === "labeling"
          ? labelingCard(a, responses, models.get(a.id) ?? NO_MODEL, this.actions)
          : pollCard(a, responses, this.actions),
      );
    if (cards.length === 0)
      cards.push(
        el(
          "p",
          "class-muted",
          "No activity yet: open one above, and every student's page shows it.",
        ),
      );
    this.#cards.replaceChildren(...cards);
  }
}
