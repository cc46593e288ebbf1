/**
 * A student's page follows the instructor: on each state it loads the page
 * the instructor is on, or takes the new query and lets the widgets whose
 * keys changed re-read it, and brings the presented widget into view. Detach
 * stops following (kept for this tab); Rejoin snaps back to the latest state.
 */
import { followStep, type FollowedState, type PageState } from "@/lib/classroom/index";
import { ClassBar } from "./class-bar";
import { Connection, type ConnectionStatus } from "./connection";
import { widgetKey, widgets } from "./page-state";
import { keepFollow, keepSeat, storedFollow } from "./session-store";
import { StudentActivities } from "./student-activity";

/** Applies the instructor's state to this page. */
export function follow(state: PageState): void {
  const step = followStep({ path: location.pathname, query: location.search }, state);
  if (step.kind === "navigate") {
    location.assign(step.url);
    return;
  }
  if (step.kind === "query") {
    history.replaceState(history.state, "", `${location.pathname}${step.query}${location.hash}`);
    const changed = widgets().filter((w) => step.prefixes.includes(w.stateKey));
    if (!changed.every((w) => w.reloadState())) {
      location.reload();
      return;
    }
  }
  showPresented(state.present);
}

function showPresented(present: string | null): void {
  for (const el of document.querySelectorAll("[data-class-presented]"))
    el.removeAttribute("data-class-presented");
  if (present === null) return;
  const widget = widgets().find((w) => widgetKey(w) === present);
  if (!widget) return;
  widget.setAttribute("data-class-presented", "");
  widget.scrollIntoView({ block: "start" });
}

export function startStudent(token: string): void {
  let latest: FollowedState | null = null;
  let detached = storedFollow().detached;
  let status: ConnectionStatus = "connecting";
  let ended = "";

  const bar = new ClassBar(
    () => {
      if (status === "ended") {
        keepSeat(null);
        bar.root.remove();
        sheet.root.remove();
        return;
      }
      detached = !detached;
      keepFollow({ detached });
      if (!detached && latest) follow(latest);
      render();
    },
    () => {
      sheet.toggle();
    },
  );
  const sheet = new StudentActivities(
    (m) => connection.send(m),
    () => {
      renderActivity();
    },
  );

  function renderActivity(): void {
    const { open, answered, items } = sheet.summary;
    if (open === 0) bar.second(null);
    else bar.second(`Activity ${answered}/${items}`, sheet.visible);
  }

  function render(): void {
    if (status === "ended") bar.show({ text: ended, action: "Close", tone: "problem" });
    else if (status !== "open")
      bar.show({ text: "Connecting to the class…", action: null, tone: "problem" });
    else if (detached) bar.show({ text: "Detached", action: "Rejoin", tone: "off" });
    else bar.show({ text: "Following the instructor", action: "Detach", tone: "on" });
    bar.root.dataset["state"] = status === "open" ? (detached ? "detached" : "following") : status;
  }

  const connection = new Connection(
    { token },
    {
      status(next, reason) {
        status = next;
        if (next === "ended") {
          ended = reason ?? "The class has ended.";
          if (reason?.includes("join again")) keepSeat(null);
        }
        render();
      },
      message(m) {
        if (m.type === "welcome") sheet.welcome(m.activities, m.responses);
        else if (m.type === "activity.opened") sheet.opened(m.activity);
        else if (m.type === "activity.closed") sheet.closed(m.activityId, m.closedAt);
        else if ((m.type === "ack" || m.type === "error") && sheet.settle(m)) return;
        else if (m.type === "error") bar.error(m.message);
        if (m.type === "welcome" || m.type === "state") {
          const state: FollowedState = m.type === "welcome" ? m.state : m;
          // Version 0: the instructor has not shown anything yet; stay where you are.
          if (state.version === 0) return;
          latest = state;
          if (!detached) follow(state);
        }
      },
    },
  );
  render();
  connection.start();
}
