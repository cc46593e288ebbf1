/**
 * What each number in `stats()` means, as data: the widget labels its chart
 * and table with it, and the lesson prints the definitions from it.
 */
export interface MetricDefinition {
  /** The field of SchellingStats. */
  key:
    | "similarity"
    | "unhappyShare"
    | "moves"
    | "meanSameShare"
    | "dissimilarity"
    | "interfaceDensity";
  /** A short label for a chart legend or a table. */
  label: string;
  /** How it is computed, in words. */
  definition: string;
  /** The same as a formula, in plain text. */
  formula: string;
  /** What a random, unsorted grid gives, to read a value against (a phrase that follows "At a random start:"). */
  baseline: string;
  /** Whether the value is a share (shown as %) or a count. */
  unit: "share" | "count";
}

export const METRICS: readonly MetricDefinition[] = [
  {
    key: "similarity",
    label: "% similar",
    definition:
      "Over all agents together: the number of neighbours of the same group, divided by the number of occupied neighbouring cells. NetLogo's Segregation model plots the same number.",
    formula: "Σ_agents same / Σ_agents occupied neighbours",
    baseline:
      "about the share of an agent's own group in the population: 50 % for two equal groups.",
    unit: "share",
  },
  {
    key: "unhappyShare",
    label: "% unhappy",
    definition: "The share of agents that the rule calls unhappy where they sit now.",
    formula: "unhappy agents / agents",
    baseline:
      "depends on the rule and its threshold; the model stops when it reaches 0, or when nobody unhappy can find a better cell.",
    unit: "share",
  },
  {
    key: "moves",
    label: "moves",
    definition: "How many times an agent has moved since the start.",
    formula: "count of moves",
    baseline: "0.",
    unit: "count",
  },
  {
    key: "meanSameShare",
    label: "mean same-colour share",
    definition:
      "Each agent's own share of same-group neighbours among its occupied neighbouring cells, averaged over agents with at least one neighbour. Unlike % similar, every agent weighs the same, however many neighbours it has.",
    formula: "mean over agents of (same / occupied neighbours)",
    baseline: "about 50 % for two equal groups.",
    unit: "share",
  },
  {
    key: "dissimilarity",
    label: "dissimilarity D",
    definition:
      "Cut the grid into square blocks. D is the share of one group that would have to move to another block for every block to have the same mix as the whole grid (Duncan's index; with more than two groups, the multigroup version of Reardon and Firebaugh). 0 is perfectly even, 1 is complete separation. Small blocks hold few agents, so even a random grid scores above 0.",
    formula: "D = ½ Σ_blocks |a_b / A − b_b / B|",
    baseline: "low but not 0 (about 0.1–0.2 with 5 × 5 blocks), from chance alone.",
    unit: "share",
  },
  {
    key: "interfaceDensity",
    label: "interface density",
    definition:
      "Among pairs of agents sitting side by side (left–right or above–below), the share whose two agents belong to different groups: how much border there is between the groups. It falls as groups form larger clusters.",
    formula: "unlike side-by-side pairs / side-by-side pairs",
    baseline: "2p(1 − p) for two groups with shares p and 1 − p: 50 % for equal groups.",
    unit: "share",
  },
];
