import type { FeedbackEvent } from "../events/types";
import { acceptAll, type FeedbackSink, type SendOptions, type SendResult } from "./types";

/** Options of `callbackSink`. */
export interface CallbackSinkOptions {
  /** Shown in error reports and names the stored queue (default `"callback"`). */
  name?: string;
  /**
   * `"in-page"` when the callback stays in the page (a store, a test spy): events go at once, nothing is
   * stored, and a failure is reported, not retried. Default `"queued"`: a callback that sends anywhere gets
   * the persisted, retried queue.
   */
  delivery?: FeedbackSink["delivery"];
}

/**
 * Hands each batch to a function of the app's. Returning (or resolving) nothing accepts the batch; throwing or
 * rejecting marks it for retry; returning a `SendResult` says exactly what happened. Unless it says
 * `delivery: "in-page"`, the batches go through the persisted, retried delivery queue.
 *
 * @example
 * ```ts
 * const sink = callbackSink(async (events) => {
 *   await myAnalytics.track("feedback", { events });
 * });
 * const inPage = callbackSink((events) => store.add(events), { name: "store", delivery: "in-page" });
 * ```
 */
export function callbackSink(
  // biome-ignore lint/suspicious/noConfusingVoidType: apps pass plain functions that return nothing.
  callback: (events: readonly FeedbackEvent[], options: SendOptions) => void | SendResult | Promise<void | SendResult>,
  options: CallbackSinkOptions = {},
): FeedbackSink {
  return {
    name: options.name ?? "callback",
    delivery: options.delivery ?? "queued",
    async send(events, sendOptions) {
      const result = await callback(events, sendOptions);
      return result ?? acceptAll(events);
    },
  };
}
