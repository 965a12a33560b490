import type { FeedbackEvent } from "../events/types";
import type { FeedbackSink, RejectedEvent, SendResult } from "./types";

/**
 * Sends every batch to several sinks at once. An event counts as accepted when every sink accepted it; one that
 * a sink asked to retry is sent again only to the sinks that have not accepted it yet, so a flaky sink never
 * makes a healthy one receive duplicates. A sink that refuses an event for good refuses it for the whole fan-out.
 *
 * @example
 * ```ts
 * const sink = fanoutSink(httpSink({ url: "/api/feedback" }), consoleSink());
 * ```
 */
export function fanoutSink(...sinks: FeedbackSink[]): FeedbackSink {
  // For each event still pending somewhere: the sinks that already accepted it.
  const acceptedBy = new Map<string, Set<FeedbackSink>>();
  return {
    name: `fanout(${sinks.map((sink) => sink.name).join(", ")})`,
    // In-page only when every sink is: one sink across a network is enough to need the queue.
    delivery: sinks.every((sink) => sink.delivery === "in-page") ? "in-page" : "queued",
    secrets: sinks.flatMap((sink) => sink.secrets ?? []),
    async send(events, options) {
      const outcomes = await Promise.all(
        sinks.map(async (sink) => {
          const pending = events.filter((event) => !acceptedBy.get(event.id)?.has(sink));
          if (pending.length === 0) return undefined;
          try {
            return { sink, result: await sink.send(pending, options), pending };
          } catch (error) {
            return { sink, error, pending };
          }
        }),
      );
      const retry = new Set<string>();
      const rejected = new Map<string, string>();
      let retryAfterMs: number | undefined;
      for (const outcome of outcomes) {
        if (!outcome) continue;
        const { sink, pending } = outcome;
        if (!("result" in outcome) || !outcome.result) {
          for (const event of pending) retry.add(event.id);
          continue;
        }
        const result = outcome.result;
        const accepted = new Set(result.accepted);
        const refused = new Map(result.rejected.map((item: RejectedEvent) => [item.id, item.reason]));
        for (const event of pending) {
          if (accepted.has(event.id)) {
            const sinks = acceptedBy.get(event.id) ?? new Set<FeedbackSink>();
            sinks.add(sink);
            acceptedBy.set(event.id, sinks);
          } else if (refused.has(event.id)) {
            rejected.set(event.id, `${sink.name}: ${refused.get(event.id)}`);
          } else {
            retry.add(event.id);
          }
        }
        if (result.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, result.retryAfterMs);
      }
      const result: SendResult = { accepted: [], retry: [], rejected: [] };
      for (const event of events as readonly FeedbackEvent[]) {
        if (rejected.has(event.id)) {
          result.rejected.push({ id: event.id, reason: rejected.get(event.id) as string });
          acceptedBy.delete(event.id);
        } else if (retry.has(event.id)) {
          result.retry.push(event.id);
        } else {
          result.accepted.push(event.id);
          acceptedBy.delete(event.id);
        }
      }
      if (retryAfterMs !== undefined && result.retry.length > 0) result.retryAfterMs = retryAfterMs;
      return result;
    },
  };
}
