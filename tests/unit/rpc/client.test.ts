import { describe, expect, it } from "vitest";
import { createRpc, type WorkerLike } from "@/lib/rpc/index";

type In = { id: number; type: "square"; x: number } | { id: number; type: "slow"; x: number };
type Out =
  | { id: number; type: "progress"; done: number }
  | { id: number; type: "result"; y: number }
  | { id: number; type: "error"; message: string };

class DomainError extends Error {}

/** A worker in the same thread: answers "square" at once and "slow" after two progress reports, out of order. */
function fakeWorker(): WorkerLike<In, Out> & { crash(message: string): void; terminated: boolean } {
  const listeners: {
    message: ((e: MessageEvent<Out>) => void)[];
    error: ((e: { message?: string }) => void)[];
  } = { message: [], error: [] };
  const send = (data: Out): void => {
    for (const l of listeners.message) l({ data } as MessageEvent<Out>);
  };
  const fake = {
    terminated: false,
    postMessage(message: In) {
      if (message.type === "square") {
        if (message.x < 0)
          queueMicrotask(() => {
            send({ id: message.id, type: "error", message: "negative" });
          });
        else
          queueMicrotask(() => {
            send({ id: message.id, type: "result", y: message.x ** 2 });
          });
      } else
        setTimeout(() => {
          send({ id: message.id, type: "progress", done: 1 });
          send({ id: message.id, type: "progress", done: 2 });
          send({ id: message.id, type: "result", y: message.x });
        }, 5);
    },
    addEventListener(type: "message" | "error", listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
    terminate() {
      fake.terminated = true;
    },
    crash(message: string) {
      for (const l of listeners.error) l({ message });
    },
  };
  return fake;
}

describe("createRpc", () => {
  it("matches replies to requests by id, even out of order, and routes progress", async () => {
    const rpc = createRpc<In, Out>(fakeWorker(), (m) => new DomainError(m), "The test worker");
    const seen: number[] = [];
    const slow = rpc.request({ type: "slow", x: 7 }, (p) => seen.push(p.done));
    const fast = rpc.request({ type: "square", x: 3 });
    expect(await fast).toEqual({ id: 2, type: "result", y: 9 });
    expect(await slow).toEqual({ id: 1, type: "result", y: 7 });
    expect(seen).toEqual([1, 2]);
  });

  it("rejects with the domain's error on an error reply, leaving other requests alone", async () => {
    const rpc = createRpc<In, Out>(fakeWorker(), (m) => new DomainError(m), "The test worker");
    const bad = rpc.request({ type: "square", x: -1 });
    const good = rpc.request({ type: "square", x: 2 });
    await expect(bad).rejects.toBeInstanceOf(DomainError);
    await expect(bad).rejects.toThrow("negative");
    expect((await good).type).toBe("result");
  });

  it("rejects everything still waiting when the worker crashes, and terminates it on request", async () => {
    const worker = fakeWorker();
    const rpc = createRpc<In, Out>(worker, (m) => new DomainError(m), "The test worker");
    const a = rpc.request({ type: "slow", x: 1 });
    const b = rpc.request({ type: "slow", x: 2 });
    worker.crash("out of memory");
    await expect(a).rejects.toThrow("The test worker stopped: out of memory");
    await expect(b).rejects.toThrow("The test worker stopped: out of memory");
    rpc.terminate();
    expect(worker.terminated).toBe(true);
  });
});
