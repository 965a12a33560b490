import type { DeliveryQueueConfig } from "../delivery/deliveryQueue";
import type { Transport } from "../delivery/types";
import type { FeedbackEvent } from "../events/types";

/** How the delivery layer calls a sink. */
export interface SendOptions {
  /** Aborted when the delivery gives up waiting (timeout, shutdown). */
  signal: AbortSignal;
  /** True while the page is being hidden or closed: use `fetch(..., { keepalive: true })` or a beacon. */
  keepalive: boolean;
}

/** One event a sink refused for good. */
export interface RejectedEvent {
  id: string;
  reason: string;
}

/**
 * What a sink did with a batch, by event id. An id named nowhere is treated as `retry`, so a sink that forgets
 * one never loses it.
 */
export interface SendResult {
  /** Stored by the receiver. */
  accepted: string[];
  /** Failed for a passing reason (network, 5xx, 408, 429): send again later. */
  retry: string[];
  /** Refused for good (bad request, vendor validation): never sent again, reported through `onError`. */
  rejected: RejectedEvent[];
  /** The receiver asked to wait this long before the next attempt (`Retry-After`). */
  retryAfterMs?: number;
  /** Why the `retry` ids failed (`"HTTP 503"`), for the reports `onError` hears. */
  reason?: string;
}

/**
 * Where events go. A sink only sends; batching, retry and persistence happen around it.
 *
 * @example
 * ```ts
 * const sink: FeedbackSink = {
 *   name: "my-endpoint",
 *   async send(events, { signal, keepalive }) {
 *     const response = await fetch("/api/feedback", {
 *       method: "POST", body: JSON.stringify({ events }), signal, keepalive,
 *     });
 *     return response.ok ? acceptAll(events) : retryAll(events);
 *   },
 * };
 * ```
 */
export interface FeedbackSink {
  /** Shown in error reports; also names the stored queue, so leftovers reach the sink they were meant for. */
  readonly name: string;
  /**
   * How events reach this sink. A sink that crosses a network sets `deliveryQueue`: events are stored until
   * accepted, batched, retried and sent on page exit. Left out (memory, console), each task's events go at once
   * and nothing is stored. Declared by the sink, so an app that uses only in-page sinks never loads the queue.
   */
  readonly delivery?: (config: DeliveryQueueConfig) => Transport;
  send(events: readonly FeedbackEvent[], options: SendOptions): Promise<SendResult>;
  /**
   * The secret values the sink was configured with (keys, header values): a relay in front of it keeps them, in
   * any encoding, out of every answer and every report.
   */
  readonly secrets?: readonly string[];
}

/** A result that accepts every event of the batch. */
export function acceptAll(events: readonly FeedbackEvent[]): SendResult {
  return { accepted: events.map((event) => event.id), retry: [], rejected: [] };
}

/** A result that asks for every event of the batch to be sent again, optionally after `retryAfterMs` (and why). */
export function retryAll(events: readonly FeedbackEvent[], retryAfterMs?: number, reason?: string): SendResult {
  const result: SendResult = { accepted: [], retry: events.map((event) => event.id), rejected: [] };
  if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
  if (reason !== undefined) result.reason = reason;
  return result;
}

/** A result that refuses every event of the batch for good. */
export function rejectAll(events: readonly FeedbackEvent[], reason: string): SendResult {
  return { accepted: [], retry: [], rejected: events.map((event) => ({ id: event.id, reason })) };
}
