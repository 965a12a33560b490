import "fake-indexeddb/auto";
import type { FeedbackErrorKind, FeedbackEvent } from "../../src";
import { deliveryQueue } from "../../src/delivery/deliveryQueue";
import type { DeliveryOptions } from "../../src/delivery/options";
import type { QueueStore } from "../../src/delivery/queueStore";
import { createEvent } from "../../src/events/createEvent";
import { acceptAll, type FeedbackSink, type SendOptions, type SendResult } from "../../src/sinks/types";

let queueCount = 0;
const freshName = () => `test-${++queueCount}-${Math.random()}`;

function event(text = "hello"): FeedbackEvent {
  return createEvent({ type: "custom", name: "note", messageId: "m1", value: text });
}

/** A network-like sink whose answer each test programs; it records every batch and id it saw. */
function scriptedSink(
  name: string,
  answer: (events: readonly FeedbackEvent[], call: number) => SendResult | Promise<SendResult>,
) {
  const batches: { ids: string[]; options: SendOptions; at: number }[] = [];
  const sink: FeedbackSink = {
    name,

    async send(events, options) {
      batches.push({ ids: events.map((e) => e.id), options, at: Date.now() });
      return answer(events, batches.length);
    },
  };
  const received = () => batches.flatMap((batch) => batch.ids);
  return { sink, batches, received };
}

function setup(
  answer: (events: readonly FeedbackEvent[], call: number) => SendResult | Promise<SendResult>,
  options: DeliveryOptions = {},
  openStore?: (name: string) => Promise<QueueStore>,
) {
  const name = options.queueName ?? freshName();
  const scripted = scriptedSink(name, answer);
  const errors: { kind: FeedbackErrorKind; message: string; eventIds?: readonly string[] }[] = [];
  const queue = deliveryQueue({
    getSink: () => scripted.sink,
    report: (kind, message, details) => errors.push({ kind, message, eventIds: details?.eventIds }),
    options: { backoffBaseMs: 5, backoffMaxMs: 20, ...options, queueName: name },
    ...(openStore ? { openStore } : {}),
  });
  return { ...scripted, errors, queue, name };
}

const accept = (events: readonly FeedbackEvent[]) => acceptAll(events);

describe("deliveryQueue", () => {
  it("sends once batchSize events wait, taking everything waiting then", async () => {
    const { queue, batches, received } = setup(accept, { batchDelayMs: 60_000 });
    const sent = Array.from({ length: 45 }, () => event());
    for (const e of sent) queue.enqueue(e);
    // No flush: the full batch leaves by itself, long before the 60 s delay.
    await vi.waitFor(() => expect(received()).toHaveLength(45));
    expect(batches.map((batch) => batch.ids.length)).toEqual([45]);
    expect(received()).toEqual(sent.map((e) => e.id));
    queue.close();
  });

  it("never puts more than 500 events in one request", async () => {
    const { queue, batches } = setup(accept, { batchDelayMs: 60_000, maxQueuedEvents: 5000 });
    for (let i = 0; i < 1200; i++) queue.enqueue(event());
    await queue.flush();
    expect(batches.map((batch) => batch.ids.length)).toEqual([500, 500, 200]);
    queue.close();
  });

  it("batches by bytes", async () => {
    const { queue, batches } = setup(accept, { batchBytes: 4096 });
    for (let i = 0; i < 6; i++) queue.enqueue(event("x".repeat(1500)));
    await queue.flush();
    expect(batches.map((batch) => batch.ids.length)).toEqual([2, 2, 2]);
    queue.close();
  });

  it("sends a partial batch after the delay, without flush", async () => {
    const { queue, received } = setup(accept, { batchDelayMs: 20 });
    const e = event();
    queue.enqueue(e);
    expect(received()).toEqual([]);
    await vi.waitFor(() => expect(received()).toEqual([e.id]));
    queue.close();
  });

  it("retries with the same id until accepted, and flush waits for it", async () => {
    const { queue, batches, errors } = setup((events, call) =>
      call <= 3 ? { accepted: [], retry: events.map((e) => e.id), rejected: [], reason: "HTTP 503" } : accept(events),
    );
    const e = event();
    queue.enqueue(e);
    await queue.flush();
    expect(batches.map((batch) => batch.ids)).toEqual([[e.id], [e.id], [e.id], [e.id]]);
    expect(errors.map((error) => error.kind)).toEqual(["sink"]);
    queue.close();
  });

  it("retries after the sink throws (a network error)", async () => {
    const { queue, received } = setup((events, call) => {
      if (call === 1) throw new Error("Failed to fetch");
      return accept(events);
    });
    const e = event();
    queue.enqueue(e);
    await queue.flush();
    expect(received()).toEqual([e.id, e.id]);
    queue.close();
  });

  it("gives up after maxAttempts and reports it, never silently", async () => {
    const { queue, batches, errors } = setup(
      (events) => ({ accepted: [], retry: events.map((e) => e.id), rejected: [] }),
      {
        maxAttempts: 3,
      },
    );
    const e = event();
    queue.enqueue(e);
    await queue.flush();
    expect(batches).toHaveLength(3);
    expect(errors.find((error) => error.kind === "gave-up")).toMatchObject({ eventIds: [e.id] });
    queue.close();
  });

  it("drops refused events for good and reports them as rejected", async () => {
    const { queue, batches, errors } = setup((events) => ({
      accepted: [],
      retry: [],
      rejected: events.map((e) => ({ id: e.id, reason: "HTTP 400: bad" })),
    }));
    const e = event();
    queue.enqueue(e);
    await queue.flush();
    expect(batches).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ kind: "rejected", eventIds: [e.id] })]);
    queue.close();
  });

  it("waits as long as Retry-After asks", async () => {
    const { queue, batches } = setup((events, call) =>
      call === 1 ? { accepted: [], retry: events.map((e) => e.id), rejected: [], retryAfterMs: 300 } : accept(events),
    );
    queue.enqueue(event());
    await queue.flush();
    expect(batches).toHaveLength(2);
    expect((batches[1]?.at ?? 0) - (batches[0]?.at ?? 0)).toBeGreaterThanOrEqual(300);
    queue.close();
  });

  it("keeps events in IndexedDB across a reload and sends them on the next start", async () => {
    const name = freshName();
    const down = setup((events) => ({ accepted: [], retry: events.map((e) => e.id), rejected: [] }), {
      queueName: name,
      backoffBaseMs: 200,
      backoffMaxMs: 200,
    });
    const sent = [event(), event(), event()];
    for (const e of sent) down.queue.enqueue(e);
    await vi.waitFor(() => expect(down.batches).toHaveLength(1));
    down.queue.close();

    const up = setup(accept, { queueName: name });
    up.queue.start?.();
    await vi.waitFor(() => expect(up.received()).toEqual(sent.map((e) => e.id)));
    up.queue.close();
  });

  it("falls back to memory when IndexedDB cannot open, reports it once, and still delivers", async () => {
    const { queue, received, errors } = setup(accept, {}, async () => {
      throw new Error("SecurityError");
    });
    const sent = [event(), event()];
    for (const e of sent) queue.enqueue(e);
    await queue.flush();
    queue.enqueue(event());
    await queue.flush();
    expect(received()).toHaveLength(3);
    expect(errors.filter((error) => error.kind === "storage")).toHaveLength(1);
    queue.close();
  });

  it("falls back to memory when a write fails (quota) without losing the event", async () => {
    const failing: QueueStore = {
      kind: "indexeddb",
      add: async () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      take: async () => ({ records: [], nextAt: undefined, heldBy: [] }),
      update: async () => {},
      remove: async () => {},
      has: async () => new Set(),
      close() {},
    };
    const { queue, received, errors } = setup(accept, {}, async () => failing);
    const e = event();
    queue.enqueue(e);
    await queue.flush();
    expect(received()).toEqual([e.id]);
    expect(errors.map((error) => error.kind)).toEqual(["storage"]);
    queue.close();
  });

  it("drops the oldest beyond the cap and reports how many", async () => {
    const { queue, errors, received } = setup(accept, { maxQueuedEvents: 10, batchDelayMs: 60_000, batchSize: 100 });
    const sent = Array.from({ length: 15 }, () => event());
    for (const e of sent) queue.enqueue(e);
    await queue.flush();
    const dropped = errors.find((error) => error.kind === "dropped");
    expect(dropped?.eventIds).toEqual(sent.slice(0, 5).map((e) => e.id));
    expect(received()).toEqual(sent.slice(5).map((e) => e.id));
    queue.close();
  });

  it("two queues on one stored queue (two tabs) never send the same event twice", async () => {
    const name = freshName();
    const seen: string[] = [];
    const answer = (events: readonly FeedbackEvent[], call: number): SendResult => {
      if (call % 3 === 1) return { accepted: [], retry: events.map((e) => e.id), rejected: [] };
      for (const e of events) seen.push(e.id);
      return accept(events);
    };
    const tabA = setup(answer, { queueName: name, batchSize: 5, batchDelayMs: 5 });
    const tabB = setup(answer, { queueName: name, batchSize: 5, batchDelayMs: 5 });
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const e = event();
      sent.push(e.id);
      (i % 2 === 0 ? tabA : tabB).queue.enqueue(e);
    }
    await Promise.all([tabA.queue.flush(), tabB.queue.flush()]);
    expect([...seen].sort()).toEqual([...sent].sort());
    tabA.queue.close();
    tabB.queue.close();
  });

  it("keeps an event claimed while a send slower than its hold runs: another tab never takes it", async () => {
    const name = freshName();
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // Tab A's sink answers only when told to, long after requestTimeoutMs (and the 900 ms hold it sets).
    const tabA = setup(
      async (events) => {
        await finished;
        return accept(events);
      },
      { queueName: name, requestTimeoutMs: 300, batchDelayMs: 0 },
    );
    const tabB = setup(accept, { queueName: name, requestTimeoutMs: 300, batchDelayMs: 0 });
    const e = event();
    tabA.queue.enqueue(e);
    await vi.waitFor(() => expect(tabA.received()).toEqual([e.id]));
    tabB.queue.start?.();
    // Several holds' worth of time with tab A's send still running: tab B keeps looking and takes nothing.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(tabB.received()).toEqual([]);
    finish();
    await tabA.queue.flush();
    expect(tabB.received()).toEqual([]);
    tabA.queue.close();
    tabB.queue.close();
  });

  it("sends what it holds with keepalive, in chunks under 64 KiB, when the page is hidden", async () => {
    const { queue, batches, received } = setup(accept, { batchDelayMs: 60_000, batchSize: 1000 });
    const sent = Array.from({ length: 30 }, () => event("y".repeat(8000)));
    for (const e of sent) queue.enqueue(e);
    await vi.waitFor(() => undefined);
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    await queue.flush();
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.options.keepalive).toBe(true);
    const sizes = batches.map(
      (batch) =>
        new TextEncoder().encode(JSON.stringify({ events: sent.filter((e) => batch.ids.includes(e.id)) })).length,
    );
    for (const size of sizes) expect(size).toBeLessThan(64 * 1024);
    expect([...received()].sort()).toEqual(sent.map((e) => e.id).sort());
    queue.close();
  });

  it("does not send while offline and sends when back online", async () => {
    const onLine = vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const { queue, received } = setup(accept, { batchDelayMs: 5 });
    const e = event();
    queue.enqueue(e);
    const flushed = queue.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received()).toEqual([]);
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event("online"));
    await flushed;
    expect(received()).toEqual([e.id]);
    onLine.mockRestore();
    queue.close();
  });
});
