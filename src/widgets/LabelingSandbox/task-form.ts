/**
 * Steps 2 and 3 of the form as a task and provider settings: the labels and
 * prompt, few-shot examples from the pool (the library's one rule), votes and
 * their temperature, the method or the API server. Throws LabelingError
 * saying what to fix.
 */
import {
  defaultTemperature,
  LabelingError,
  parseLabelLines,
  selectExamples,
  validateTask,
  type LocalMethod,
  type ProviderSettings,
  type TaskSpec,
} from "@/lib/labeling";
import type { Selection } from "./data-panel";

type Part = <T extends HTMLElement>(name: string, type: abstract new () => T) => T;

export function taskFromForm(
  part: Part,
  selection: Selection,
  api: boolean,
): { task: TaskSpec; provider: ProviderSettings } {
  const value = (name: string): string => part(name, HTMLInputElement).value;
  const num = (name: string): number => Number(value(name));
  const labels = parseLabelLines(part("labels", HTMLTextAreaElement).value);
  const method = part("method", HTMLSelectElement).value as LocalMethod;
  const mode = part("mode", HTMLSelectElement).value === "multi" ? "multi" : "single";
  const votes = num("votes");
  const typed = value("temperature").trim();
  const temperature = typed === "" ? defaultTemperature(votes) : Number(typed);
  if (!api && votes !== 1)
    throw new LabelingError(
      "The offline methods give the same answer every time: set votes to 1 (votes help only with a model that samples, at a temperature above 0).",
    );
  const task = validateTask({
    labels,
    mode,
    ...(mode === "multi" ? { maxLabels: num("k") } : {}),
    instructions: part("instructions", HTMLTextAreaElement).value.trim(),
    template: part("template", HTMLTextAreaElement).value,
    examples: selectExamples(
      selection.pool,
      labels.map((l) => l.name.trim()),
      num("shots"),
    ),
    model: api ? value("model") : `local-${method}`,
    parameters: api ? { temperature } : { temperature: 0 },
    votes,
  });
  const concurrency = num("concurrency");
  if (api && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32))
    throw new LabelingError("Requests at once must be from 1 to 32.");
  if (!api && method === "clip" && !selection.items.some((item) => item.image))
    throw new LabelingError(
      "CLIP labels images: load a CSV with an image column (image URLs or data: URLs) and choose it in step 1.",
    );
  const provider: ProviderSettings = api
    ? { kind: "api", baseURL: value("base-url").trim(), concurrency }
    : { kind: "local", method };
  return { task, provider };
}
