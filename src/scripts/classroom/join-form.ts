/**
 * The form a join link opens: the class code, an optional name, Join. The
 * server's answer (a token) becomes this tab's seat; its refusal is shown as
 * it says it (textContent).
 */
import { CLASSROOM_PATHS, LIMITS } from "@/lib/classroom/index";

interface JoinAnswer {
  token?: string;
  error?: { message?: string };
}

/** Shows the form; resolves with the token once the server has seated the student. */
export function askToJoin(code: string): Promise<string | null> {
  const form = document.createElement("form");
  form.className = "class-join";
  form.dataset["classJoin"] = "";
  form.setAttribute("aria-labelledby", "class-join-title");
  const title = document.createElement("h2");
  title.id = "class-join-title";
  title.textContent = `Join the class ${code}`;
  const label = document.createElement("label");
  label.textContent = "Your name (optional)";
  const input = document.createElement("input");
  input.name = "name";
  input.setAttribute("autocomplete", "nickname");
  input.maxLength = LIMITS.nameMax;
  label.append(input);
  const hint = document.createElement("p");
  hint.className = "class-join-hint";
  hint.textContent = "Leave it empty to join anonymously. Only the instructor sees names.";
  const error = document.createElement("p");
  error.className = "class-join-error";
  error.setAttribute("role", "alert");
  error.hidden = true;
  const buttons = document.createElement("div");
  buttons.className = "class-join-buttons";
  const join = document.createElement("button");
  join.type = "submit";
  join.textContent = "Join";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = "Not now";
  buttons.append(join, cancel);
  form.append(title, label, hint, error, buttons);
  // a modal dialog: centred over a dimmed page on any screen, Escape means "Not now"
  const dialog = document.createElement("dialog");
  dialog.className = "class-join-dialog";
  dialog.setAttribute("aria-labelledby", "class-join-title");
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  input.focus();

  return new Promise((resolve) => {
    let settled = false;
    const finish = (token: string | null): void => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(token);
    };
    cancel.addEventListener("click", () => {
      finish(null);
    });
    dialog.addEventListener("close", () => {
      finish(null);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      join.disabled = true;
      error.hidden = true;
      const name = input.value.trim();
      void requestToken(code, name).then(
        (token) => {
          finish(token);
        },
        (failure: unknown) => {
          join.disabled = false;
          error.textContent = failure instanceof Error ? failure.message : String(failure);
          error.hidden = false;
        },
      );
    });
  });
}

async function requestToken(code: string, name: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(CLASSROOM_PATHS.join, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(name ? { code, name } : { code }),
    });
  } catch {
    throw new Error("The class server does not answer: check the network, then try again.");
  }
  const body = (await res.json().catch(() => ({}))) as JoinAnswer;
  if (res.ok && typeof body.token === "string") return body.token;
  throw new Error(body.error?.message ?? `The class server refused (HTTP ${res.status}).`);
}
