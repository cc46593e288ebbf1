import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const fixture = fileURLToPath(new URL("../../fixtures/invalid-lesson", import.meta.url));
const astroBin = fileURLToPath(new URL("../../../node_modules/astro/astro.js", import.meta.url));

describe("the lessons collection at build time", () => {
  it("fails with a message naming the file and the field", async () => {
    const error = await run(process.execPath, [astroBin, "sync", "--root", fixture], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
    }).then(
      () => null,
      (e: unknown) => e as { code: number; stdout: string; stderr: string },
    );
    expect(error, "astro sync should fail on invalid frontmatter").not.toBeNull();
    const output = `${error?.stdout ?? ""}${error?.stderr ?? ""}`;
    expect(output).toContain("content/lessons/01-broken/index.mdx");
    expect(output).toMatch(/minutes/);
    expect(error?.code).not.toBe(0);
  });
});
