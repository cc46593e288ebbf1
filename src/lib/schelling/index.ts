export { SchellingError } from "./errors";
export {
  createSchelling,
  type EndEvent,
  type MoveEvent,
  type Schelling,
  type SchellingEvents,
  type SchellingStats,
  type SweepEvent,
} from "./model";
export {
  MAX_GROUPS,
  MAX_RADIUS,
  MAX_SIDE,
  resolveOptions,
  type Boundary,
  type MoveStrategy,
  type NeighborhoodKind,
  type ResolvedOptions,
  type RuleName,
  type Schedule,
  type SchellingOptions,
} from "./options";
export { METRICS, type MetricDefinition } from "./metric-definitions";
export { dissimilarity, interfaceDensity, meanSameShare, similarShare } from "./metrics";
export {
  createNeighborhood,
  neighborOffsets,
  neighborhoodSize,
  type Neighborhood,
} from "./neighborhood";
export { hashGrid } from "./hash";
export { WALK_MAX_LEG, WALK_MAX_LEGS, walkToEmpty } from "./walk";
export { createRandom, MAX_SEED, parseSeed, type Random } from "./random";
export { NETLOGO_SETUP, runSeeds, summarize, type SeedRuns } from "./seed-runs";
