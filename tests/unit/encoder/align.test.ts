import { describe, expect, it } from "vitest";
import { alignTokens, displayToken, wordSpans } from "@/lib/encoder/index";

describe("displayToken", () => {
  it.each([
    ["▁bank", "metaspace", "bank"],
    ["▁", "metaspace", "▁"],
    ["##ing", "wordpiece", "ing"],
    ["[CLS]", "wordpiece", "[CLS]"],
    ["Ġthe", "byte-level", "the"],
  ] as const)("shows %j (%s) as %j", (piece, style, shown) => {
    expect(displayToken(piece, style)).toBe(shown);
  });
});

describe("alignTokens", () => {
  it("aligns SentencePiece pieces to character offsets", () => {
    const text = "He sat on the river bank.";
    const offsets = alignTokens(
      text,
      ["▁He", "▁sat", "▁on", "▁the", "▁river", "▁bank", "."],
      "metaspace",
    );
    expect(offsets.map((o) => text.slice(o.start, o.end))).toEqual([
      "He",
      "sat",
      "on",
      "the",
      "river",
      "bank",
      ".",
    ]);
  });

  it("aligns lower-cased WordPiece tokens, with empty spans for [CLS] and [SEP]", () => {
    const text = "Héllo Embeddings!";
    const pieces = ["[CLS]", "hello", "em", "##bed", "##ding", "##s", "!", "[SEP]"];
    const offsets = alignTokens(text, pieces, "wordpiece", true);
    expect(offsets.map((o) => text.slice(o.start, o.end))).toEqual([
      "",
      "Héllo",
      "Em",
      "bed",
      "ding",
      "s",
      "!",
      "",
    ]);
  });

  it("aligns byte-level BPE tokens", () => {
    const text = "John wants his bank";
    const offsets = alignTokens(text, ["John", "Ġwants", "Ġhis", "Ġbank"], "byte-level");
    expect(offsets).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 10 },
      { start: 11, end: 14 },
      { start: 15, end: 19 },
    ]);
  });

  it("gives an unknown piece the characters up to the next known piece", () => {
    const text = "a ☃☃ b";
    const offsets = alignTokens(text, ["▁a", "▁", "\uFFFD", "▁b"], "metaspace");
    expect(offsets.map((o) => text.slice(o.start, o.end))).toEqual(["a", "", "☃☃", "b"]);
  });
});

describe("wordSpans", () => {
  it("groups the tokens of each word and keeps punctuation apart", () => {
    const text = "Don't embed!";
    const offsets = alignTokens(text, ["▁Don", "'", "t", "▁em", "bed", "!"], "metaspace");
    expect(wordSpans(text, offsets)).toEqual([
      { text: "Don't", chars: { start: 0, end: 5 }, tokens: { start: 0, end: 3 } },
      { text: "embed", chars: { start: 6, end: 11 }, tokens: { start: 3, end: 5 } },
      { text: "!", chars: { start: 11, end: 12 }, tokens: { start: 5, end: 6 } },
    ]);
  });

  it("leaves out a word no token covers (e.g. after truncation)", () => {
    expect(wordSpans("one two", [{ start: 0, end: 3 }]).map((w) => w.text)).toEqual(["one"]);
  });
});
