import { describe, expect, it } from "vitest";
import { Requests } from "../../../src/scripts/classroom/requests";

describe("Requests", () => {
  it("settles each message by the id its ack or error echoes, once", async () => {
    const requests = new Requests("r");
    const a = requests.track();
    const b = requests.track();
    expect(a.id).not.toBe(b.id);
    expect(requests.settle({ type: "ack", id: b.id, activityId: 7 })).toBe(true);
    expect(
      requests.settle({ type: "error", code: "closed", message: "activity 1 is closed", id: a.id }),
    ).toBe(true);
    expect(await b.reply).toEqual({ ok: true, activityId: 7 });
    expect(await a.reply).toEqual({ ok: false, code: "closed", message: "activity 1 is closed" });
    expect(requests.settle({ type: "ack", id: a.id }), "already settled").toBe(false);
    expect(requests.settle({ type: "error", code: "rate_limited", message: "slow down" })).toBe(
      false,
    );
  });

  it("settles what is still waiting as unanswered when the link drops", async () => {
    const requests = new Requests("r");
    const waiting = requests.track();
    requests.abandon("reconnected");
    expect(await waiting.reply).toEqual({ ok: false, code: "no_answer", message: "reconnected" });
  });

  it("forgets a message that was never sent, so nothing waits for it", () => {
    const requests = new Requests("r");
    const sent = requests.track();
    const unsent = requests.track();
    requests.forget(unsent.id);
    expect(requests.waiting).toBe(1);
    expect(requests.settle({ type: "ack", id: unsent.id })).toBe(false);
    expect(requests.settle({ type: "ack", id: sent.id })).toBe(true);
    expect(requests.waiting).toBe(0);
  });
});
