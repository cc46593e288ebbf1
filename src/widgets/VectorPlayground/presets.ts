/**
 * Hand-made 2-D "toy" vectors whose two axes have a name, so the arithmetic of
 * lesson 01 can be seen on a flat map. Real 100-d GloVe vectors come with the
 * WordVectors widget; these only illustrate the idea.
 */
export interface Preset {
  id: string;
  label: string;
  axes: readonly [string, string];
  expression: string;
  words: Readonly<Record<string, readonly [number, number]>>;
  note: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "xiangling",
    label: "Xiangling = Gorgeous + Cat",
    axes: ["cat-ness", "gorgeousness"],
    expression: "gorgeous + cat",
    words: {
      cat: [0.9, 0.15],
      gorgeous: [0.1, 0.85],
      xiangling: [0.95, 0.95],
      dog: [0.75, 0.05],
      kitten: [0.8, 0.45],
      ugly: [0.05, -0.6],
      sunset: [-0.45, 0.7],
    },
    note: "Adding two vectors walks one arrow after the other: the sum lands near a gorgeous cat.",
  },
  {
    id: "king",
    label: "king − man + woman ≈ queen",
    axes: ["royalty", "femaleness"],
    expression: "king - man + woman",
    words: {
      king: [0.9, 0.1],
      queen: [0.9, 0.9],
      man: [0.1, 0.1],
      woman: [0.1, 0.9],
      prince: [0.7, 0.12],
      princess: [0.68, 0.95],
      boy: [0.02, 0.15],
      girl: [0.05, 0.98],
    },
    note: "Subtracting man and adding woman moves along the femaleness axis and keeps the royalty.",
  },
  {
    id: "love",
    label: "“love” and “like” are close",
    axes: ["positive feeling", "intensity"],
    expression: "love",
    words: {
      love: [0.8, 0.85],
      like: [0.7, 0.45],
      adore: [0.85, 0.95],
      enjoy: [0.75, 0.5],
      hate: [-0.8, 0.9],
      dislike: [-0.65, 0.4],
      table: [0.02, -0.9],
    },
    note: "Words used in similar sentences point in similar directions: a high cosine similarity.",
  },
];

export function presetById(id: string | undefined): Preset {
  return PRESETS.find((p) => p.id === id) ?? (PRESETS[0] as Preset);
}
