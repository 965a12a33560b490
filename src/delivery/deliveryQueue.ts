import type { FeedbackEvent } from "../events/types";
import type { FeedbackSink, SendResult } from "../sinks/types";
import { retryDelayMs } from "./backoff";
import { eventBytes, splitIntoBatches } from "./batching";
import { isOnline, watchOnline } from "./connectivity";
import { openIndexedDbStore } from "./indexedDbStore";
import { memoryStore } from "./memoryStore";
import { type DeliveryOptions, type ResolvedDeliveryOptions, resolveDeliveryOptions } from "./options";
import { watchPageExit } from "./pageExit";
import type { QueueStore, StoredEvent } from "./queueStore";
import { joinTabs, type TabPresence } from "./tabPresence";
import type { ReportError, Transport } from "./types";

/** Most events one request carries, whatever waits: bounds the work a receiver does per request. */
const REQUEST_MAX_EVENTS = 500;

/**
 * Browsers allow 64 KiB of keepalive request bodies in flight per page, all requests together: page-exit
 * chunks stay under this, and the next chunk leaves when an earlier one has finished. The margin leaves room
 * for a sink whose wire format is a little bigger than our JSON.
 */
export const EXIT_CHUNK_BYTES = 60 * 1024;

/** How often a waiting `flush()` looks whether another tab has settled its events. */
const FLUSH_POLL_MS = 250;

/** What `deliveryQueue` needs; everything but the sink and the reporter has a default. */
export interface DeliveryQueueConfig {
  /** The sink to send to (read at each send, so a provider can swap it). */
  getSink: () => FeedbackSink;
  report: ReportError;
  options?: DeliveryOptions;
  /** Opens the persistent queue by name (default: IndexedDB). */
  openStore?: (name: string) => Promise<QueueStore>;
  /** Jitter source (default `Math.random`). */
  random?: () => number;
}

/** An event this tab holds: queued here, or taken from the shared queue. */
interface Held {
  record: StoredEvent;
  /** Whether the store has it yet (events are written in batches, just after they are queued). */
  written: boolean;
}

/**
 * The default transport: a persisted, batched, retried queue between the provider and the sink.
 *
 * - Each event is written to IndexedDB in a batch right after it is queued (off the emit call, before any
 *   send) and deleted once the sink accepts it; a later load sends what is left.
 * - Batches leave when `batchSize` events wait, after `batchDelayMs`, on `flush()`, and when the page is hidden
 *   or left (then with `keepalive`, in chunks under 64 KiB).
 * - Failures back off exponentially with jitter up to `backoffMaxMs`, never sooner than a `Retry-After`; an
 *   event keeps its id on every try. Events refused for good are reported (`rejected`), and so are events
 *   still failing after `maxAttempts` (`gave-up`).
 * - Tabs take batches from the shared queue in IndexedDB transactions, and see which tabs are alive through
 *   Web Locks, so no two live tabs send the same event.
 *
 * @example
 * ```ts
 * const client = createFeedbackClient({
 *   sink: httpSink({ url: "/api/feedback" }),
 *   delivery: { batchSize: 50 },
 * });
 * ```
 */
export function deliveryQueue(config: DeliveryQueueConfig): Transport {
  const { getSink, report } = config;
  const random = config.random ?? Math.random;
  const options: ResolvedDeliveryOptions = resolveDeliveryOptions(config.options, getSink());
  // A hold outlives any request (which is aborted at requestTimeoutMs), so no tab takes what is in flight.
  const leaseMs = options.requestTimeoutMs * 3;
  const caps = { maxEvents: options.maxQueuedEvents, maxBytes: options.maxQueuedBytes };

  let store: QueueStore = memoryStore();
  let storeChain: Promise<unknown> = Promise.resolve();
  let storageReported = false;
  let presence: TabPresence | undefined;

  /** Queued here and not yet written. */
  let buffer: StoredEvent[] = [];
  let persistScheduled = false;
  const held = new Map<string, Held>();
  const inFlight = new Set<string>();
  /** Queued through this transport and not yet settled: what `flush()` waits for. */
  const unsettled = new Set<string>();
  const settleListeners = new Set<() => void>();

  let failures = 0;
  let pausedUntil = 0;
  let draining: Promise<void> | undefined;
  let drainAgain = false;
  let drainAll = false;
  let batchTimer: ReturnType<typeof setTimeout> | undefined;
  let batchMicrotask = false;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;
  let started = false;
  let storageOpened = false;
  let stopListening: (() => void) | undefined;

  // ─── Storage ────────────────────────────────────────────────────────────────────────────────────────────

  const fallBackToMemory = (cause: unknown) => {
    const previous = store;
    const memory = memoryStore();
    const written = [...held.values()].filter((item) => item.written).map((item) => item.record);
    if (written.length > 0) void memory.add(written, caps);
    store = memory;
    if (previous.kind === "indexeddb") {
      try {
        previous.close();
      } catch {
        // Already closed.
      }
    }
    if (!storageReported) {
      storageReported = true;
      report(
        "storage",
        `IndexedDB is unavailable (${cause instanceof Error ? cause.message : String(cause)}); feedback events wait in memory, so a reload before they are sent loses them`,
        { cause },
      );
    }
  };

  /** Runs store operations one after another; a storage failure switches to memory and runs the step there. */
  const withStore = <T>(step: (current: QueueStore) => Promise<T>): Promise<T> => {
    const run = storeChain.then(async () => {
      try {
        return await step(store);
      } catch (cause) {
        if (store.kind === "memory") throw cause;
        fallBackToMemory(cause);
        return step(store);
      }
    });
    storeChain = run.catch(() => undefined);
    return run;
  };

  const openStorage = () => {
    if (!options.storage || storageOpened) return;
    storageOpened = true;
    const open = config.openStore ?? ((name: string) => openIndexedDbStore(name));
    const ready = presence?.ready ?? Promise.resolve();
    storeChain = storeChain.then(async () => {
      try {
        const opened = await open(`react-feedback-loop:${options.queueName}`);
        await ready;
        // Events queued while the database opened are in the memory store: move them over.
        const early = [...held.values()].filter((item) => item.written).map((item) => item.record);
        if (early.length > 0) await opened.add(early, caps);
        store = opened;
      } catch (cause) {
        fallBackToMemory(cause);
      }
    });
  };

  // ─── Settling ───────────────────────────────────────────────────────────────────────────────────────────

  const settle = (ids: Iterable<string>) => {
    for (const id of ids) {
      held.delete(id);
      inFlight.delete(id);
      unsettled.delete(id);
    }
    for (const listener of [...settleListeners]) listener();
  };

  /** Forgets what this tab holds in IndexedDB: once it stops being seen as alive, any tab may take those. */
  const forgetHeld = () => {
    if (store.kind !== "indexeddb") return;
    for (const [id, item] of held) {
      if (item.written && !inFlight.has(id)) held.delete(id);
    }
  };

  // ─── Writing ────────────────────────────────────────────────────────────────────────────────────────────

  const persist = (): Promise<unknown> => {
    persistScheduled = false;
    if (buffer.length === 0) return storeChain;
    const records = buffer;
    buffer = [];
    const now = Date.now();
    const owner = presence?.id ?? "";
    for (const record of records) {
      record.bytes = eventBytes(record.event);
      record.owner = owner;
      record.leaseUntil = now + leaseMs;
    }
    return withStore((current) => current.add(records, caps)).then(
      (dropped) => {
        for (const record of records) {
          const item = held.get(record.id);
          if (item) item.written = true;
        }
        if (dropped.length > 0) {
          report(
            "dropped",
            `dropped ${dropped.length} waiting feedback event(s), oldest first, to stay within ${caps.maxEvents} events / ${caps.maxBytes} bytes`,
            { eventIds: dropped },
          );
          settle(dropped);
        }
      },
      (cause) => report("storage", `could not keep ${records.length} feedback event(s): ${String(cause)}`, { cause }),
    );
  };

  const schedulePersist = () => {
    if (persistScheduled) return;
    persistScheduled = true;
    queueMicrotask(() => void persist());
  };

  // ─── Sending ────────────────────────────────────────────────────────────────────────────────────────────

  /** Applies a sink's answer: deletes what is settled, backs off and writes back what must be tried again. */
  const applyResult = async (records: StoredEvent[], result: SendResult, thrown: unknown, keepalive: boolean) => {
    const sink = getSink();
    const accepted = new Set(result.accepted);
    const rejected = new Map(result.rejected.map((item) => [item.id, item.reason]));
    const done: string[] = [];
    const refused: string[] = [];
    const gaveUp: string[] = [];
    const retried: StoredEvent[] = [];
    for (const record of records) {
      if (accepted.has(record.id)) done.push(record.id);
      else if (rejected.has(record.id)) refused.push(record.id);
      else if (keepalive && thrown !== undefined) {
        // The browser refused the page-exit request (quota, or the page is going): not a try; it stays stored.
        inFlight.delete(record.id);
      } else if (record.attempts + 1 >= options.maxAttempts) gaveUp.push(record.id);
      else retried.push(record);
    }
    const why = thrown !== undefined ? String(thrown) : (result.reason ?? "the sink asked to retry");
    if (refused.length > 0) {
      report(
        "rejected",
        `${sink.name} refused ${refused.length} event(s) for good: ${rejected.get(refused[0] as string)}`,
        {
          eventIds: refused,
        },
      );
    }
    if (gaveUp.length > 0) {
      report("gave-up", `gave up on ${gaveUp.length} event(s) after ${options.maxAttempts} tries: ${why}`, {
        eventIds: gaveUp,
        cause: thrown,
      });
    }
    if (retried.length > 0 || gaveUp.length > 0) {
      failures++;
      const delay = retryDelayMs(
        failures,
        { baseMs: options.backoffBaseMs, maxMs: options.backoffMaxMs },
        result.retryAfterMs,
        random,
      );
      pausedUntil = Math.max(pausedUntil, Date.now() + delay);
      if (failures === 1) {
        report("sink", `${sink.name} could not take ${retried.length + gaveUp.length} event(s) (${why}); retrying`, {
          eventIds: [...retried.map((record) => record.id), ...gaveUp],
          cause: thrown,
        });
      }
      for (const record of retried) {
        record.attempts++;
        record.notBefore = pausedUntil;
        record.leaseUntil = pausedUntil + leaseMs;
        inFlight.delete(record.id);
        held.set(record.id, { record, written: true });
      }
      armWake(pausedUntil);
    } else if (done.length > 0) {
      failures = 0;
    }
    const removed = [...done, ...refused, ...gaveUp];
    if (removed.length > 0) await withStore((current) => current.remove(removed)).catch(() => undefined);
    if (retried.length > 0) await withStore((current) => current.update(retried)).catch(() => undefined);
    settle(removed);
    return retried.length === 0 && gaveUp.length === 0;
  };

  /** Sends one batch and applies the answer. Resolves true when nothing has to be tried again. */
  const sendBatch = async (records: StoredEvent[], keepalive: boolean): Promise<boolean> => {
    const events: FeedbackEvent[] = records.map((record) => record.event);
    const controller = new AbortController();
    const timer = keepalive ? undefined : setTimeout(() => controller.abort(), options.requestTimeoutMs);
    let result: SendResult;
    let thrown: unknown;
    try {
      result = await getSink().send(events, { signal: controller.signal, keepalive });
    } catch (error) {
      thrown = error ?? new Error("the sink threw");
      result = { accepted: [], retry: events.map((event) => event.id), rejected: [] };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
    return applyResult(records, result, thrown, keepalive);
  };

  const waitingCount = () => held.size - inFlight.size;
  const chunkBytes = (chunk: readonly StoredEvent[]) => chunk.reduce((sum, record) => sum + record.bytes, 13);
  /** Page-exit chunks not started yet, and the bytes of those in flight. */
  const exitChunks: StoredEvent[][] = [];
  let exitBytesInFlight = 0;

  const drainOnce = async (all: boolean) => {
    await persist();
    while (started) {
      if (!isOnline()) return;
      const now = Date.now();
      if (now < pausedUntil) {
        armWake(pausedUntil);
        return;
      }
      if (!all && waitingCount() < options.batchSize) return;
      const liveOwners = await (presence?.liveTabs() ?? Promise.resolve(undefined));
      const takenAt = Date.now();
      const { records, nextAt, heldBy } = await withStore((current) =>
        current.take({
          owner: presence?.id ?? "",
          now: takenAt,
          leaseUntil: takenAt + leaseMs,
          // A batch leaves when batchSize events wait, but takes everything waiting then (as posthog-js and
          // Segment do): a burst or a backlog after an outage drains in a few requests, not hundreds.
          maxCount: Math.max(options.batchSize, REQUEST_MAX_EVENTS),
          maxBytes: options.batchBytes,
          skip: inFlight,
          liveOwners,
        }),
      );
      watchOtherTabs(heldBy);
      // A page-exit send may have started on some of these while the take ran: those are not sent twice.
      const batch = records.filter((record) => !inFlight.has(record.id));
      if (batch.length === 0) {
        if (nextAt !== undefined) armWake(nextAt);
        return;
      }
      for (const record of batch) {
        inFlight.add(record.id);
        held.set(record.id, { record, written: true });
      }
      const ok = await sendBatch(batch, false);
      if (!ok) return;
    }
  };

  /** Tabs whose end this tab waits for, to take over what they hold. */
  const watched = new Set<string>();
  const watchOtherTabs = (owners: readonly string[]) => {
    for (const owner of owners) {
      if (watched.has(owner) || !presence) continue;
      watched.add(owner);
      void presence.whenGone(owner).then(() => {
        watched.delete(owner);
        requestDrain(true);
      });
    }
  };

  /** Runs the send loop; `all` sends partial batches too (timer, flush, online), otherwise only full ones. */
  const requestDrain = (all: boolean) => {
    if (!started) return;
    if (all) drainAll = true;
    if (draining) {
      drainAgain = true;
      return;
    }
    // Started in a microtask, so the emit that filled a batch returns before any batch work.
    draining = Promise.resolve()
      .then(async () => {
        do {
          drainAgain = false;
          const sendAll = drainAll;
          drainAll = false;
          try {
            await drainOnce(sendAll);
          } catch (cause) {
            report("sink", `feedback delivery stopped on an unexpected error: ${String(cause)}`, { cause });
          }
        } while (drainAgain && started);
      })
      .finally(() => {
        draining = undefined;
      });
  };

  const armBatchTimer = () => {
    if (options.batchDelayMs === 0) {
      if (batchMicrotask) return;
      batchMicrotask = true;
      queueMicrotask(() => {
        batchMicrotask = false;
        requestDrain(true);
      });
      return;
    }
    if (batchTimer !== undefined) return;
    batchTimer = setTimeout(() => {
      batchTimer = undefined;
      requestDrain(true);
    }, options.batchDelayMs);
  };

  function armWake(at: number) {
    if (!started || at >= wakeAt) return;
    if (wakeTimer !== undefined) clearTimeout(wakeTimer);
    wakeAt = at;
    wakeTimer = setTimeout(
      () => {
        wakeTimer = undefined;
        wakeAt = Number.POSITIVE_INFINITY;
        requestDrain(true);
      },
      Math.max(0, at - Date.now()),
    );
  }

  // ─── Leaving the page ───────────────────────────────────────────────────────────────────────────────────

  /** Sends what this tab holds with keepalive, in chunks under 64 KiB, right now: the page may be going. */
  const sendOnExit = () => {
    if (!started) return;
    void persist();
    // Offline, or backing off from a failing endpoint: a request now would likely fail, or land after another
    // tab (or the next load) has sent the same events. They stay stored instead.
    if (!isOnline() || Date.now() < pausedUntil) return;
    const now = Date.now();
    const leaving: StoredEvent[] = [];
    for (const [id, item] of held) {
      if (inFlight.has(id)) continue;
      // Only events this tab surely still holds: a lapsed hold may have been taken by another tab.
      if (item.written && item.record.leaseUntil - now <= options.requestTimeoutMs) continue;
      leaving.push(item.record);
    }
    for (const chunk of splitIntoBatches(leaving, { maxCount: options.batchSize, maxBytes: EXIT_CHUNK_BYTES })) {
      for (const record of chunk) inFlight.add(record.id);
      exitChunks.push(chunk);
    }
    pumpExitChunks();
  };

  /** Starts waiting page-exit chunks while they fit in the keepalive quota together with those in flight. */
  function pumpExitChunks() {
    while (exitChunks.length > 0) {
      if (!presence && store.kind === "indexeddb") {
        // This tab has let go of its events (back/forward cache): another tab may be sending them now.
        for (const chunk of exitChunks.splice(0)) for (const record of chunk) inFlight.delete(record.id);
        return;
      }
      const chunk = exitChunks[0] as StoredEvent[];
      const bytes = chunkBytes(chunk);
      if (exitBytesInFlight > 0 && exitBytesInFlight + bytes > EXIT_CHUNK_BYTES) return;
      exitChunks.shift();
      exitBytesInFlight += bytes;
      void sendBatch(chunk, true).then((ok) => {
        exitBytesInFlight -= bytes;
        pumpExitChunks();
        if (!ok || waitingCount() > 0) armBatchTimer();
      });
    }
  }

  const leaveTabs = () => {
    presence?.leave();
    presence = undefined;
    forgetHeld();
  };

  /** Ends this tab's holds in the store, so another tab (or the next start) may take those events at once. */
  const releaseHolds = () => {
    if (store.kind !== "indexeddb") return;
    const now = Date.now();
    const released = [...held.values()]
      .filter((item) => !inFlight.has(item.record.id))
      .map((item) => ({ ...item.record, leaseUntil: now }));
    // Queued after the pending writes, so it also reaches events still being written.
    if (released.length > 0) void withStore((current) => current.update(released)).catch(() => undefined);
  };

  // ─── Lifecycle ──────────────────────────────────────────────────────────────────────────────────────────

  const start = () => {
    if (started) return;
    started = true;
    // Only a stored queue is shared with other tabs; a queue in memory has nobody to tell it is alive.
    if (options.storage) presence = joinTabs();
    openStorage();
    const stopExit = watchPageExit({
      onExit: (_reason, cached) => {
        sendOnExit();
        // Frozen in the back/forward cache, this tab cannot send: let the other tabs take over what it holds.
        // A discarded page keeps its lock until the browser tears it down, so no tab takes what it is still
        // sending on its way out.
        if (cached) leaveTabs();
      },
      onReturn: () => {
        if (options.storage) presence = joinTabs();
        requestDrain(true);
      },
    });
    const stopOnline = watchOnline(() => requestDrain(true));
    stopListening = () => {
      stopExit();
      stopOnline();
    };
    // What an earlier page (or a closed tab) left behind goes now.
    requestDrain(true);
  };

  const close = () => {
    if (!started) return;
    started = false;
    stopListening?.();
    stopListening = undefined;
    if (batchTimer !== undefined) clearTimeout(batchTimer);
    if (wakeTimer !== undefined) clearTimeout(wakeTimer);
    batchTimer = undefined;
    wakeTimer = undefined;
    wakeAt = Number.POSITIVE_INFINITY;
    void persist();
    releaseHolds();
    // The store stays open: sends still in flight settle into it, and a restart (React's StrictMode mounts
    // twice) goes on with it.
    leaveTabs();
  };

  return {
    start,
    enqueue(event) {
      try {
        start();
        const record: StoredEvent = {
          id: event.id,
          event,
          bytes: 0,
          attempts: 0,
          notBefore: 0,
          owner: "",
          leaseUntil: 0,
        };
        buffer.push(record);
        held.set(event.id, { record, written: false });
        unsettled.add(event.id);
        schedulePersist();
        if (waitingCount() >= options.batchSize) requestDrain(false);
        armBatchTimer();
      } catch (cause) {
        report("sink", `could not queue event ${event.id}: ${String(cause)}`, { eventIds: [event.id], cause });
      }
    },
    async flush() {
      try {
        start();
        const waitingFor = new Set(unsettled);
        requestDrain(true);
        while (waitingFor.size > 0) {
          for (const id of waitingFor) if (!unsettled.has(id)) waitingFor.delete(id);
          if (waitingFor.size === 0) return;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, FLUSH_POLL_MS);
            function done() {
              clearTimeout(timer);
              settleListeners.delete(done);
              resolve();
            }
            settleListeners.add(done);
          });
          // Another tab may have taken and delivered (or a cap dropped) some of ours: the store knows.
          const unknown = [...waitingFor].filter((id) => unsettled.has(id) && !inFlight.has(id));
          if (unknown.length > 0 && store.kind === "indexeddb") {
            const present = await withStore((current) => current.has(unknown)).catch(() => new Set(unknown));
            const gone = unknown.filter((id) => !present.has(id) && held.get(id)?.written !== false);
            if (gone.length > 0) settle(gone);
          }
          if (!draining) requestDrain(true);
        }
      } catch (cause) {
        report("sink", `flush stopped on an unexpected error: ${String(cause)}`, { cause });
      }
    },
    close,
  };
}
