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
  type EmbedInput,
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
  const input = part("embed", HTMLSelectElement).value as EmbedInput;
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
    model: api
      ? value("model")
      : `local-${method}${method !== "clip" && input !== "text" ? `-${input}` : ""}`,
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
  const images = selection.items.filter((item) => item.image);
  if (!api && method !== "clip" && input !== "text") {
    if (images.length === 0)
      throw new LabelingError(
        "No item has an image: choose an image column in step 1 (or embed the text).",
      );
    if (input === "both" && !selection.items.some((item) => item.text.trim()))
      throw new LabelingError(
        "Text + image needs a text column, and these items have no text: choose one in step 1, or embed the image alone.",
      );
    if (method === "zero-shot")
      throw new LabelingError(
        "Images have no zero-shot offline (no model here links pictures to words): label a few images by hand in step 1 and choose few-shot centroids or the linear probe.",
      );
  }
  if (api && images.some((item) => !/^(https?:|data:)/i.test(item.image ?? "")))
    throw new LabelingError(
      "An API model reads images only from http(s) or data: URLs that it can reach, and these images are files in this browser or on this site: label them locally (step 3), where nothing is uploaded.",
    );
  const provider: ProviderSettings = api
    ? { kind: "api", baseURL: value("base-url").trim(), concurrency }
    : { kind: "local", method, ...(method !== "clip" && input !== "text" ? { input } : {}) };
  return { task, provider };
}
