import type { ReportError } from "../sinks/types";
import { eventBytes } from "./batching";
import { memoryStore } from "./memoryStore";
import type { QueueCaps, QueueStore, StoredEvent } from "./queueStore";

/** The queue's store, whichever it is now: IndexedDB once it opens, memory before that or when it fails. */
export interface QueueStorage {
  readonly kind: QueueStore["kind"];
  /** Runs a store operation after those before it; a storage failure switches to memory and runs it there. */
  run<T>(step: (store: QueueStore) => Promise<T>): Promise<T>;
  /** Opens the persistent store after `ready`; events written to memory meanwhile move over. */
  open(openStore: () => Promise<QueueStore>, ready: Promise<unknown>): void;
  /**
   * Writes newly queued events, held by `owner` until `leaseUntil`, then drops the oldest beyond the caps.
   * Resolves with the ids dropped (reported as `dropped`), or undefined when the write failed (reported).
   */
  write(records: readonly StoredEvent[], hold: { owner: string; leaseUntil: number }): Promise<string[] | undefined>;
  /** Ends these events' holds now, so another tab (or the next load) may take them at once. */
  release(records: readonly StoredEvent[]): void;
  /** Resolves when every operation queued so far has run. */
  idle(): Promise<unknown>;
}

/**
 * Wraps the queue's store so a failing IndexedDB (missing, blocked, private mode, full) never loses an event:
 * what was written moves to memory, `onError` hears it once (`storage`), and delivery goes on.
 *
 * @example
 * ```ts
 * const storage = queueStorage({ caps, report, written: () => heldRecords() });
 * storage.open(() => openIndexedDbStore("react-feedback-loop:my-sink"), Promise.resolve());
 * await storage.run((store) => store.add(records, caps));
 * ```
 */
export function queueStorage(options: {
  caps: QueueCaps;
  report: ReportError;
  /** The events this tab has written so far: what moves when the store changes. */
  written: () => StoredEvent[];
}): QueueStorage {
  const { caps, report, written } = options;
  let store: QueueStore = memoryStore();
  let chain: Promise<unknown> = Promise.resolve();
  let reported = false;

  const fallBackToMemory = (cause: unknown) => {
    const previous = store;
    store = memoryStore();
    const records = written();
    if (records.length > 0) void store.add(records, caps);
    if (previous.kind === "indexeddb") {
      try {
        previous.close();
      } catch {
        // Already closed.
      }
    }
    if (reported) return;
    reported = true;
    report(
      "storage",
      `IndexedDB is unavailable (${cause instanceof Error ? cause.message : String(cause)}); feedback events wait in memory, so a reload before they are sent loses them`,
      { cause },
    );
  };

  const run = <T>(step: (current: QueueStore) => Promise<T>): Promise<T> => {
    const running = chain.then(async () => {
      try {
        return await step(store);
      } catch (cause) {
        if (store.kind === "memory") throw cause;
        fallBackToMemory(cause);
        return step(store);
      }
    });
    chain = running.catch(() => undefined);
    return running;
  };

  return {
    get kind() {
      return store.kind;
    },
    run,
    write(records, hold) {
      for (const record of records) {
        record.bytes = eventBytes(record.event);
        record.owner = hold.owner;
        record.leaseUntil = hold.leaseUntil;
      }
      return run((current) => current.add(records, caps)).then(
        (dropped) => {
          if (dropped.length === 0) return dropped;
          const limits = `${caps.maxEvents} events / ${caps.maxBytes} bytes`;
          report(
            "dropped",
            `dropped ${dropped.length} waiting feedback event(s), oldest first, to stay within ${limits}`,
            {
              eventIds: dropped,
            },
          );
          return dropped;
        },
        (cause) => {
          report("storage", `could not keep ${records.length} feedback event(s): ${String(cause)}`, { cause });
          return undefined;
        },
      );
    },
    open(openStore, ready) {
      chain = chain.then(async () => {
        try {
          const opened = await openStore();
          await ready;
          const early = written();
          if (early.length > 0) await opened.add(early, caps);
          store = opened;
        } catch (cause) {
          fallBackToMemory(cause);
        }
      });
    },
    release(records) {
      // Only a stored queue is shared; queued after the pending writes, so it reaches events still being written.
      if (store.kind !== "indexeddb" || records.length === 0) return;
      const now = Date.now();
      const released = records.map((record) => ({ ...record, leaseUntil: now }));
      void run((current) => current.update(released)).catch(() => undefined);
    },
    idle: () => chain,
  };
}
