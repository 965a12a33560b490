/**
 * How the provider delivers events: batching, retry, storage and caps. Every field is optional; the defaults
 * suit an app sending to its own endpoint.
 *
 * @example
 * ```tsx
 * <FeedbackProvider
 *   sink={httpSink({ url: "/api/feedback" })}
 *   delivery={{ batchSize: 50, batchDelayMs: 2000, maxAttempts: 8 }}
 * >
 * ```
 */
export interface DeliveryOptions {
  /**
   * How many waiting events make a batch leave at once (default 20). The request then carries every event
   * waiting, up to `batchBytes` (and 500 events), so a burst drains in a few requests.
   */
  batchSize?: number;
  /** Most bytes of event JSON in one request (default 512 KiB). An event bigger than this goes alone. */
  batchBytes?: number;
  /**
   * How long an event waits for others before its batch leaves, in ms (default 1000). `flush()`, a full batch
   * and leaving the page send at once.
   */
  batchDelayMs?: number;
  /** Tries per event before it is given up on and reported as `gave-up` (default 10). */
  maxAttempts?: number;
  /** Wait after the first failed try, in ms (default 1000); it doubles with each failure, with jitter. */
  backoffBaseMs?: number;
  /** Longest wait between tries, in ms (default 60000). A `Retry-After` from the server wins when longer. */
  backoffMaxMs?: number;
  /**
   * Keep waiting events in IndexedDB, so a reload, a crash or a closed tab loses nothing (default true). Where IndexedDB is missing, blocked or full, events wait in memory instead and
   * `onError` hears it once (`storage`).
   */
  storage?: boolean;
  /** Most events waiting at once (default 5000). Beyond it the oldest are dropped and reported (`dropped`). */
  maxQueuedEvents?: number;
  /** Most bytes of event JSON waiting at once (default 5 MiB). Beyond it the oldest are dropped and reported. */
  maxQueuedBytes?: number;
  /** A request that has not answered after this many ms is aborted and retried (default 10000). */
  requestTimeoutMs?: number;
  /**
   * Names the stored queue (default: the sink's name). Two providers on one origin with different sinks keep
   * separate queues, so leftovers reach the sink they were meant for.
   */
  queueName?: string;
}

/** Delivery options with every default filled in. */
export type ResolvedDeliveryOptions = Required<Omit<DeliveryOptions, "queueName">> & { queueName: string };

/** Fills in the defaults; `sinkName` names the stored queue unless `queueName` does. */
export function resolveDeliveryOptions(
  options: DeliveryOptions | undefined,
  sinkName: string,
): ResolvedDeliveryOptions {
  return {
    batchSize: Math.max(1, options?.batchSize ?? 20),
    batchBytes: Math.max(1024, options?.batchBytes ?? 512 * 1024),
    batchDelayMs: Math.max(0, options?.batchDelayMs ?? 1000),
    maxAttempts: Math.max(1, options?.maxAttempts ?? 10),
    backoffBaseMs: Math.max(0, options?.backoffBaseMs ?? 1000),
    backoffMaxMs: Math.max(0, options?.backoffMaxMs ?? 60_000),
    storage: options?.storage ?? true,
    maxQueuedEvents: Math.max(1, options?.maxQueuedEvents ?? 5000),
    maxQueuedBytes: Math.max(1024, options?.maxQueuedBytes ?? 5 * 1024 * 1024),
    requestTimeoutMs: Math.max(1, options?.requestTimeoutMs ?? 10_000),
    queueName: options?.queueName ?? sinkName,
  };
}
