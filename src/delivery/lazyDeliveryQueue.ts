import type { FeedbackEvent } from "../events/types";
import type { DeliveryQueueConfig } from "./deliveryQueue";
import type { Transport } from "./types";

// The persisted queue (storage, batching, retries, page exit) is most of the delivery code and nothing a page
// needs for its first render: it is its own chunk, fetched once per page when a provider starts.
let loading: Promise<typeof import("./deliveryQueue")> | undefined;
const load = () => {
  loading ??= import("./deliveryQueue");
  return loading;
};

/**
 * The persisted, batched, retried queue, loaded on first use (see `deliveryQueue` in `./deliveryQueue`). Events
 * emitted before it arrives wait in memory and go in, in order, as it starts; the provider starts it when it
 * mounts, so it is there long before a user's first click.
 *
 * @example
 * ```ts
 * const sink: FeedbackSink = { name: "my-endpoint", delivery: deliveryQueue, send };
 * ```
 */
export function deliveryQueue(config: DeliveryQueueConfig): Transport {
  let queue: Transport | undefined;
  let started = false;
  const waiting: FeedbackEvent[] = [];
  let ready: Promise<Transport | undefined> | undefined;
  const arrive = () => {
    ready ??= load().then(
      (module) => {
        queue = module.deliveryQueue(config);
        for (const event of waiting.splice(0)) queue.enqueue(event);
        if (started) queue.start?.();
        return queue;
      },
      (cause) => {
        config.report("sink", `the delivery queue could not be loaded: ${String(cause)}`, {
          eventIds: waiting.map((event) => event.id),
          cause,
        });
        return undefined;
      },
    );
    return ready;
  };
  return {
    enqueue(event) {
      if (queue) return queue.enqueue(event);
      waiting.push(event);
      void arrive();
    },
    async flush() {
      await (await arrive())?.flush();
    },
    start() {
      started = true;
      if (queue) queue.start?.();
      else void arrive();
    },
    close() {
      started = false;
      queue?.close();
    },
  };
}
