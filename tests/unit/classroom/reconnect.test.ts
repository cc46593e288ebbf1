import { describe, expect, it } from "vitest";
import {
  FINAL_CLOSE_CODES,
  mayReconnect,
  RECONNECT,
  reconnectDelay,
} from "../../../src/lib/classroom/reconnect";
import { CLOSE } from "../../../src/server/classroom/client";

describe("reconnectDelay(attempt, random)", () => {
  it("doubles from the base and stops at the cap", () => {
    const full = () => 1 - Number.EPSILON;
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, full))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelay(20, full)).toBe(RECONNECT.maxMs);
  });
  it("jitters within half a step to a whole step", () => {
    expect(reconnectDelay(2, () => 0)).toBe(1000);
    expect(reconnectDelay(2, () => 0.5)).toBe(1500);
  });
});

describe("mayReconnect(code)", () => {
  it("retries a lost network or a restarted server, not an unknown token, a takeover or an end", () => {
    expect(mayReconnect(1006)).toBe(true);
    expect(mayReconnect(1001)).toBe(true);
    expect(mayReconnect(CLOSE.authTimeout)).toBe(true);
    expect(mayReconnect(CLOSE.unauthorized)).toBe(false);
    expect(mayReconnect(CLOSE.replaced)).toBe(false);
    expect(mayReconnect(CLOSE.expired)).toBe(false);
  });
  it("names the same codes as the server", () => {
    expect(FINAL_CLOSE_CODES).toEqual({
      unauthorized: CLOSE.unauthorized,
      replaced: CLOSE.replaced,
      expired: CLOSE.expired,
    });
  });
});
