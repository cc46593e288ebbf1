/**
 * The instructor's page leads: whenever its URL changes (a widget writes its
 * state, another page loads) or a widget is presented or put away, it sends
 * the page's state, at most once per DEBOUNCE_MS, and once more on each
 * (re)connection when the server's state is not this page's. Its class panel
 * opens activities and shows the class's answers live.
 */
import {
  CLASSROOM_PATHS,
  mergeResponses,
  type Activity,
  type PageState,
  type ResponseRecord,
} from "@/lib/classroom/index";
import { download } from "../download";
import { URL_STATE_EVENT } from "../lab-widget";
import type { NewActivity } from "./activity-form";
import type { CardActions, ModelState } from "./activity-results";
import { ClassBar } from "./class-bar";
import { ClassPanel } from "./class-panel";
import { Connection, type ConnectionStatus } from "./connection";
import { csvRun, keepOrigin, keepRun, offlineRun, storedOrigin, storedRun } from "./model-labels";
import { currentState } from "./page-state";
import { Requests } from "./requests";

export const DEBOUNCE_MS = 150;
/** Live results are redrawn at most this often. */
export const REDRAW_MS = 200;

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
  const activities = new Map<number, Activity>();
  let responses: ResponseRecord[] = [];
  const models = new Map<number, ModelState>();
  const requests = new Requests("i");
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;

  const bar = new ClassBar(
    () => undefined,
    () => {
      panel.toggle();
    },
  );
  function render(): void {
    if (status === "ended") bar.show({ text: ended, action: null, tone: "problem" });
    else if (status !== "open")
      bar.show({ text: "Connecting to the class…", action: null, tone: "problem" });
    else bar.show({ text: `Leading the class · code ${code}`, action: null, tone: "on" });
    bar.root.dataset["state"] = status === "open" ? "leading" : status;
    bar.second(status === "ended" ? null : "Class panel", panel.visible);
  }

  const modelOf = (id: number): ModelState => {
    let m = models.get(id);
    if (!m) {
      m = { run: storedRun(code, id), busy: null, note: null };
      models.set(id, m);
    }
    return m;
  };
  function redraw(): void {
    // a throttle, not a debounce: a busy class keeps sending, and the panel must keep up
    if (redrawTimer !== undefined) return;
    redrawTimer = setTimeout(() => {
      redrawTimer = undefined;
      for (const id of activities.keys()) modelOf(id);
      panel.setActivities([...activities.values()], responses, models);
    }, REDRAW_MS);
  }

  async function request(message: Parameters<Connection["send"]>[0] & { id?: string }) {
    const { id, reply } = requests.track();
    if (!connection.send({ ...message, id })) {
      requests.forget(id);
      return {
        ok: false as const,
        code: "no_answer" as const,
        message: "The class server is not connected: wait for it, then try again.",
      };
    }
    return reply;
  }

  async function openActivity({ spec, origin }: NewActivity): Promise<string | null> {
    const reply = await request({ type: "activity.open", activity: spec });
    if (!reply.ok) return reply.message;
    if (origin && reply.activityId !== undefined) keepOrigin(code, reply.activityId, origin);
    return null;
  }

  const actions: CardActions = {
    close(activityId) {
      void request({ type: "activity.close", activityId }).then((r) => {
        if (!r.ok) bar.error(r.message);
      });
    },
    export(activityId) {
      void exportCSV(activityId).catch((error: unknown) => {
        bar.error(error instanceof Error ? error.message : String(error));
      });
    },
    offlineModel(activityId) {
      const activity = activities.get(activityId);
      if (activity?.spec.kind !== "labeling") return;
      const m = modelOf(activityId);
      m.busy = "Loading the offline model…";
      redraw();
      void offlineRun(activity.spec, storedOrigin(code, activityId), (label) => {
        m.busy = label;
        redraw();
      })
        .then((run) => {
          m.run = run;
          m.note = null;
          keepRun(code, activityId, run);
        })
        .catch((error: unknown) => {
          m.note = `The offline model failed: ${error instanceof Error ? error.message : String(error)}`;
        })
        .finally(() => {
          m.busy = null;
          redraw();
        });
    },
    importModel(activityId, file) {
      const activity = activities.get(activityId);
      if (activity?.spec.kind !== "labeling") return;
      const m = modelOf(activityId);
      void csvRun(file, activity.spec).then((checked) => {
        if (checked.ok) {
          m.run = checked.value;
          m.note = checked.value.note
            ? `Model labels: ${checked.value.source}. ${checked.value.note}`
            : null;
          keepRun(code, activityId, checked.value);
        } else m.note = checked.message;
        redraw();
      });
    },
  };

  async function exportCSV(activityId: number): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${CLASSROOM_PATHS.exportCSV}?activity=${activityId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch {
      throw new Error("The export failed: the class server does not answer.");
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      throw new Error(`The export failed: ${body.error?.message ?? `HTTP ${res.status}`}`);
    }
    download(await res.blob(), `classroom-${code}-activity-${activityId}.csv`);
  }

  const panel = new ClassPanel(openActivity, actions, render);

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
        if (next !== "open")
          requests.abandon(
            "The connection dropped before the server answered: check the activities before trying again.",
          );
        render();
      },
      message(m) {
        if (requests.settle(m)) return;
        switch (m.type) {
          case "welcome":
            code = m.session.code;
            shared = m.state;
            panel.setCode(code);
            activities.clear();
            for (const a of m.activities) activities.set(a.id, a);
            responses = m.responses;
            panel.setRoster(m.roster ?? []);
            render();
            redraw();
            sync();
            return;
          case "state":
            shared = m;
            return;
          case "activity.opened":
            activities.set(m.activity.id, m.activity);
            redraw();
            return;
          case "activity.closed": {
            const a = activities.get(m.activityId);
            if (a) a.closedAt = m.closedAt;
            redraw();
            return;
          }
          case "responses":
            responses = mergeResponses(responses, m.responses);
            redraw();
            return;
          case "roster":
            panel.setRoster(m.participants);
            return;
          case "error":
            bar.error(m.message);
            return;
          case "ack":
            return;
        }
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
