/**
 * Sentences for the "speech or novel" labeling dataset: whole sentences from
 * State of the Union addresses (label: speech) and from Moby-Dick (label:
 * novel), split with Intl.Segmenter, drawn with a seeded generator.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface SentenceRow {
  id: string;
  text: string;
  label: string;
  source: string;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The sentences of a text that read as whole sentences of 60–280 characters. */
export function wholeSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const s = segment.replace(/\s+/g, " ").trim();
    if (s.length >= 60 && s.length <= 280 && /^[A-Z]/.test(s) && /[.!?]["”’)]?$/.test(s))
      out.push(s);
  }
  return out;
}

/** `count` sentences drawn without replacement from the documents, with their document title as source. */
export function drawSentences(
  documents: readonly { title: string; text: string }[],
  count: number,
  seed: number,
  prefix: string,
  label: string,
): SentenceRow[] {
  const pool = documents.flatMap((d) =>
    wholeSentences(d.text).map((text) => ({ text, source: d.title })),
  );
  if (pool.length < count) throw new Error(`only ${pool.length} sentences for ${prefix}`);
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < count; i++) {
    const j = uniformInt(rng, i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j] as (typeof pool)[number], pool[i] as (typeof pool)[number]];
  }
  return pool.slice(0, count).map((p, i) => ({
    id: `${prefix}-${String(i + 1).padStart(3, "0")}`,
    text: p.text,
    label,
    source: p.source,
  }));
}

/** Interleaves two lists by a seeded shuffle, so the labels are mixed. */
export function shuffleRows<T>(rows: T[], seed: number): T[] {
  const out = [...rows];
  const rng = xoroshiro128plus(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
