/** When the queue's send loop runs. */
export interface Scheduler {
  /** Runs the send loop soon (after the current task); `all` sends partial batches too, not only full ones. */
  request(all: boolean): void;
  /** Sends a partial batch once `batchDelayMs` has passed (in a microtask when it is 0). */
  armBatch(): void;
  /** Runs the send loop at `at` (epoch ms): a backoff or `Retry-After` has ended, or a hold lapses. */
  wakeAt(at: number): void;
  /** Whether the send loop is running now. */
  readonly busy: boolean;
  /** Between `start()` and `stop()`: requests and timers do nothing outside it. */
  readonly running: boolean;
  start(): void;
  /** Clears every timer; a loop already running finishes its current batch. */
  stop(): void;
}

/**
 * Runs one send loop at a time: a request while it runs makes it go round once more instead of starting a
 * second one, so batches never overlap and a burst of emits costs one loop.
 *
 * @example
 * ```ts
 * const schedule = scheduler({ drain: (all) => sendWaiting(all), batchDelayMs: 1000, onError: console.error });
 * schedule.start();
 * schedule.armBatch();
 * ```
 */
export function scheduler(options: {
  drain: (all: boolean) => Promise<void>;
  batchDelayMs: number;
  /** Hears an error the loop did not expect; the loop stops for now and runs again on the next request. */
  onError: (cause: unknown) => void;
}): Scheduler {
  const { drain, batchDelayMs, onError } = options;
  let running = false;
  let draining: Promise<void> | undefined;
  let again = false;
  let all = false;
  let batchTimer: ReturnType<typeof setTimeout> | undefined;
  let batchMicrotask = false;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;

  const request = (sendAll: boolean) => {
    if (!running) return;
    if (sendAll) all = true;
    if (draining) {
      again = true;
      return;
    }
    // Started in a microtask, so the emit that filled a batch returns before any batch work.
    draining = Promise.resolve()
      .then(async () => {
        do {
          again = false;
          const thisTime = all;
          all = false;
          try {
            await drain(thisTime);
          } catch (cause) {
            onError(cause);
          }
        } while (again && running);
      })
      .finally(() => {
        draining = undefined;
      });
  };

  return {
    request,
    armBatch() {
      if (batchDelayMs === 0) {
        if (batchMicrotask) return;
        batchMicrotask = true;
        queueMicrotask(() => {
          batchMicrotask = false;
          request(true);
        });
        return;
      }
      if (batchTimer !== undefined) return;
      batchTimer = setTimeout(() => {
        batchTimer = undefined;
        request(true);
      }, batchDelayMs);
    },
    wakeAt(at) {
      if (!running || at >= wakeAt) return;
      if (wakeTimer !== undefined) clearTimeout(wakeTimer);
      wakeAt = at;
      wakeTimer = setTimeout(
        () => {
          wakeTimer = undefined;
          wakeAt = Number.POSITIVE_INFINITY;
          request(true);
        },
        Math.max(0, at - Date.now()),
      );
    },
    get busy() {
      return draining !== undefined;
    },
    get running() {
      return running;
    },
    start() {
      running = true;
    },
    stop() {
      running = false;
      if (batchTimer !== undefined) clearTimeout(batchTimer);
      if (wakeTimer !== undefined) clearTimeout(wakeTimer);
      batchTimer = undefined;
      wakeTimer = undefined;
      wakeAt = Number.POSITIVE_INFINITY;
    },
  };
}
