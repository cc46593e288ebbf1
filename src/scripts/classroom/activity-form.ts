/**
 * The instructor's form for a new activity: a labeling task (a seeded sample
 * of a bundled dataset, or pasted items; labels as "name: description" lines;
 * the instructions) or a poll (the page's own discussion questions offered as
 * presets; multiple choice or short text). Refusals are shown as the library
 * words them; nothing is sent until the activity checks out.
 */
import {
  itemsFromLines,
  labelingActivity,
  LIMITS,
  pollActivity,
  sampleRows,
  type ActivitySpec,
  type Checked,
} from "@/lib/classroom/index";
import { BUNDLED, type BundledId } from "@/lib/labeling";
import { el, field } from "./dom";
import { bundledTable, type SampleOrigin } from "./model-labels";

export interface NewActivity {
  spec: ActivitySpec;
  origin: SampleOrigin | null;
}

/** Opens the activity; resolves with null when the server took it, else what went wrong. */
export type OpenActivity = (activity: NewActivity) => Promise<string | null>;

const SOURCES: { value: BundledId | "paste"; text: string }[] = [
  { value: "politics", text: `Bundled: ${BUNDLED.politics.name}` },
  { value: "spam", text: `Bundled: ${BUNDLED.spam.name}` },
  { value: "paste", text: "My own items (paste them)" },
];

/** The lesson's discussion questions, when the page has them. */
export function discussionQuestions(): string[] {
  const heading = [...document.querySelectorAll("h2")].find((h) =>
    /discussion questions/i.test(h.textContent),
  );
  let next = heading?.nextElementSibling;
  while (next && next.tagName !== "OL" && next.tagName !== "H2") next = next.nextElementSibling;
  if (next?.tagName !== "OL") return [];
  return [...next.querySelectorAll(":scope > li")].map((li) =>
    li.textContent.trim().replace(/\s+/g, " "),
  );
}

function select(options: { value: string; text: string }[]): HTMLSelectElement {
  const s = el("select");
  for (const o of options) {
    const option = el("option", undefined, o.text);
    option.value = o.value;
    s.append(option);
  }
  return s;
}

function numberInput(value: number, min: number, max: number): HTMLInputElement {
  const input = el("input");
  input.type = "number";
  input.value = String(value);
  input.min = String(min);
  input.max = String(max);
  input.inputMode = "numeric";
  return input;
}

function textarea(rows: number, value = ""): HTMLTextAreaElement {
  const t = el("textarea");
  t.rows = rows;
  t.value = value;
  return t;
}

function radios(
  name: string,
  options: { value: string; text: string }[],
): { group: HTMLFieldSetElement; value: () => string } {
  const group = el("fieldset", "class-radios");
  options.forEach((o, i) => {
    const label = el("label", "class-choice");
    const input = el("input");
    input.type = "radio";
    input.name = name;
    input.value = o.value;
    input.checked = i === 0;
    label.append(input, document.createTextNode(o.text));
    group.append(label);
  });
  return {
    group,
    value: () =>
      group.querySelector<HTMLInputElement>("input:checked")?.value ?? options[0]?.value ?? "",
  };
}

export function activityForm(open: OpenActivity): HTMLElement {
  const box = el("details", "class-new");
  box.dataset["classNew"] = "";
  box.append(el("summary", undefined, "New activity"));
  const form = el("form", "class-new-form");
  const kind = radios("class-kind", [
    { value: "labeling", text: "Label items" },
    { value: "poll", text: "Poll" },
  ]);
  kind.group.prepend(el("legend", undefined, "Kind"));

  // labeling
  const labeling = el("div", "class-subform");
  const source = select(SOURCES);
  const count = numberInput(10, LIMITS.labelsMin, 40);
  const seed = numberInput(1, 1, 9999);
  const pasted = textarea(6);
  const title = el("input");
  const labels = textarea(3);
  const instructions = textarea(2);
  const countField = field(
    "Items",
    count,
    "Drawn by a seeded shuffle: the same seed, the same items.",
  );
  const seedField = field("Sample seed", seed);
  const pasteField = field("Items, one per line", pasted);
  function fillFromSource(): void {
    const bundled = source.value === "paste" ? null : BUNDLED[source.value as BundledId];
    countField.hidden = seedField.hidden = bundled === null;
    pasteField.hidden = bundled !== null;
    labels.value = bundled ? bundled.codebook.labels : "";
    instructions.value = bundled ? bundled.codebook.instructions : "";
    title.value = bundled ? bundled.name : "";
  }
  source.addEventListener("change", fillFromSource);
  labeling.append(
    field("Items from", source),
    countField,
    seedField,
    pasteField,
    field("Title", title),
    field("Labels, one per line", labels, "name: what it means (the description is optional)"),
    field("Instructions", instructions),
  );
  fillFromSource();

  // poll
  const poll = el("div", "class-subform");
  const questions = discussionQuestions();
  const question = textarea(3);
  question.maxLength = LIMITS.questionMax;
  const answer = radios("class-answer", [
    { value: "choice", text: "Multiple choice" },
    { value: "text", text: "Short text" },
  ]);
  answer.group.prepend(el("legend", undefined, "Answers"));
  const options = textarea(3, "Yes\nNo\nIt depends");
  const optionsField = field("Options, one per line", options);
  if (questions.length > 0) {
    const preset = select([
      { value: "", text: "Write my own question" },
      ...questions.map((q, i) => ({
        value: String(i),
        text: `${i + 1}. ${q.length > 70 ? `${q.slice(0, 69)}…` : q}`,
      })),
    ]);
    preset.addEventListener("change", () => {
      const q = questions[Number(preset.value)];
      if (preset.value !== "" && q !== undefined) question.value = q.slice(0, LIMITS.questionMax);
    });
    poll.append(field("This page's discussion questions", preset));
  }
  answer.group.addEventListener("change", () => {
    optionsField.hidden = answer.value() !== "choice";
  });
  poll.append(field("Question", question), answer.group, optionsField);

  const showKind = (): void => {
    labeling.hidden = kind.value() !== "labeling";
    poll.hidden = kind.value() !== "poll";
  };
  kind.group.addEventListener("change", showKind);
  showKind();

  const error = el("p", "class-form-error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  const submit = el("button", "class-primary", "Open for the class");
  submit.type = "submit";

  async function build(): Promise<Checked<NewActivity>> {
    if (kind.value() === "poll") {
      const checked = pollActivity({
        question: question.value,
        answer: answer.value() === "text" ? "text" : "choice",
        optionLines: options.value,
      });
      return checked.ok ? { ok: true, value: { spec: checked.value, origin: null } } : checked;
    }
    let items = itemsFromLines(pasted.value);
    let origin: SampleOrigin | null = null;
    if (source.value !== "paste") {
      const dataset = source.value as BundledId;
      const n = Number(count.value);
      const s = Number(seed.value);
      if (!Number.isInteger(n) || n < 2 || n > 40)
        return { ok: false, message: "Items: a whole number from 2 to 40." };
      if (!Number.isInteger(s) || s < 1)
        return { ok: false, message: "Sample seed: a whole number from 1." };
      items = sampleRows(await bundledTable(dataset), BUNDLED[dataset].columns, n, s).items;
      origin = { dataset, seed: s, n };
    }
    const checked = labelingActivity({
      title: title.value,
      items,
      labelLines: labels.value,
      instructions: instructions.value,
    });
    return checked.ok ? { ok: true, value: { spec: checked.value, origin } } : checked;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    void build()
      .then(async (checked) => (checked.ok ? open(checked.value) : checked.message))
      .catch((failure: unknown) => (failure instanceof Error ? failure.message : String(failure)))
      .then((problem) => {
        submit.disabled = false;
        if (problem === null) {
          box.open = false;
          return;
        }
        error.textContent = problem;
        error.hidden = false;
      });
  });
  form.append(kind.group, labeling, poll, error, submit);
  box.append(form);
  return box;
}
