/**
 * The exact chat messages sent for an item, and the JSON schema that restricts
 * the model's answer to the label set (structured output).
 */
import { maxLabelsOf, TEXT_PLACEHOLDER, type LabelItem, type TaskSpec } from "./task";

export type ContentPart =
  { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } };

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string | ContentPart[];
}

/** The template with `{text}` replaced (every occurrence; `$` in the text is kept as is). */
export function fillTemplate(template: string, text: string): string {
  return template.split(TEXT_PLACEHOLDER).join(text);
}

/** The answer a model should give, as JSON text: {"label": "x"} or {"labels": ["x", "y"]}. */
export function answerJSON(task: TaskSpec, labels: readonly string[]): string {
  return task.mode === "single"
    ? JSON.stringify({ label: labels[0] ?? "" })
    : JSON.stringify({ labels: [...labels] });
}

/** The system message: the instructions, then every label with its description. */
export function systemMessage(task: TaskSpec): string {
  const list = task.labels
    .map((l) => (l.description ? `- ${l.name}: ${l.description}` : `- ${l.name}`))
    .join("\n");
  const rule =
    task.mode === "single"
      ? 'Answer with exactly one label, as JSON: {"label": "<label>"}.'
      : `Answer with one to ${maxLabelsOf(task)} labels, as JSON: {"labels": ["<label>", ...]}.`;
  return `${task.instructions.trim()}\n\nLabels:\n${list}\n\n${rule}`.trim();
}

function userContent(task: TaskSpec, text: string, image?: string): string | ContentPart[] {
  const filled = fillTemplate(task.template, text);
  if (!image) return filled;
  return [
    { type: "text", text: filled },
    { type: "image_url", image_url: { url: image } },
  ];
}

/** The messages for one item: system, then each few-shot example as a user/assistant pair, then the item. */
export function buildMessages(
  task: TaskSpec,
  item: Pick<LabelItem, "text" | "image">,
): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: "system", content: systemMessage(task) }];
  for (const example of task.examples) {
    messages.push({ role: "user", content: userContent(task, example.text) });
    messages.push({ role: "assistant", content: answerJSON(task, example.labels) });
  }
  messages.push({ role: "user", content: userContent(task, item.text, item.image) });
  return messages;
}

/** The JSON schema (strict structured output) whose only answers are the labels. */
export function responseSchema(task: TaskSpec): {
  name: string;
  strict: true;
  schema: Record<string, unknown>;
} {
  const names = task.labels.map((l) => l.name);
  const schema =
    task.mode === "single"
      ? {
          type: "object",
          properties: { label: { type: "string", enum: names } },
          required: ["label"],
          additionalProperties: false,
        }
      : {
          type: "object",
          properties: { labels: { type: "array", items: { type: "string", enum: names } } },
          required: ["labels"],
          additionalProperties: false,
        };
  return { name: "label_answer", strict: true, schema };
}

/** The text of a message (image parts left out), for token counting and previews. */
export function messageText(message: ChatMessage): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join("");
}
