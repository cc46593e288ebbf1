import { describe, expect, it } from "vitest";
import { checkLabels, classifyByDescription, toMatrix } from "@/lib/embeddings/index";

describe("classifyByDescription(texts, labels)", () => {
  it("gives each text the label whose description is nearest, with the margin", () => {
    const labels = toMatrix([
      [1, 0],
      [0, 1],
    ]);
    // Angles 10°, 80° and 45° + a hair: cosines by hand.
    const deg = (d: number): [number, number] => [
      Math.cos((d * Math.PI) / 180),
      Math.sin((d * Math.PI) / 180),
    ];
    const texts = toMatrix([deg(10), deg(80), deg(46)]);
    const [a, b, c] = classifyByDescription(texts, labels);
    expect(a?.label).toBe(0);
    expect(a?.similarity).toBeCloseTo(Math.cos((10 * Math.PI) / 180), 6);
    expect(a?.margin).toBeCloseTo(
      Math.cos((10 * Math.PI) / 180) - Math.sin((10 * Math.PI) / 180),
      6,
    );
    expect(b?.label).toBe(1);
    expect(c?.label).toBe(1);
    expect([...(c?.similarities ?? [])]).toHaveLength(2);
  });

  it("breaks a tie toward the earlier label and refuses mixed models", () => {
    const [tie] = classifyByDescription(
      toMatrix([[1, 1]]),
      toMatrix([
        [1, 0],
        [0, 1],
      ]),
    );
    expect(tie?.label).toBe(0);
    expect(tie?.margin).toBeCloseTo(0, 6);
    expect(() => classifyByDescription(toMatrix([[1, 1, 1]]), toMatrix([[1, 0]]))).toThrow(
      "same model",
    );
  });
});

describe("checkLabels(labels)", () => {
  it.each([
    [[{ name: "war", description: "war" }], "at least two labels"],
    [
      [
        { name: "a", description: "x" },
        { name: " ", description: "y" },
      ],
      "Label 2 has no name",
    ],
    [
      [
        { name: "a", description: "x" },
        { name: "b", description: "" },
      ],
      "“b” has no description",
    ],
    [
      [
        { name: "A", description: "x" },
        { name: "a", description: "y" },
      ],
      "Two labels are called “a”",
    ],
  ])("explains what is wrong (%#)", (labels, message) => {
    expect(checkLabels(labels)).toContain(message);
  });

  it("accepts two named, described labels", () => {
    expect(
      checkLabels([
        { name: "war", description: "war" },
        { name: "economy", description: "taxes" },
      ]),
    ).toBeNull();
  });
});
