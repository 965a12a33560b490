import type { FeedbackEvent } from "../events/types";
import type { Transport, TransportContext } from "../sinks/types";
import { queueDatabaseName } from "./queueDatabase";

/**
 * Whether this origin may hold events an earlier page left in this sink's stored queue. True where the browser
 * cannot say (no `indexedDB.databases()`), so leftovers are never stranded.
 */
async function mayHoldLeftovers(context: TransportContext): Promise<boolean> {
  if (context.options?.storage === false) return false;
  const idb = globalThis.indexedDB as IDBFactory | undefined;
  if (!idb) return false;
  if (typeof idb.databases !== "function") return true;
  const name = queueDatabaseName(context.options?.queueName ?? context.getSink().name);
  try {
    return (await idb.databases()).some((database) => database.name === name);
  } catch {
    return true;
  }
}

/**
 * The default transport of a sink that crosses a network: `deliveryQueue`, loaded through a dynamic `import()`
 * so its code stays out of the page's first load. It loads on the first event, on `flush()`, on `preload()`
 * (a widget calls it on hover or focus), or at `start()` when an earlier page left events stored for this
 * sink. Events emitted while it loads wait in memory and go into the queue, in order, as soon as it is there.
 *
 * @example
 * ```ts
 * const transport = lazyDeliveryQueue({ getSink: () => sink, report, options: { batchSize: 50 } });
 * transport.enqueue(event); // the queue's code starts loading now
 * ```
 */
export function lazyDeliveryQueue(context: TransportContext): Transport {
  let queue: Transport | undefined;
  let loading: Promise<Transport | undefined> | undefined;
  let early: FeedbackEvent[] = [];
  let started = false;
  let failureReported = false;

  const load = (): Promise<Transport | undefined> => {
    loading ??= import("./deliveryQueue").then(
      ({ deliveryQueue }) => {
        const loaded = deliveryQueue(context);
        queue = loaded;
        if (started) loaded.start?.();
        for (const event of early) loaded.enqueue(event);
        early = [];
        // Closed while it loaded: the early events are written, and sent on the next start or load.
        if (!started) loaded.close();
        return loaded;
      },
      (cause) => {
        // A failed chunk load (offline, a new deploy) is tried again on the next event or flush.
        loading = undefined;
        if (!failureReported) {
          failureReported = true;
          context.report("sink", `the delivery queue could not load (${String(cause)}); events wait in memory`, {
            eventIds: early.map((event) => event.id),
            cause,
          });
        }
        return undefined;
      },
    );
    return loading;
  };

  return {
    enqueue(event) {
      if (queue) return queue.enqueue(event);
      early.push(event);
      started = true;
      void load();
    },
    async flush() {
      started = true;
      const loaded = queue ?? (await load());
      await loaded?.flush();
    },
    start() {
      started = true;
      if (queue) return queue.start?.();
      void mayHoldLeftovers(context).then((leftovers) => {
        if (leftovers && started) void load();
      });
    },
    close() {
      started = false;
      queue?.close();
    },
    preload() {
      void load();
    },
  };
}
