import { describe, expect, it } from "vitest";
import { labDeclarations, relativeAliases } from "../../../scripts/assets/lab-types";

describe("relativeAliases(text, file)", () => {
  it("turns @/ specifiers into paths relative to the declaration file", () => {
    const text = `import { a } from "@/lib/words/index";\nexport * from '@/widgets/CodeCell/lab-data';\ntype T = import("@/lib/vectors/cosine").Vec;`;
    expect(relativeAliases(text, "widgets/CodeCell/lab.d.ts")).toBe(
      `import { a } from "../../lib/words/index";\nexport * from './lab-data';\ntype T = import("../../lib/vectors/cosine").Vec;`,
    );
  });
});

describe("labDeclarations()", () => {
  it(
    "declares what cells import from lab, from the library's own source",
    { timeout: 120_000 },
    () => {
      const files = labDeclarations();
      expect(files["node_modules/lab/index.d.ts"]).toBe(
        'export * from "./src/widgets/CodeCell/lab";\n',
      );
      const words = files["node_modules/lab/src/lib/words/word-vectors.d.ts"] ?? "";
      expect(words).toContain("analogy(a: string, b: string, c: string, k?: number): Neighbor[];");
      expect(files["node_modules/lab/src/widgets/CodeCell/lab.d.ts"]).toContain(
        'from "./lab-data"',
      );
      expect(files["node_modules/lab/src/lib/encoder/attention.d.ts"]).toContain(
        "previousTokenHead",
      );
      for (const [path, text] of Object.entries(files)) expect(text, path).not.toMatch(/["']@\//);
    },
  );
});
