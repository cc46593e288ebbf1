/** The texts to embed: State of the Union passages, or lines the learner pasted. */
import { loadCorpus, type Corpus } from "@/lib/corpora/index";
import {
  decodeStoredEmbeddings,
  parseLines,
  samplePassages,
  SOTU_EMBEDDINGS_MANIFEST,
  SOTU_SIZES,
  type SotuEmbeddingsManifest,
  type StoredEmbeddings,
  type WeakMatchCalibration,
} from "@/lib/embeddings/index";
import { ASSETS, GENERATED } from "../../lib/assets/paths";

export interface Item {
  text: string;
  /** Where it comes from, e.g. "Abraham Lincoln, 1862" or "line 4". */
  title: string;
  /** A passage's token range in the corpus (SOTU passages only). */
  start?: number;
  end?: number;
}

export const MAX_ITEMS = 2000;
export const SIZES = SOTU_SIZES.map(String);
export const DEFAULT_SIZE = "300";
const SOTU_URL = ASSETS.corpus("sotu");

let sotu: Promise<Corpus> | null = null;

function loadSotu(): Promise<Corpus> {
  sotu ??= fetch(SOTU_URL).then(async (response) => {
    if (!response.ok)
      throw new Error(`Could not load the State of the Union corpus (HTTP ${response.status}).`);
    return loadCorpus(await response.arrayBuffer());
  });
  sotu.catch(() => {
    sotu = null;
  });
  return sotu;
}

/** `count` passages of 40–80 words spread evenly over 1790–2021. */
export async function sotuItems(count: number): Promise<Item[]> {
  const corpus = await loadSotu();
  return samplePassages(corpus, count).map((p) => ({
    text: p.text,
    title: p.title,
    start: p.start,
    end: p.end,
  }));
}

/** The build-time embeddings of `count` passages and the size's weak-match threshold. */
export interface SotuPrecomputed {
  stored: StoredEmbeddings;
  calibration: WeakMatchCalibration | null;
}

/**
 * The passages' embeddings computed when the site was built (asset step
 * "sotu-embeddings"), or null when the site has none for this size; the
 * widget then embeds the passages in the browser as before.
 */
export async function sotuPrecomputed(count: number): Promise<SotuPrecomputed | null> {
  const manifestResponse = await fetch(`${GENERATED}${SOTU_EMBEDDINGS_MANIFEST}`);
  if (!manifestResponse.ok) return null;
  const manifest = (await manifestResponse.json()) as SotuEmbeddingsManifest;
  const entry = manifest.sizes[String(count)];
  if (!entry) return null;
  const response = await fetch(`${GENERATED}${entry.file}`);
  if (!response.ok) return null;
  return {
    stored: decodeStoredEmbeddings(await response.arrayBuffer()),
    calibration: manifest.weakMatch[String(count)] ?? null,
  };
}

/** The pasted lines as items; throws a learner-readable Error when there are too few. */
export function pastedItems(text: string): { items: Item[]; notice: string | null } {
  const { items, dropped } = parseLines(text, MAX_ITEMS);
  if (items.length < 2)
    throw new Error("Paste at least two texts, one per line (blank lines are skipped).");
  return {
    items: items.map((t, i) => ({ text: t, title: `line ${i + 1}` })),
    notice:
      dropped > 0
        ? `Only the first ${MAX_ITEMS.toLocaleString("en-US")} lines are used; ${dropped.toLocaleString("en-US")} more were left out.`
        : null,
  };
}

/** A small example for the paste box: answers to “What is the most important problem facing the country?”. */
export const SAMPLE_LINES = [
  "Rents are so high that young people cannot afford to live in the city.",
  "Housing prices keep rising faster than wages.",
  "There are not enough affordable homes for families.",
  "Too many people have lost their jobs this year.",
  "Unemployment is hurting small towns the most.",
  "Wages have not kept up with the cost of living.",
  "Hospitals are overcrowded and waiting lists are long.",
  "Health insurance is too expensive for ordinary workers.",
  "Doctors and nurses are leaving because of burnout.",
  "Politicians only care about getting re-elected.",
  "Corruption in government makes people lose trust.",
  "The two parties never work together anymore.",
  "Climate change is causing floods and droughts.",
  "We need to cut pollution and move to clean energy.",
  "My cat knocked a glass of water off the table this morning.",
].join("\n");
