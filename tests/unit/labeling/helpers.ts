/** Shared pieces of the labeling tests: a task, items with gold labels, a seeded fault plan. */
import type { LabelItem, TaskSpec } from "@/lib/labeling/index";

export const KEY = "sk-test-key";

export function spamTask(overrides: Partial<TaskSpec> = {}): TaskSpec {
  return {
    labels: [
      { name: "spam", description: "Unsolicited bulk or commercial email." },
      { name: "ham", description: "Ordinary, wanted email." },
    ],
    mode: "single",
    instructions: "You label emails.",
    template: "Email:\n{text}",
    examples: [],
    model: "gpt-4.1-mini",
    parameters: { temperature: 0 },
    votes: 1,
    ...overrides,
  };
}

/** n items whose text names the item ("[id:item-7]") and its gold label ("gold=spam"). */
export function items(n: number): { items: LabelItem[]; gold: Map<string, string> } {
  const gold = new Map<string, string>();
  const list = Array.from({ length: n }, (_, i) => {
    const id = `item-${i}`;
    const label = i % 3 === 0 ? "spam" : "ham";
    gold.set(id, label);
    return { id, text: `[id:${id}] gold=${label} message number ${i}` };
  });
  return { items: list, gold };
}

/** A number in [0, 1) from a string (FNV-1a), for seeded fault plans. */
export function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}
