/**
 * The State of the Union passages' embeddings, computed at build time by the
 * asset step "sotu-embeddings" (scripts/assets/sotu-embeddings.ts): which
 * files hold them and what the manifest says about them.
 */
import type { WeakMatchCalibration } from "./calibration";

/** How many passages the widget offers; each size has its own file. */
export const SOTU_SIZES = [100, 300, 1000, 2000] as const;

/** Paths under the site's generated folder (public/generated/). */
export const SOTU_EMBEDDINGS_MANIFEST = "precomputed/sotu-embeddings.json";
export const sotuEmbeddingsFile = (count: number): string =>
  `precomputed/sotu-embeddings-${count}.bin`;

export interface SotuEmbeddingsManifest {
  /** The provider id the vectors are from ("use-lite"). */
  model: string;
  dims: number;
  encoding: "float16";
  /** By passage count: the file and the hash of its texts in order. */
  sizes: Record<string, { file: string; count: number; textsHash: string; bytes: number }>;
  /** By passage count: best-match cosines of related and unrelated queries, and the threshold. */
  weakMatch: Record<string, WeakMatchCalibration>;
  /** The queries measured for weakMatch. */
  queries: { related: string[]; unrelated: string[] };
}
