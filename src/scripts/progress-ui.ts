/**
 * Progress on the page: done marks in lists, the overall meter, and the
 * "Mark as done" button on a lesson. Stays in sync across tabs.
 */
import {
  EXERCISES_KEY,
  PROGRESS_KEY,
  exerciseSummary,
  isDone,
  parseProgress,
  serializeProgress,
  setDone,
  summarize,
  type Progress,
} from "./progress-store";

function load(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return parseProgress(null);
  }
}

function save(progress: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    /* storage unavailable: progress lasts for this page only */
  }
}

function lessonIds(): string[] {
  const list = document.querySelector<HTMLElement>("[data-lesson-ids]");
  return list?.dataset["lessonIds"]?.split(",").filter(Boolean) ?? [];
}

function render(progress: Progress): void {
  for (const mark of document.querySelectorAll<HTMLElement>("[data-done-mark]")) {
    const id = mark.dataset["doneMark"] ?? "";
    const done = isDone(progress, id);
    mark.dataset["done"] = String(done);
    mark.title = done ? "Done" : "Not done yet";
    const label = mark.querySelector<HTMLElement>(".visually-hidden");
    if (label) label.textContent = done ? "(done)" : "";
  }
  const summary = summarize(progress, lessonIds());
  for (const meter of document.querySelectorAll<HTMLElement>("[data-progress-meter]")) {
    meter.hidden = false;
    const bar = meter.querySelector("progress");
    if (bar) {
      bar.max = summary.total;
      bar.value = summary.done;
    }
    const text = meter.querySelector<HTMLElement>("[data-progress-text]");
    if (text) text.textContent = `${summary.done} of ${summary.total} lessons done`;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-done-toggle]")) {
    const done = isDone(progress, button.dataset["doneToggle"] ?? "");
    button.hidden = false;
    button.setAttribute("aria-pressed", String(done));
    button.textContent = done ? "Done ✓ (click to undo)" : "Mark lesson as done";
  }
}

/** "Exercises passed: 1 of 2" on a lesson page with exercise cells. */
function renderExercises(): void {
  const box = document.querySelector<HTMLElement>("[data-exercise-progress]");
  if (!box) return;
  const cells = [...document.querySelectorAll<HTMLElement>('code-cell[data-exercise="true"]')];
  if (cells.length === 0) return;
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(EXERCISES_KEY);
  } catch {
    raw = null;
  }
  const ids = cells.map((cell) => cell.dataset["cell"] ?? "");
  const { passed, total } = exerciseSummary(raw, box.dataset["exerciseProgress"] ?? "", ids);
  box.hidden = false;
  box.textContent = `Exercises passed: ${String(passed)} of ${String(total)}.`;
}

export function initProgress(): void {
  render(load());
  renderExercises();
  document.addEventListener("llmlab:exercise-passed", renderExercises);
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-done-toggle]")) {
    button.addEventListener("click", () => {
      const id = button.dataset["doneToggle"] ?? "";
      const progress = load();
      const next = setDone(progress, id, !isDone(progress, id), Date.now());
      save(next);
      render(next);
    });
  }
  window.addEventListener("storage", (event) => {
    if (event.key === PROGRESS_KEY) render(load());
    if (event.key === EXERCISES_KEY) renderExercises();
  });
}
