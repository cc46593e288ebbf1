/**
 * The student's side of an activity: the open labeling tasks and polls in a
 * sheet beside the lesson. A label is sent as soon as it is picked and shown
 * "Saved" only once the server has committed it; one sent but not yet
 * acknowledged when the link drops is sent again after reconnecting.
 */
import type { Activity, ClientMessage, ResponseRecord } from "@/lib/classroom/index";
import { LIMITS, POLL_ITEM } from "@/lib/classroom/index";
import { button, el } from "./dom";
import { Requests } from "./requests";

type Status = { kind: "saved" } | { kind: "saving" } | { kind: "failed"; message: string };

interface Answer {
  label: string;
  status: Status;
  /** The id of the message that carried this answer (its ack settles it, no other). */
  request?: string;
}

const key = (activityId: number, itemId: string): string => `${activityId}\u0000${itemId}`;

export class StudentActivities {
  readonly root: HTMLElement;
  readonly #list: HTMLElement;
  readonly #requests = new Requests("r");
  readonly #answers = new Map<string, Answer>();
  readonly #activities = new Map<number, Activity>();
  readonly #views = new Map<number, HTMLElement>();
  /** Refreshes each view's statuses in place (the inputs keep focus). */
  readonly #refresh = new Map<number, () => void>();
  #hidden = false;

  constructor(
    private readonly send: (m: ClientMessage) => boolean,
    private readonly onChange: () => void,
  ) {
    this.root = el("section", "class-activity");
    this.root.dataset["classActivity"] = "";
    this.root.setAttribute("aria-label", "Class activity");
    this.root.hidden = true;
    const head = el("header", "class-activity-head");
    head.append(
      el("h2", undefined, "Class activity"),
      button("Hide", () => {
        this.toggle(false);
      }),
    );
    this.#list = el("div", "class-activity-list");
    this.root.append(head, this.#list);
    document.body.append(this.root);
  }

  /** Open activities (newest first) and how many of their items this student answered. */
  get summary(): { open: number; answered: number; items: number } {
    let answered = 0;
    let items = 0;
    let open = 0;
    for (const a of this.#activities.values()) {
      if (a.closedAt !== null) continue;
      open++;
      const ids = a.spec.kind === "labeling" ? a.spec.items.map((i) => i.id) : [POLL_ITEM];
      items += ids.length;
      answered += ids.filter(
        (id) => this.#answers.get(key(a.id, id))?.status.kind === "saved",
      ).length;
    }
    return { open, answered, items };
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  toggle(show = !this.visible): void {
    this.#hidden = !show;
    this.root.hidden = !show || this.summary.open === 0;
    this.onChange();
  }

  /** The server's snapshot: its open activities and this student's stored answers. */
  welcome(activities: readonly Activity[], mine: readonly ResponseRecord[]): void {
    this.#requests.abandon("reconnected");
    // only answers still waiting: one the server refused stays refused
    const unsent = [...this.#answers.entries()].filter(([, a]) => a.status.kind === "saving");
    for (const r of mine)
      this.#answers.set(key(r.activityId, r.itemId), { label: r.label, status: { kind: "saved" } });
    for (const id of [...this.#activities.keys()])
      if (!activities.some((a) => a.id === id)) this.#drop(id);
    for (const a of activities) if (!this.#activities.has(a.id)) this.opened(a);
    // answers sent but never acknowledged go again, unless the server has them
    for (const [k, answer] of unsent) {
      const [activityId, itemId] = k.split("\u0000") as [string, string];
      const stored = mine.find((r) => r.activityId === Number(activityId) && r.itemId === itemId);
      if (stored?.label === answer.label) continue;
      if (this.#activities.has(Number(activityId)))
        this.#answer(Number(activityId), itemId, answer.label);
    }
    this.#update();
  }

  opened(activity: Activity): void {
    this.#activities.set(activity.id, activity);
    const view =
      activity.spec.kind === "labeling" ? this.#labelingView(activity) : this.#pollView(activity);
    this.#views.set(activity.id, view);
    this.#list.prepend(view);
    if (!this.#hidden) this.root.hidden = false;
    this.#update();
  }

  closed(activityId: number, closedAt: number): void {
    const activity = this.#activities.get(activityId);
    if (!activity) return;
    activity.closedAt = closedAt;
    const view = this.#views.get(activityId);
    if (view) {
      view.dataset["closed"] = "";
      for (const input of view.querySelectorAll<
        HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement
      >("input, textarea, button"))
        input.disabled = true;
      view.querySelector(".class-activity-closed")?.removeAttribute("hidden");
    }
    this.#update();
  }

  /** Takes the server's ack or error of an answer; false when it was not one. */
  settle(m: Parameters<Requests["settle"]>[0]): boolean {
    return this.#requests.settle(m);
  }

  #drop(activityId: number): void {
    this.#activities.delete(activityId);
    this.#views.get(activityId)?.remove();
    this.#views.delete(activityId);
    this.#refresh.delete(activityId);
  }

  #update(): void {
    for (const refresh of this.#refresh.values()) refresh();
    if (this.summary.open === 0) this.root.hidden = true;
    this.onChange();
  }

  #answer(activityId: number, itemId: string, label: string): void {
    const activity = this.#activities.get(activityId);
    if (!activity) return;
    const k = key(activityId, itemId);
    const { id, reply } = this.#requests.track();
    const message: ClientMessage =
      activity.spec.kind === "labeling"
        ? { type: "response", id, activityId, itemId, label }
        : { type: "poll.answer", id, activityId, answer: label };
    this.#answers.set(k, { label, status: { kind: "saving" }, request: id });
    this.#update();
    if (!this.send(message)) return; // sent again after reconnecting
    void reply.then((r) => {
      const current = this.#answers.get(k);
      if (current?.request !== id) return; // a newer answer replaced it
      if (r.ok) current.status = { kind: "saved" };
      else if (r.code !== "no_answer") current.status = { kind: "failed", message: r.message };
      this.#update();
    });
  }

  #statusText(activityId: number, itemId: string): [string, string] {
    const a = this.#answers.get(key(activityId, itemId));
    if (!a) return ["", "none"];
    if (a.status.kind === "saved") return ["Saved", "saved"];
    if (a.status.kind === "saving") return ["Saving…", "saving"];
    return [`Not saved: ${a.status.message}`, "failed"];
  }

  #labelingView(activity: Activity): HTMLElement {
    const spec = activity.spec;
    if (spec.kind !== "labeling") throw new Error("not a labeling activity");
    const view = el("article", "class-task");
    view.dataset["activityId"] = String(activity.id);
    view.append(el("h3", undefined, spec.title));
    if (spec.codebook) {
      const book = el("details", "class-codebook");
      book.append(
        el("summary", undefined, "Codebook"),
        el("p", "class-codebook-text", spec.codebook),
      );
      view.append(book);
    }
    const progress = el("p", "class-task-progress");
    progress.dataset["progress"] = "";
    const closed = el(
      "p",
      "class-activity-closed",
      "Closed by the instructor: your saved answers are kept.",
    );
    closed.hidden = true;
    const list = el("ol", "class-items");
    const statuses: [string, HTMLElement][] = [];
    for (const [index, item] of spec.items.entries()) {
      const li = el("li", "class-item");
      li.dataset["itemId"] = item.id;
      const text = el("p", "class-item-text", item.text);
      text.id = `class-${activity.id}-item-${index}`;
      const group = el("fieldset", "class-choices");
      group.setAttribute("aria-labelledby", text.id);
      for (const label of spec.labels) {
        const choice = el("label", "class-choice");
        const input = el("input");
        input.type = "radio";
        input.name = `class-${activity.id}-${item.id}`;
        input.value = label;
        input.addEventListener("change", () => {
          if (input.checked) this.#answer(activity.id, item.id, label);
        });
        choice.append(input, document.createTextNode(label));
        group.append(choice);
      }
      const status = el("span", "class-item-status");
      status.setAttribute("aria-live", "polite");
      group.append(status);
      statuses.push([item.id, status]);
      li.append(text, group);
      list.append(li);
    }
    view.append(progress, closed, list);
    this.#refresh.set(activity.id, () => {
      let saved = 0;
      for (const [itemId, status] of statuses) {
        const [text, state] = this.#statusText(activity.id, itemId);
        status.textContent = text;
        status.dataset["status"] = state;
        if (state === "saved") saved++;
        const label = this.#answers.get(key(activity.id, itemId))?.label;
        for (const input of list.querySelectorAll<HTMLInputElement>(
          `input[name="class-${activity.id}-${CSS.escape(itemId)}"]`,
        ))
          input.checked = input.value === label;
      }
      progress.textContent = `${saved} of ${spec.items.length} labelled`;
    });
    return view;
  }

  #pollView(activity: Activity): HTMLElement {
    const spec = activity.spec;
    if (spec.kind !== "poll") throw new Error("not a poll");
    const view = el("article", "class-task");
    view.dataset["activityId"] = String(activity.id);
    const form = el("form", "class-poll");
    form.append(el("h3", undefined, "Poll"), el("p", "class-poll-question", spec.question));
    let read: () => string;
    if (spec.answer === "choice") {
      const group = el("fieldset", "class-choices");
      group.append(el("legend", "visually-hidden", "Your answer"));
      for (const option of spec.options) {
        const choice = el("label", "class-choice");
        const input = el("input");
        input.type = "radio";
        input.name = `class-${activity.id}-poll`;
        input.value = option;
        choice.append(input, document.createTextNode(option));
        group.append(choice);
      }
      form.append(group);
      read = () => form.querySelector<HTMLInputElement>("input:checked")?.value ?? "";
    } else {
      const text = el("textarea");
      text.maxLength = LIMITS.answerMax;
      text.rows = 3;
      text.setAttribute("aria-label", "Your answer");
      form.append(text);
      read = () => text.value.trim();
    }
    const send = el("button", undefined, "Send");
    send.type = "submit";
    const status = el("span", "class-item-status");
    status.setAttribute("aria-live", "polite");
    const row = el("div", "class-poll-send");
    row.append(send, status);
    const closed = el(
      "p",
      "class-activity-closed",
      "Closed by the instructor: your saved answer is kept.",
    );
    closed.hidden = true;
    form.append(row, closed);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const answer = read();
      if (!answer) {
        status.textContent =
          spec.answer === "choice" ? "Pick an answer first." : "Write an answer first.";
        status.dataset["status"] = "failed";
        return;
      }
      this.#answer(activity.id, POLL_ITEM, answer);
    });
    view.append(form);
    this.#refresh.set(activity.id, () => {
      const [text, state] = this.#statusText(activity.id, POLL_ITEM);
      if (state === "none") return;
      status.textContent = text;
      status.dataset["status"] = state;
    });
    return view;
  }
}
