import { deliveryQueue } from "../delivery/lazyDeliveryQueue";
import type { FeedbackEvent } from "../events/types";
import { acceptAll, type FeedbackSink, type SendOptions, type SendResult } from "./types";

/**
 * Hands each batch to a function of the app's, through the persisted, retried delivery queue. Returning (or resolving) nothing accepts the batch; throwing or
 * rejecting marks it for retry; returning a `SendResult` says exactly what happened.
 *
 * @example
 * ```ts
 * const sink = callbackSink(async (events) => {
 *   await myAnalytics.track("feedback", { events });
 * });
 * ```
 */
export function callbackSink(
  // biome-ignore lint/suspicious/noConfusingVoidType: apps pass plain functions that return nothing.
  callback: (events: readonly FeedbackEvent[], options: SendOptions) => void | SendResult | Promise<void | SendResult>,
  name = "callback",
): FeedbackSink {
  return {
    name,
    delivery: deliveryQueue,
    async send(events, options) {
      const result = await callback(events, options);
      return result ?? acceptAll(events);
    },
  };
}
