import type { FeedbackEvent } from "../events/types";
import type { Transport, TransportContext } from "../sinks/types";

/**
 * How events reach a sink that declares `delivery: "in-page"` (memory, console, an in-page callback): the
 * events of one task go as one batch, at once, and are never stored, since nothing can be lost between the
 * page and the sink. Failures, a throw or an answer that is not a `SendResult` included, are reported, not
 * retried. Every other sink gets the delivery queue.
 *
 * @example
 * ```ts
 * const transport = localTransport({ getSink: () => memorySink(), report: console.warn });
 * ```
 */
export function localTransport({ getSink, report }: TransportContext): Transport {
  let batch: FeedbackEvent[] = [];
  const inFlight = new Set<Promise<void>>();

  const send = async (events: FeedbackEvent[]) => {
    const sink = getSink();
    const ids = events.map((event) => event.id);
    try {
      const result = await sink.send(events, { signal: new AbortController().signal, keepalive: false });
      const settled = new Set(result.accepted);
      for (const item of result.rejected) {
        settled.add(item.id);
        report("rejected", `${sink.name} refused event ${item.id}: ${item.reason}`, { eventIds: [item.id] });
      }
      const unsent = ids.filter((id) => !settled.has(id));
      if (unsent.length > 0)
        report("sink", `${sink.name} did not take ${unsent.length} event(s)`, { eventIds: unsent });
    } catch (cause) {
      report("sink", `${sink.name} failed: ${String(cause)}`, { eventIds: ids, cause });
    }
  };

  const dispatch = () => {
    const events = batch;
    batch = [];
    if (events.length === 0) return;
    const sending = send(events).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };

  return {
    enqueue(event) {
      if (batch.length === 0) queueMicrotask(dispatch);
      batch.push(event);
    },
    async flush() {
      dispatch();
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    close: dispatch,
  };
}
