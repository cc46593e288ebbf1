/** The slides' examples for the WordVectors widget (GloVe 100-d, 50,000 words). */
export interface WordPreset {
  id: string;
  label: string;
  /** What goes in the expression box; "name = …" names the result. */
  expression: string;
  /** Words to compare with the result, comma-separated. */
  compare: string;
  note: string;
}

export const WORD_PRESETS: readonly WordPreset[] = [
  {
    id: "king",
    label: "king − man + woman ≈ queen",
    expression: "king − man + woman",
    compare: "queen, princess",
    note: "The orange arrow man → woman is the same step as king → result: the map shows the analogy as a parallelogram.",
  },
  {
    id: "love",
    label: "“love” and “like”",
    expression: "love",
    compare: "like, hate, adore, table",
    note: "Words used in the same frames point the same way: love is close to like, and to hate too.",
  },
  {
    id: "xiangling",
    label: "Xiangling = Gorgeous + Cat",
    expression: "xiangling = gorgeous + cat",
    compare: "kitten, beautiful",
    note: "Adding two unit vectors lands between them; the nearest words share something with each.",
  },
  {
    id: "paris",
    label: "paris − france + italy ≈ rome",
    expression: "paris − france + italy",
    compare: "rome, milan",
    note: "Capital-of is another direction the vectors learned from text.",
  },
];

export function wordPresetById(id: string | undefined): WordPreset {
  return WORD_PRESETS.find((p) => p.id === id) ?? (WORD_PRESETS[0] as WordPreset);
}
