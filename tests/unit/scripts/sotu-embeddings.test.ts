/**
 * The asset step "sotu-embeddings": its files hold exactly the passages the
 * widget shows, in its order, and the vectors the encoder gives them now.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/lib/corpora/index";
import {
  createLocalProvider,
  decodeStoredEmbeddings,
  matchStored,
  rowOf,
  samplePassages,
  SOTU_EMBEDDINGS_MANIFEST,
  SOTU_SIZES,
  sotuEmbeddingsFile,
  textHash,
  textsHash,
  type SotuEmbeddingsManifest,
} from "@/lib/embeddings/index";
import { testEncoder } from "../encoder/load";
import { bruteCosine } from "../embeddings/random-points";
import { RELATED_QUERIES, UNRELATED_QUERIES } from "../../../scripts/corpora/sotu-queries";

const GENERATED = "public/generated";
const corpus = loadCorpus(readFileSync(`${GENERATED}/corpora/sotu.bin`));
const manifest = JSON.parse(
  readFileSync(`${GENERATED}/${SOTU_EMBEDDINGS_MANIFEST}`, "utf8"),
) as SotuEmbeddingsManifest;
const stored = (n: number): ReturnType<typeof decodeStoredEmbeddings> =>
  decodeStoredEmbeddings(readFileSync(`${GENERATED}/${sotuEmbeddingsFile(n)}`));

describe("sotu-embeddings files", () => {
  it.each(SOTU_SIZES.map((n) => [n]))("hold the widget's %i passages, in order", (n) => {
    const passages = samplePassages(corpus, n);
    const { header } = stored(n);
    expect(header.model).toBe("use-lite");
    expect(header.count).toBe(passages.length);
    expect(header.passages).toEqual(
      passages.map((p) => ({ start: p.start, end: p.end, hash: textHash(p.text) })),
    );
    expect(header.textsHash).toBe(textsHash(passages.map((p) => p.text)));
    expect(manifest.sizes[String(n)]?.textsHash).toBe(header.textsHash);
    expect(matchStored(stored(n), passages).missing).toEqual([]);
  });

  it("hold the vectors the encoder computes now (cosine ≥ 0.9999), and the same search cosines to 1e-3", async () => {
    const encoder = await testEncoder();
    const provider = createLocalProvider((texts) => encoder.encode(texts));
    const n = 300;
    const passages = samplePassages(corpus, n);
    const file = stored(n);
    // The first batch of 16 (the page's batching, so the same padding) and two passages alone.
    const rows = [...Array.from({ length: 16 }, (_, i) => i), 150, n - 1];
    const fresh = [
      ...(await provider.embed(passages.slice(0, 16).map((p) => p.text))).vectors,
      ...(await provider.embed([passages[150]?.text ?? ""])).vectors,
      ...(await provider.embed([passages[n - 1]?.text ?? ""])).vectors,
    ];
    rows.forEach((row, i) => {
      expect(bruteCosine(rowOf(file.matrix, row), fresh[i] as Float32Array)).toBeGreaterThanOrEqual(
        0.9999,
      );
    });
    let worst = 0;
    for (const query of [...RELATED_QUERIES, ...UNRELATED_QUERIES].slice(0, 12)) {
      const [q] = (await provider.embed([query])).vectors;
      rows.forEach((row, i) => {
        const diff = Math.abs(
          bruteCosine(q as Float32Array, rowOf(file.matrix, row)) -
            bruteCosine(q as Float32Array, fresh[i] as Float32Array),
        );
        worst = Math.max(worst, diff);
      });
    }
    expect(worst).toBeLessThan(1e-3);
  });

  it("come with a weak-match threshold between the related and unrelated queries' best cosines", () => {
    for (const n of SOTU_SIZES) {
      const c = manifest.weakMatch[String(n)];
      expect(c?.relatedCount).toBe(RELATED_QUERIES.length);
      expect(c?.unrelatedCount).toBe(UNRELATED_QUERIES.length);
      expect(c?.threshold).toBeGreaterThan(c?.unrelated.median ?? 1);
      expect(c?.threshold).toBeLessThan(c?.related.median ?? 0);
      expect(c?.accuracy).toBeGreaterThanOrEqual(0.8);
    }
  });
});
