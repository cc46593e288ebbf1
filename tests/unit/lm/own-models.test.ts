/**
 * Our GPT and masked LM as the site runs them (transformers.js + onnxruntime)
 * against PyTorch's outputs on the same inputs (data/lm/<model>/reference.json,
 * written by scripts/train/export.py) and the tokenizer against Python's ids.
 */
import { describe, expect, it } from "vitest";
import { lensLogits } from "@/lib/lm/index";
import { lmData, testModel } from "./load";

interface Reference {
  text: string;
  ids: number[];
  logits_last: number[];
  logits_first: number[];
  hidden_last: number[][];
  attention_last_row: number[][][];
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++)
    max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

describe("the tokenizer", () => {
  it("gives the ids Python gave for held-out texts, special tokens and odd white space", async () => {
    const gpt = await testModel("gpt");
    const fixture = lmData("tokenizer-fixture.json") as { text: string; ids: number[] }[];
    expect(fixture.length).toBeGreaterThan(200);
    const mismatches = fixture.filter(
      (f) => JSON.stringify(gpt.encode(f.text)) !== JSON.stringify(f.ids),
    );
    expect(mismatches.map((m) => m.text.slice(0, 60))).toEqual([]);
  });

  it("spells characters outside the vocabulary as bytes and decodes them back", async () => {
    const gpt = await testModel("gpt");
    const text = "A cat 🐱 and a snowman ☃ in Zürich";
    const ids = gpt.encode(text);
    expect(ids.some((id) => (gpt.pieces[id] ?? "").startsWith("<0x"))).toBe(true);
    expect(gpt.decode(ids)).toBe(text);
  });
});

describe.each(["gpt", "mlm"])("%s through onnxruntime", (name) => {
  const reference = lmData(`${name}/reference.json`) as Reference[];

  it("matches PyTorch's logits, hidden states and attention to 1e-4 (fp32 weights)", async () => {
    // The export itself; quantised.test.ts compares the int8 model the site serves with this one.
    const model = await testModel(name, "fp32");
    for (const ref of reference) {
      const forward = await model.forward(ref.ids);
      const vocab = model.info.vocabSize;
      const seq = ref.ids.length;
      expect(
        maxDiff(forward.logits.subarray((seq - 1) * vocab, seq * vocab), ref.logits_last),
      ).toBeLessThan(1e-4);
      expect(maxDiff(forward.logits.subarray(0, vocab), ref.logits_first)).toBeLessThan(1e-4);
      const dim = model.info.dim;
      ref.hidden_last.forEach((row, l) => {
        expect(
          maxDiff((forward.hidden[l] as Float32Array).subarray((seq - 1) * dim, seq * dim), row),
        ).toBeLessThan(1e-4);
      });
      ref.attention_last_row.forEach((heads, l) => {
        heads.forEach((row, h) => {
          const at = (h * seq + (seq - 1)) * seq;
          expect(
            maxDiff((forward.attentions[l] as Float32Array).subarray(at, at + seq), row),
          ).toBeLessThan(1e-4);
        });
      });
    }
  });

  it.each(["q8", "fp32"] as const)(
    "reads its own last layer through the logit lens as its logits (%s)",
    async (dtype) => {
      const model = await testModel(name, dtype);
      const ids = reference[0]?.ids ?? [];
      const forward = await model.forward(ids);
      const { dim, vocabSize } = model.info;
      const last = forward.hidden.at(-1) as Float32Array;
      for (const position of [0, ids.length - 1]) {
        if (!model.lens) throw new Error("no lens");
        const lens = lensLogits(model.lens, last.subarray(position * dim, (position + 1) * dim));
        expect(
          maxDiff(lens, forward.logits.subarray(position * vocabSize, (position + 1) * vocabSize)),
        ).toBeLessThan(1e-4);
      }
    },
  );
});

describe("the attention mask", () => {
  it("is exactly zero above the diagonal in the GPT and not in the masked LM; rows sum to 1", async () => {
    const text = "The river bank was muddy after the rain, and the fish swam near it.";
    for (const [name, causal] of [
      ["gpt", true],
      ["mlm", false],
    ] as const) {
      const model = await testModel(name);
      const { ids } = model.contextIds(text);
      const forward = await model.forward(ids);
      const seq = ids.length;
      let above = 0;
      for (const layer of forward.attentions)
        for (let h = 0; h < model.info.heads; h++)
          for (let q = 0; q < seq; q++) {
            let sum = 0;
            for (let k = 0; k < seq; k++) {
              const w = layer[(h * seq + q) * seq + k] as number;
              sum += w;
              if (k > q) above += w;
            }
            expect(sum).toBeCloseTo(1, 5);
          }
      if (causal) expect(above).toBe(0);
      else expect(above).toBeGreaterThan(seq);
    }
  });
});
