import {
  acceptAll,
  callbackSink,
  consoleSink,
  type FeedbackEvent,
  type FeedbackSink,
  fanoutSink,
  memorySink,
  rejectAll,
  retryAll,
  type SendResult,
} from "../../src";
import { createEvent } from "../../src/events/createEvent";

const options = { signal: new AbortController().signal, keepalive: false };
const events = (n: number): FeedbackEvent[] =>
  Array.from({ length: n }, (_, i) => createEvent({ type: "custom", name: `e${i}`, messageId: "m" }));

describe("memorySink", () => {
  it("keeps events in order, tells subscribers, and clears", async () => {
    const sink = memorySink();
    const listener = vi.fn();
    const unsubscribe = sink.subscribe(listener);
    const batch = events(3);
    expect(await sink.send(batch, options)).toEqual(acceptAll(batch));
    expect(sink.events).toEqual(batch);
    expect(sink.getSnapshot()).toBe(sink.events);
    sink.clear();
    expect(sink.events).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    await sink.send(events(1), options);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe("consoleSink", () => {
  it("logs each event and accepts it", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const batch = events(2);
    expect(await consoleSink().send(batch, options)).toEqual(acceptAll(batch));
    expect(info).toHaveBeenCalledTimes(2);
    expect(info).toHaveBeenCalledWith("[feedback]", "custom", batch[0]);
    info.mockRestore();
  });
});

describe("callbackSink", () => {
  it("accepts a batch when the callback returns nothing", async () => {
    const callback = vi.fn();
    const batch = events(2);
    expect(await callbackSink(callback).send(batch, options)).toEqual(acceptAll(batch));
    expect(callback).toHaveBeenCalledWith(batch, options);
  });

  it("passes a SendResult through and lets a failure reach the delivery layer", async () => {
    const batch = events(2);
    const result: SendResult = { accepted: [batch[0]?.id as string], retry: [batch[1]?.id as string], rejected: [] };
    expect(await callbackSink(() => result).send(batch, options)).toBe(result);
    await expect(callbackSink(() => Promise.reject(new Error("down"))).send(batch, options)).rejects.toThrow("down");
  });
});

describe("fanoutSink", () => {
  it("accepts an event only when every sink accepted it", async () => {
    const a = memorySink("a");
    const b = memorySink("b");
    const batch = events(2);
    const result = await fanoutSink(a, b).send(batch, options);
    expect(result.accepted).toEqual(batch.map((event) => event.id));
    expect(a.events).toEqual(batch);
    expect(b.events).toEqual(batch);
  });

  it("resends a retried event only to the sinks that have not accepted it", async () => {
    const healthy = memorySink("healthy");
    let failures = 1;
    const flaky: FeedbackSink = {
      name: "flaky",
      async send(batch) {
        if (failures-- > 0) return retryAll(batch, 2000);
        return acceptAll(batch);
      },
    };
    const fanout = fanoutSink(healthy, flaky);
    const batch = events(2);
    const first = await fanout.send(batch, options);
    expect(first.retry).toEqual(batch.map((event) => event.id));
    expect(first.retryAfterMs).toBe(2000);
    const second = await fanout.send(batch, options);
    expect(second.accepted).toEqual(batch.map((event) => event.id));
    expect(healthy.events).toHaveLength(2);
  });

  it("treats a sink that throws as a retry and a refusal as final for the fan-out", async () => {
    const thrower: FeedbackSink = {
      name: "thrower",
      send: () => Promise.reject(new Error("boom")),
    };
    const refuser: FeedbackSink = { name: "refuser", send: async (batch) => rejectAll(batch, "400 bad score") };
    const batch = events(1);
    expect((await fanoutSink(memorySink(), thrower).send(batch, options)).retry).toEqual([batch[0]?.id]);
    expect((await fanoutSink(memorySink(), refuser).send(batch, options)).rejected).toEqual([
      { id: batch[0]?.id, reason: "refuser: 400 bad score" },
    ]);
  });
});
