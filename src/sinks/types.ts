// The contract between the provider, the delivery layer and the sinks. A leaf: it imports only types, so any
// sink, transport or server module may import it without pulling in (or cycling through) the queue.
import type { DeliveryOptions } from "../delivery/options";
import type { FeedbackErrorKind } from "../errors";
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
 * one never loses it; an id the batch did not hold is ignored (and reported once).
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
 * Where events go. A sink only sends; batching, retry and persistence happen around it: unless the sink says
 * `delivery: "in-page"`, its events wait in a stored queue until it accepts them, and what it answers `retry`
 * (or throws on) is sent again later with the same ids.
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
   * How events reach this sink. Left out (or `"queued"`, the safe default for anything that crosses a network):
   * events are stored until accepted, batched, retried with backoff and sent on page exit. `"in-page"` is for
   * sinks that cannot fail in transit (memory, console, a callback that stays in the page): each task's events
   * go at once, nothing is stored, and failures are reported, not retried.
   */
  readonly delivery?: "queued" | "in-page";
  send(events: readonly FeedbackEvent[], options: SendOptions): Promise<SendResult>;
  /**
   * The secret values the sink was configured with (keys, header values): a relay in front of it keeps them, in
   * any encoding, out of every answer and every report.
   */
  readonly secrets?: readonly string[];
}

/** How a transport tells the provider about failures (the provider turns them into `FeedbackError`s). */
export type ReportError = (
  kind: FeedbackErrorKind,
  message: string,
  details?: { field?: string; eventIds?: readonly string[]; cause?: unknown },
) => void;

/**
 * The one path from the provider to a sink. The provider hands every finished, redacted, valid event to a
 * transport; the transport decides when and how it reaches the sink.
 */
export interface Transport {
  /** Takes an event for delivery. Never throws. */
  enqueue(event: FeedbackEvent): void;
  /** Resolves when everything enqueued so far has been accepted or given up on. Never rejects. */
  flush(): Promise<void>;
  /**
   * Starts timers and listeners and sends what an earlier page left behind. The provider calls it when it
   * mounts; `enqueue` and `flush` start the transport too, so calling it is optional.
   */
  start?(): void;
  /** Stops timers and listeners; pending events stay where the transport keeps them. */
  close(): void;
  /** Loads what delivery needs ahead of the first event (a widget may call it on hover or focus). */
  preload?(): void;
}

/** What a transport is made from. */
export interface TransportContext {
  /** The sink to send to (read at each send, so a provider can swap it). */
  getSink: () => FeedbackSink;
  report: ReportError;
  /** Batching, retry, storage and caps, as the app configured them. */
  options?: DeliveryOptions;
}

/**
 * Makes the transport that carries events to the sink. The provider picks the stored, retried queue (loaded on
 * first use) or, for an in-page sink, immediate delivery; `transport` on the provider puts an app's own here.
 *
 * @example
 * ```ts
 * const direct: TransportFactory = ({ getSink, report }) => ({
 *   enqueue: (event) => void getSink().send([event], { signal: new AbortController().signal, keepalive: false })
 *     .catch((cause) => report("sink", String(cause), { eventIds: [event.id], cause })),
 *   flush: async () => {},
 *   close() {},
 * });
 * ```
 */
export type TransportFactory = (context: TransportContext) => Transport;

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
