import type { FeedbackEvent } from "../events/types";
import type { FeedbackSink } from "../sinks/types";
import type { ReportError, Transport } from "./types";

/**
 * Sends the events emitted in one task as one batch, once, and reports whatever the sink did not accept.
 * The simplest transport: no persistence and no retry.
 */
export function directTransport(getSink: () => FeedbackSink, report: ReportError): Transport {
  let batch: FeedbackEvent[] = [];
  const inFlight = new Set<Promise<void>>();

  const send = async (events: FeedbackEvent[]) => {
    const sink = getSink();
    const ids = events.map((event) => event.id);
    try {
      const result = await sink.send(events, { signal: new AbortController().signal, keepalive: false });
      const settled = new Set([...result.accepted, ...result.rejected.map((item) => item.id)]);
      for (const item of result.rejected) {
        report("rejected", `${sink.name} refused event ${item.id}: ${item.reason}`, { eventIds: [item.id] });
      }
      const unsent = ids.filter((id) => !settled.has(id));
      if (unsent.length > 0) {
        report("sink", `${sink.name} did not accept ${unsent.length} event(s); they were not sent again`, {
          eventIds: unsent,
        });
      }
    } catch (cause) {
      report("sink", `${sink.name} failed to send ${ids.length} event(s): ${String(cause)}`, { eventIds: ids, cause });
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
    close() {
      dispatch();
    },
  };
}
