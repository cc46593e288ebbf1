/** Sentences to start from: the slides' example and the classic pronoun example. */
export interface AttentionPreset {
  id: string;
  label: string;
  sentence: string;
}

export const ATTENTION_PRESETS: readonly AttentionPreset[] = [
  {
    id: "bank",
    label: "John wants his bank to cash the check. (slides)",
    sentence: "John wants his bank to cash the check.",
  },
  {
    id: "animal",
    label: "The animal didn't cross the street… (pronoun “it”)",
    sentence: "The animal didn't cross the street because it was too tired.",
  },
  {
    id: "river",
    label: "He sat on the river bank. (the other bank)",
    sentence: "He sat on the river bank and watched the water.",
  },
];

export function attentionPresetById(id: string | undefined): AttentionPreset {
  return ATTENTION_PRESETS.find((p) => p.id === id) ?? (ATTENTION_PRESETS[0] as AttentionPreset);
}

/** The preset whose sentence is `text`, if any. */
export function presetForSentence(text: string): AttentionPreset | undefined {
  return ATTENTION_PRESETS.find((p) => p.sentence === text.trim());
}
