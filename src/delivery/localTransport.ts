import type { FeedbackEvent } from "../events/types";
import type { Transport, TransportContext } from "../sinks/types";
import { callSink } from "./callSink";

/**
 * How events reach a sink that declares `delivery: "in-page"` (memory, console, an in-page callback): the
 * events of one task go as one batch, at once, and are never stored, since nothing can be lost between the
 * page and the sink. Failures are reported, not retried. Every other sink gets `deliveryQueue`.
 *
 * @example
 * ```ts
 * const client = createFeedbackClient({ sink: memorySink(), transport: localTransport });
 * ```
 */
export function localTransport({ getSink, report }: TransportContext): Transport {
  let batch: FeedbackEvent[] = [];
  const inFlight = new Set<Promise<void>>();

  const send = async (events: FeedbackEvent[]) => {
    const sink = getSink();
    const { result, thrown, problem } = await callSink(sink, events, { keepalive: false });
    if (thrown !== undefined) {
      report("sink", `${sink.name} failed: ${String(thrown)}`, { eventIds: result.retry, cause: thrown });
      return;
    }
    for (const item of result.rejected) {
      report("rejected", `${sink.name} refused event ${item.id}: ${item.reason}`, { eventIds: [item.id] });
    }
    if (result.retry.length === 0) return;
    const why = problem ? `broke the sink contract (${problem.message})` : "did not take";
    report("sink", `${sink.name} ${why}: ${result.retry.length} event(s) not delivered`, { eventIds: result.retry });
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
