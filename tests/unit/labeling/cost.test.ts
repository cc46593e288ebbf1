import { encodeChat } from "gpt-tokenizer/model/gpt-4o";
import { describe, expect, it } from "vitest";
import {
  actualCost,
  buildMessages,
  DEFAULT_PRICES,
  estimateJobCost,
  priceFor,
  priceTable,
  formatDollars,
  scenarioCost,
} from "@/lib/labeling/index";
import { countChatTokens, countTextTokens, encodingFor } from "@/lib/labeling/tokens";
import { spamTask } from "./helpers";

describe("prices", () => {
  it("are seeded with the slides' prices per 1M tokens", () => {
    expect(DEFAULT_PRICES["o4-mini"]).toEqual({ input: 1.1, cachedInput: 0.275, output: 4.4 });
    expect(DEFAULT_PRICES["gpt-4.1"]).toEqual({ input: 2, cachedInput: 0.5, output: 8 });
    expect(DEFAULT_PRICES["gpt-4.1-mini"]).toEqual({ input: 0.4, cachedInput: 0.1, output: 1.6 });
    expect(DEFAULT_PRICES["gpt-4.1-nano"]).toEqual({ input: 0.1, cachedInput: 0.025, output: 0.4 });
  });

  it("are editable and match dated snapshots to their model", () => {
    const table = priceTable({ "my-model": { input: 1, cachedInput: 0.5, output: 2 } });
    table["gpt-4.1"] = { input: 3, cachedInput: 1, output: 9 };
    expect(DEFAULT_PRICES["gpt-4.1"]?.input).toBe(2);
    expect(priceFor("gpt-4.1-mini-2025-04-14", table)).toEqual(DEFAULT_PRICES["gpt-4.1-mini"]);
    expect(priceFor("gpt-4.1-2025-04-14", table)?.input).toBe(3);
    expect(priceFor("llama3", table)).toBeUndefined();
  });
});

describe("estimateJobCost", () => {
  it("equals hand arithmetic, votes multiplied in, batch at half price", () => {
    // 1,000 items × 100 input tokens × 3 votes = 300,000 tokens × $0.40/1M = $0.12
    // 1,000 items × 10 output tokens × 3 votes = 30,000 tokens × $1.60/1M = $0.048
    const price = DEFAULT_PRICES["gpt-4.1-mini"];
    if (!price) throw new Error("no price");
    const e = estimateJobCost(new Array<number>(1000).fill(100), 10, 3, price);
    expect(e.requests).toBe(3000);
    expect(e.inputTokens).toBe(300_000);
    expect(e.outputTokens).toBe(30_000);
    expect(e.inputDollars).toBeCloseTo(0.12, 12);
    expect(e.outputDollars).toBeCloseTo(0.048, 12);
    expect(e.dollars).toBeCloseTo(0.168, 12);
    expect(e.batchDollars).toBeCloseTo(0.084, 12);
  });

  it("bills cached input at the cached price after the run", () => {
    // o4-mini: 1,000 uncached × 1.10 + 3,000 cached × 0.275 + 500 out × 4.40, per 1M
    const price = DEFAULT_PRICES["o4-mini"];
    if (!price) throw new Error("no price");
    const dollars = actualCost([{ input: 4000, cachedInput: 3000, output: 500 }], price);
    expect(dollars).toBeCloseTo((1000 * 1.1 + 3000 * 0.275 + 500 * 4.4) / 1e6, 15);
  });

  it("rejects a negative price", () => {
    expect(() => estimateJobCost([1], 1, 1, { input: -1, cachedInput: 0, output: 0 })).toThrow(
      /≥ 0/,
    );
  });
});

describe("token counts", () => {
  it("uses the model's encoding", () => {
    expect(encodingFor("gpt-4.1-mini")).toBe("o200k_base");
    expect(encodingFor("o4-mini")).toBe("o200k_base");
    expect(encodingFor("gpt-4o")).toBe("o200k_base");
    expect(encodingFor("gpt-4")).toBe("cl100k_base");
    expect(encodingFor("gpt-3.5-turbo")).toBe("cl100k_base");
    expect(countTextTokens("hello world", "o200k_base")).toBe(2);
  });

  it("counts a chat request as gpt-tokenizer's chat encoder does for GPT-4o (o200k_base)", () => {
    const messages = buildMessages(spamTask({ model: "gpt-4o" }), {
      text: "Win a FREE cruise, reply now!",
    });
    const plain = messages.map((m) => ({
      role: m.role,
      content: typeof m.content === "string" ? m.content : "",
    }));
    expect(countChatTokens(messages, "gpt-4o")).toBe(encodeChat(plain, "gpt-4o").length);
  });
});

describe("scenarioCost (the lesson's worked examples)", () => {
  const price = (m: string) => {
    const p = DEFAULT_PRICES[m];
    if (!p) throw new Error(m);
    return p;
  };
  const tweets = {
    items: 10_000,
    sharedTokens: 40,
    itemTokens: 60,
    outputTokens: 1,
    votes: 1,
    cachePrefix: false,
  };

  it("10,000 tweets zero-shot: $2.08, ≈ $0.42, ≈ $0.10", () => {
    expect(scenarioCost(tweets, price("gpt-4.1")).dollars).toBeCloseTo(2.08, 10);
    expect(scenarioCost(tweets, price("gpt-4.1-mini")).dollars).toBeCloseTo(0.416, 10);
    expect(scenarioCost(tweets, price("gpt-4.1-nano")).dollars).toBeCloseTo(0.104, 10);
    // per tweet: 100 × $2.00/1M + 1 × $8.00/1M = $0.000208
    expect(scenarioCost({ ...tweets, items: 1 }, price("gpt-4.1")).dollars).toBeCloseTo(
      0.000208,
      12,
    );
  });

  it("few-shot with a cached 1,100-token prefix: ≈ $4.66 uncached, ≈ $1.36 cached, batch half", () => {
    const fewShot = { ...tweets, sharedTokens: 1100 };
    expect(scenarioCost(fewShot, price("gpt-4.1-mini")).dollars).toBeCloseTo(4.656, 10);
    const cached = scenarioCost({ ...fewShot, cachePrefix: true }, price("gpt-4.1-mini"));
    expect(cached.dollars).toBeCloseTo(1.1 + 0.24 + 0.016, 10);
    expect(cached.batchDollars).toBeCloseTo(cached.dollars / 2, 12);
  });

  it("caches nothing when the shared prefix is under 1,024 tokens (the lesson's rule)", () => {
    const short = { ...tweets, sharedTokens: 500, cachePrefix: true };
    const cost = scenarioCost(short, price("gpt-4.1-mini"));
    expect(cost.cachedTokens).toBe(0);
    expect(cost.dollars).toBeCloseTo(
      scenarioCost({ ...short, cachePrefix: false }, price("gpt-4.1-mini")).dollars,
      12,
    );
    expect(scenarioCost({ ...short, sharedTokens: 1024 }, price("gpt-4.1-mini")).cachedTokens).toBe(
      10_000 * 1024,
    );
  });

  it("writes large sums with thousands separators", () => {
    expect(formatDollars(1_110_000_000)).toBe("$1,110,000,000.00");
    expect(formatDollars(2.08)).toBe("$2.0800");
    expect(formatDollars(0.000208)).toBe("$0.00021");
  });
});
