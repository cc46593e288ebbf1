import { describe, expect, it } from "vitest";
import { readScoped, writeScoped } from "@/scripts/url-state";

describe("readScoped", () => {
  it("reads only the keys under the prefix", () => {
    const state = readScoped("?vp.expr=king+-+man&vp.preset=king&other.expr=x&q=1", "vp");
    expect([...state]).toEqual([
      ["expr", "king - man"],
      ["preset", "king"],
    ]);
  });

  it("ignores a bare prefix and a longer prefix that merely starts the same", () => {
    expect(readScoped("?vp.=1&vpx.a=2", "vp").size).toBe(0);
  });
});

describe("writeScoped", () => {
  it("sets, replaces and removes keys while keeping other parameters", () => {
    const search = writeScoped("?q=bank&vp.expr=old&vp.preset=king", "vp", {
      expr: "new value",
      preset: null,
    });
    const params = new URLSearchParams(search);
    expect(params.get("q")).toBe("bank");
    expect(params.get("vp.expr")).toBe("new value");
    expect(params.has("vp.preset")).toBe(false);
  });

  it("returns an empty string when nothing is left", () => {
    expect(writeScoped("?vp.expr=a", "vp", { expr: "" })).toBe("");
  });

  it("round-trips unicode through readScoped", () => {
    const search = writeScoped("", "ctx", { text: "king − man + woman 🐱" });
    expect(readScoped(search, "ctx").get("text")).toBe("king − man + woman 🐱");
  });

  it("never writes a private key, and removes one an older link left behind", () => {
    const search = writeScoped(
      "?eu.text=my+interview&eu.q=tax",
      "eu",
      { text: "more", q: "war" },
      {
        keys: ["text"],
      },
    );
    expect(readScoped(search, "eu")).toEqual(new Map([["q", "war"]]));
  });

  it("leaves out any value that contains a secret, but ignores secrets too short to be keys", () => {
    const key = "sk-test-1234567890abcdef";
    const search = writeScoped(
      "",
      "ls",
      { prompt: `use ${key} please`, q: "a" },
      {
        secrets: [key, ""],
      },
    );
    expect(readScoped(search, "ls")).toEqual(new Map([["q", "a"]]));
    // An empty stored key (none set) must not blank every value.
    expect(writeScoped("", "ls", { q: "a" }, { secrets: [""] })).toBe("?ls.q=a");
  });
});
