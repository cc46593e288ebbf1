/** The slides' examples of one word in several contexts (plain data: ContextLens shows them; the asset build precomputes them). */
export interface ContextPreset {
  id: string;
  label: string;
  target: string;
  sentences: readonly string[];
}

export const CONTEXT_PRESETS: readonly ContextPreset[] = [
  {
    id: "bank",
    label: "bank: money vs river (homonyms)",
    target: "bank",
    sentences: [
      "John went to the bank to withdraw cash.",
      "He sat on the river bank.",
      "She deposited money at the bank.",
    ],
  },
  {
    id: "magazine",
    label: "magazine: object vs publisher (polysemy)",
    target: "magazine",
    sentences: [
      "John picks up a magazine.",
      "Susan works for a magazine.",
      "She reads a magazine on the train.",
    ],
  },
  {
    id: "cat",
    label: "cat: alone vs in a phrase",
    target: "cat",
    sentences: ["cat", "the big cat that is beautiful", "Xiangling is a gorgeous cat."],
  },
];

export function contextPresetById(id: string | undefined): ContextPreset {
  return CONTEXT_PRESETS.find((p) => p.id === id) ?? (CONTEXT_PRESETS[0] as ContextPreset);
}
