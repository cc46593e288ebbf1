/** The models AttentionView and TransformerSteps offer offline (served by the site), and how to tell a causal one from its attention. */
import type { Encoding } from "@/lib/encoder/index";

export const OFFLINE_CHOICES = [
  { id: "use-lite", label: "Universal Sentence Encoder lite (encoder, 2 layers)" },
  { id: "gpt", label: "LLM Lab GPT (causal, 4 layers)" },
  { id: "mlm", label: "LLM Lab masked LM (bidirectional, 4 layers)" },
] as const;

export function isOfflineChoice(id: string | undefined): boolean {
  return OFFLINE_CHOICES.some((m) => m.id === id);
}

/**
 * Whether every head of every layer gives no weight to later tokens: the
 * causal mask, read from the attention itself rather than from the model's name.
 */
export function isCausal(encoding: Encoding): boolean {
  return encoding.attentions.every(({ data, heads, seq }) => {
    for (let h = 0; h < heads; h++)
      for (let q = 0; q < seq; q++)
        for (let k = q + 1; k < seq; k++)
          if ((data[(h * seq + q) * seq + k] ?? 0) > 1e-6) return false;
    return true;
  });
}
