/** Labeling images through the job runner: hand labels as the pool, the image recipe, text + image pairs. */
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BUNDLED_IMAGES,
  createJob,
  datasetFromTable,
  evaluationReport,
  holdOutSplit,
  imageLabeler,
  joinPair,
  memoryJobStore,
  memoryStore,
  perClassSplit,
  predictFewShot,
  runLabelingJob,
  splitWithHandLabels,
  trainFewShot,
  type Dataset,
  type EmbedImages,
  type TaskSpec,
} from "@/lib/labeling/index";
import { cosine } from "@/lib/vectors/index";
import { loadEncoder } from "@/lib/encoder/index";
import { loadImageEmbedder, type ImageEmbedder } from "@/lib/vision/embedder";
import { bundledImages, decodeFile } from "../../../scripts/vision/bundled-images";

const names = BUNDLED_IMAGES.emoji.labels;
const task: TaskSpec = {
  labels: names.map((name) => ({ name, description: "" })),
  mode: "single",
  instructions: "What kind of emoji is this?",
  template: "Emoji: {text}",
  examples: [],
  model: "local-centroid",
  parameters: { temperature: 0 },
  votes: 1,
};

describe("text + image pairs as one vector", () => {
  it("is unit length, and its cosine with another pair is the mean of the two cosines", () => {
    const a = joinPair([3, 4], [0, 0, 2]);
    const b = joinPair([1, 0], [0, 1, 1]);
    expect(Math.hypot(...a)).toBeCloseTo(1, 6);
    // text cosine (3,4)·(1,0)/5 = 0.6; image cosine (0,0,2)·(0,1,1)/(2·√2) = 1/√2
    expect(cosine(a, b)).toBeCloseTo((0.6 + Math.SQRT1_2) / 2, 6);
  });
});

describe("hand labels split a dataset", () => {
  const dataset = (gold: boolean): Dataset => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      id: `r${i}`,
      text: "",
      image: `${i}.png`,
    }));
    return {
      items,
      gold: new Map(gold ? items.map((item, i) => [item.id, i % 2 ? "a" : "b"]) : []),
      skipped: 0,
    };
  };
  const hand = new Map(Array.from({ length: 8 }, (_, i) => [`r${i * 2}`, i % 2 ? "a" : "b"]));

  it("with a gold column: hand-labelled rows are the pool, never labelled; the rest are checked on gold", () => {
    const split = splitWithHandLabels(dataset(true), 12, hand);
    expect(split.heldOut).toBe(0);
    expect(split.pool.map((r) => r.image)).toEqual(
      [0, 2, 4, 6, 8, 10, 12, 14].map((i) => `${i}.png`),
    );
    expect(split.items).toHaveLength(12);
    expect(split.items.some((item) => hand.has(item.id))).toBe(false);
    expect(split.gold).toHaveLength(12);
  });

  it("without gold: a seeded quarter of the hand labels is held out, labelled and checked", () => {
    const split = splitWithHandLabels(dataset(false), 12, hand);
    expect(split.heldOut).toBe(2);
    expect(split.pool).toHaveLength(6);
    expect(split.items).toHaveLength(14);
    // the held-out items' gold is their hand label, and they are not in the pool
    for (const [id, label] of split.gold) {
      expect(hand.get(id)).toBe(label);
      expect(split.pool.some((r) => r.image === `${id.slice(1)}.png`)).toBe(false);
    }
    expect(splitWithHandLabels(dataset(false), 12, hand).gold).toEqual(split.gold);
    // fewer than 8 hand labels: nothing held out, nothing to check
    const few = new Map([...hand].slice(0, 7));
    expect(splitWithHandLabels(dataset(false), 12, few)).toMatchObject({ heldOut: 0, gold: [] });
    // and 0 rows (only the check) is refused with the reason, not "every row is labelled"
    expect(() => splitWithHandLabels(dataset(false), 0, few)).toThrow(/from 1 to 13.*none yet/);
    expect(splitWithHandLabels(dataset(false), 0, hand).items).toHaveLength(2);
    expect(() => splitWithHandLabels(dataset(false), 13, hand)).toThrow(/from 0 to 12/);
  });

  it("holds out about a quarter of each label: a label with one hand label keeps it to learn from", () => {
    const count = (labels: string[], picked: number[]): Record<string, number> =>
      Object.fromEntries(
        [...new Set(labels)].map((l) => [l, picked.filter((i) => labels[i] === l).length]),
      );
    const seven = Array.from("aaaaaaab");
    const split = holdOutSplit(seven);
    // a: round(7 / 4) = 2 held out; b: its only example stays to train
    expect(count(seven, split.test)).toEqual({ a: 2, b: 0 });
    expect(count(seven, split.train)).toEqual({ a: 5, b: 1 });
    expect([...split.train, ...split.test].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // unbalanced: the big label does not make the small one lose its examples
    const lopsided = [...Array.from("a".repeat(20)), "b", "b"];
    expect(count(lopsided, holdOutSplit(lopsided).test)).toEqual({ a: 5, b: 1 });
    const balanced = Array.from("aaaabbbbcccc");
    expect(count(balanced, holdOutSplit(balanced).test)).toEqual({ a: 1, b: 1, c: 1 });
    expect(holdOutSplit(balanced)).toEqual(holdOutSplit(balanced));
  });

  it("reads an images-only table (no text column)", () => {
    const data = datasetFromTable(
      { columns: ["file"], rows: [{ file: "a.png" }, { file: "" }, { file: "b.png" }] },
      { image: "file", id: "file" },
    );
    expect(data.items).toEqual([
      { id: "a.png", text: "", image: "a.png" },
      { id: "b.png", text: "", image: "b.png" },
    ]);
    expect(data.skipped).toBe(1);
    expect(() => datasetFromTable({ columns: ["file"], rows: [] }, {})).toThrow(
      /text column or an image column/,
    );
  });
});

describe("the image recipe on the bundled emoji (the real model, through the job runner)", () => {
  let embedder: ImageEmbedder;
  const images = bundledImages();
  const dir = dirname(images[0]?.file ?? "");
  /** Reads a file name relative to the bundled set (as the sandbox resolves a picked file). */
  const embedImages: EmbedImages = async (refs) => {
    const outcomes = await Promise.all(
      refs.map(async (ref) => {
        try {
          return { ok: true as const, pixels: await decodeFile(join(dir, ref)) };
        } catch {
          return { ok: false as const, message: "not an image this reader can decode" };
        }
      }),
    );
    const read = outcomes.flatMap((o) => (o.ok ? [o.pixels] : []));
    const vectors = read.length ? await embedder.embed(read, { normalize: true }) : [];
    let next = 0;
    return outcomes.map((o) => (o.ok ? { ok: true, vector: vectors[next++] as Float32Array } : o));
  };

  beforeAll(async () => {
    embedder = await loadImageEmbedder({ localModelPath: "public/generated/models/" });
  }, 120_000);

  const dataset = (): Dataset => {
    const data = datasetFromTable(
      {
        columns: ["id", "image", "label", "name"],
        rows: images.map((i) => ({
          id: i.id,
          image: i.file.slice(dir.length + 1),
          label: i.label,
          name: i.id,
        })),
      },
      { id: "id", image: "image", gold: "label" },
    );
    // one image that is not there: flagged with its reason, the job goes on
    data.items.push({ id: "missing", text: "", image: "missing.png" });
    data.gold.set("missing", "face");
    return data;
  };

  it("labels the other images as trainFewShot + predictFewShot do, flags an unreadable one, and evaluates on gold", async () => {
    const labels = images.map((i) => i.label);
    const split = perClassSplit(labels, 5, 1);
    const hand = new Map(split.train.map((i) => [images[i]?.id ?? "", labels[i] ?? ""]));
    const data = dataset();
    const { items, gold, pool } = splitWithHandLabels(data, data.items.length - hand.size, hand);
    expect(pool).toHaveLength(20);
    expect(items).toHaveLength(141);
    const job = await createJob({
      dataset: "emoji",
      task,
      provider: { kind: "local", method: "centroid", input: "image" },
      items,
      gold,
      pool,
    });
    expect(job.pool).toHaveLength(20);
    const setup = await imageLabeler(task, "centroid", "image", job.pool, { images: embedImages });
    expect(setup.note).toMatch(/MobileNetV2.*centroid of 20 examples/);
    const store = memoryJobStore(memoryStore());
    const { summary } = await runLabelingJob(job, store, {
      provider: setup.provider,
      concurrency: 16,
    });
    const byId = new Map(summary.results.map((r) => [r.id, r]));
    expect(byId.get("missing")).toMatchObject({ status: "flagged" });
    expect(byId.get("missing")?.notes.join(" ")).toMatch(/“missing.png” could not be read/);

    // a second path: the same vectors through the few-shot functions directly
    const all = await embedImages(images.map((i) => i.file.slice(dir.length + 1)));
    const vector = (i: number) => (all[i] as { vector: Float32Array }).vector;
    const model = trainFewShot(
      "centroid",
      split.train.map(vector),
      split.train.map((i) => labels[i] ?? ""),
      names,
    );
    const expected = predictFewShot(model, split.test.map(vector));
    expect(split.test.map((i) => byId.get(images[i]?.id ?? "")?.labels[0])).toEqual(expected);

    const report = evaluationReport(task, items, summary.results, new Map(gold));
    // a flagged item counts as wrong (never guessed): 141 scored; accuracy is the plain count
    expect(report.scored).toBe(141);
    const hits = split.test.filter((i, k) => expected[k] === labels[i]).length;
    expect(report.accuracy?.estimate).toBeCloseTo(hits / 141, 12);
    expect(hits / 140).toBeGreaterThan(0.5);
  }, 120_000);

  it("refuses zero-shot and says why; a label with no readable example is named", async () => {
    await expect(
      imageLabeler(task, "zero-shot", "image", [], { images: embedImages }),
    ).rejects.toThrow(/links pictures to words/);
    // three examples of every kind but the last, whose only example is not there
    const last = names.at(-1) ?? "";
    const pool = names.slice(0, -1).flatMap((name) =>
      images
        .filter((i) => i.label === name)
        .slice(0, 3)
        .map((i) => ({ text: "", label: name, image: i.file.slice(dir.length + 1) })),
    );
    const onlyBroken = [...pool, { text: "", label: last, image: "missing.png" }];
    await expect(
      imageLabeler(task, "centroid", "image", onlyBroken, { images: embedImages }),
    ).rejects.toThrow(/1 labelled image could not be read/);
  });

  it("an image that may load if asked again (offline, a busy server) is retried; one that cannot be read is not", async () => {
    const pool = names.flatMap((name) =>
      images
        .filter((i) => i.label === name)
        .slice(0, 2)
        .map((i) => ({ text: "", label: name, image: i.file.slice(dir.length + 1) })),
    );
    const flaky: EmbedImages = async (refs) => {
      const outcomes = await embedImages(refs);
      return outcomes.map((o, i) =>
        refs[i] === "busy.png"
          ? { ok: false, message: "the server answered 503", transient: true }
          : o,
      );
    };
    const { provider } = await imageLabeler(task, "centroid", "image", pool, { images: flaky });
    const ask = (url: string) =>
      provider.complete({
        model: "local",
        parameters: {},
        schema: { name: "x", strict: true, schema: {} },
        messages: [{ role: "user", content: [{ type: "image_url", image_url: { url } }] }],
      });
    await expect(ask("busy.png")).rejects.toMatchObject({ kind: "retry" });
    await expect(ask("busy.png")).rejects.toThrow(/answered 503/);
    await expect(ask("missing.png")).rejects.toMatchObject({ kind: "fatal" });
  });

  it("pairs: with the emoji's names as text (the shipped sentence encoder), right more often than the image alone", async () => {
    // five examples per label, as the lesson suggests; the pair model sees each item's name as well
    const labels = images.map((i) => i.label);
    const split = perClassSplit(labels, 5, 1);
    const rows = images.map((i) => ({ text: i.name, image: i.file.slice(dir.length + 1) }));
    const pool = split.train.map((i) => ({
      ...(rows[i] as { text: string; image: string }),
      label: labels[i] ?? "",
    }));
    const encoder = await loadEncoder({ localModelPath: "public/generated/models/" });
    const texts = async (list: string[]) =>
      (await encoder.encode(list)).map((e) => e.sentenceEmbedding ?? new Float32Array(0));
    const pair = await imageLabeler(task, "centroid", "both", pool, { images: embedImages, texts });
    const alone = await imageLabeler(task, "centroid", "image", pool, { images: embedImages });
    expect(pair.note).toMatch(/^Text \+ image/);
    const ask = (provider: typeof pair.provider, i: number) =>
      provider.complete({
        model: "local",
        parameters: {},
        schema: { name: "x", strict: true, schema: {} },
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: `Emoji: ${rows[i]?.text ?? ""}` },
              { type: "image_url", image_url: { url: rows[i]?.image ?? "" } },
            ],
          },
        ],
      });
    const correct = async (provider: typeof pair.provider) => {
      // asked together, as the runner asks: the labeler embeds them in batches
      const replies = await Promise.all(split.test.map((i) => ask(provider, i)));
      return replies.filter(
        (r, k) =>
          (JSON.parse(r.content) as { label: string }).label === labels[split.test[k] ?? -1],
      ).length;
    };
    const [withText, imageOnly] = [await correct(pair.provider), await correct(alone.provider)];
    // the names carry the kind for many emoji: the pairs are right more often (bench: names
    // alone do nearly as well, so the text does most of the work here)
    expect(withText).toBeGreaterThan(imageOnly);
    expect(imageOnly / split.test.length).toBeGreaterThan(0.5);
  }, 120_000);
});
