/**
 * The instructor's page leads: whenever its URL changes (a widget writes its
 * state, another page loads) or a widget is presented or put away, it sends
 * the page's state, at most once per DEBOUNCE_MS, and once more on each
 * (re)connection when the server's state is not this page's.
 */
import type { PageState } from "@/lib/classroom/index";
import { URL_STATE_EVENT } from "../lab-widget";
import { ClassBar } from "./class-bar";
import { Connection, type ConnectionStatus } from "./connection";
import { currentState } from "./page-state";

export const DEBOUNCE_MS = 150;

const same = (a: PageState, b: PageState): boolean =>
  a.path === b.path && a.query === b.query && a.present === b.present;

export function startInstructor(token: string): void {
  let status: ConnectionStatus = "connecting";
  let ended = "";
  let code = "";
  /** What the server last confirmed everyone sees. */
  let shared: PageState | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sent = 0;

  const bar = new ClassBar(() => undefined);
  function render(): void {
    if (status === "ended") bar.show({ text: ended, action: null, tone: "problem" });
    else if (status !== "open")
      bar.show({ text: "Connecting to the class…", action: null, tone: "problem" });
    else bar.show({ text: `Leading the class · code ${code}`, action: null, tone: "on" });
    bar.root.dataset["state"] = status === "open" ? "leading" : status;
  }

  function sync(): void {
    const state = currentState();
    if (shared && same(shared, state)) return;
    connection.send({ type: "state", id: `s${++sent}`, ...state });
  }
  function soon(): void {
    clearTimeout(timer);
    timer = setTimeout(sync, DEBOUNCE_MS);
  }

  // The page takes over from the instructor's previous page (the one before a navigation).
  const connection = new Connection(
    { token, takeover: true },
    {
      status(next, reason) {
        status = next;
        if (next === "ended") ended = reason ?? "The class has ended.";
        render();
      },
      message(m) {
        if (m.type === "welcome") {
          code = m.session.code;
          shared = m.state;
          render();
          sync();
        } else if (m.type === "state") shared = m;
      },
    },
  );

  document.addEventListener(URL_STATE_EVENT, soon);
  addEventListener("popstate", soon);
  addEventListener("hashchange", soon);
  new MutationObserver(soon).observe(document.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-presenting"],
  });
  render();
  connection.start();
}
