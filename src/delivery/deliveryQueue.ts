import type { FeedbackEvent } from "../events/types";
import type { Transport, TransportContext } from "../sinks/types";
import { retryClock } from "./backoff";
import { REQUEST_MAX_EVENTS } from "./batching";
import { batchSender } from "./batchSender";
import { isOnline, watchOnline } from "./connectivity";
import { exitSender } from "./exitSender";
import { heldEvents } from "./heldEvents";
import { openIndexedDbStore } from "./indexedDbStore";
import { resolveDeliveryOptions } from "./options";
import { watchPageExit } from "./pageExit";
import { queueDatabaseName } from "./queueDatabase";
import { queueStorage } from "./queueStorage";
import { newStoredEvent, type QueueStore } from "./queueStore";
import { scheduler } from "./scheduler";
import { joinTabs, type TabPresence } from "./tabPresence";
import { waitForSettled } from "./waitForSettled";

/** What `deliveryQueue` needs; everything but the sink and the reporter has a default. */
export interface DeliveryQueueConfig extends TransportContext {
  /** Opens the persistent queue by name (default: IndexedDB). */
  openStore?: (name: string) => Promise<QueueStore>;
  /** Jitter source (default `Math.random`). */
  random?: () => number;
}

/**
 * The transport of every sink that crosses a network: a persisted, batched, retried queue between the provider
 * and the sink. The provider loads it on first use (see `lazyDeliveryQueue`).
 *
 * - Each event is written to IndexedDB right after it is queued (off the emit call, before any send) and
 *   deleted once the sink accepts it; a later load sends what is left.
 * - Batches leave when `batchSize` events wait, after `batchDelayMs`, on `flush()`, and when the page is hidden
 *   or left (then with `keepalive`, in chunks under 64 KiB).
 * - Failures back off exponentially with jitter up to `backoffMaxMs`, never sooner than a `Retry-After`; an
 *   event keeps its id on every try. Refusals (`rejected`), events out of tries (`gave-up`) and a sink that
 *   breaks the contract (once) are reported.
 * - Tabs take batches from the shared queue in IndexedDB transactions, and see which tabs are alive through
 *   Web Locks, so no two live tabs send the same event.
 *
 * @example
 * ```ts
 * const queue = deliveryQueue({ getSink: () => sink, report: (kind, message) => console.warn(kind, message) });
 * queue.enqueue(event);
 * await queue.flush();
 * ```
 */
export function deliveryQueue(config: DeliveryQueueConfig): Transport {
  const { getSink, report } = config;
  const options = resolveDeliveryOptions(config.options, getSink().name);
  // A hold outlives any request (which is aborted at requestTimeoutMs), so no tab takes what is in flight.
  const leaseMs = options.requestTimeoutMs * 3;
  const caps = { maxEvents: options.maxQueuedEvents, maxBytes: options.maxQueuedBytes };

  let presence: TabPresence | undefined;
  const held = heldEvents();
  const { inFlight } = held;
  const clock = retryClock({ baseMs: options.backoffBaseMs, maxMs: options.backoffMaxMs }, config.random);
  let storageOpened = false;
  let stopListening: (() => void) | undefined;

  const storage = queueStorage({ caps, report, written: held.written });
  const schedule = scheduler({
    drain: (all) => drainOnce(all),
    batchDelayMs: options.batchDelayMs,
    onError: (cause) => report("sink", `feedback delivery stopped on an unexpected error: ${String(cause)}`, { cause }),
  });
  const sendBatch = batchSender({
    ...config,
    options,
    held,
    storage,
    clock,
    leaseMs,
    wakeAt: (at) => schedule.wakeAt(at),
  });
  const exit = exitSender({
    inFlight,
    send: (chunk) => sendBatch(chunk, true),
    // Without a presence this tab has let go of its stored events: another tab may be sending them now.
    mayHold: () => presence !== undefined || storage.kind === "memory",
    afterChunk: (ok) => {
      if (!ok || held.waitingCount() > 0) schedule.armBatch();
    },
  });

  /** Writes what was queued since the last write; resolves once every store operation so far has run. */
  const persist = (): Promise<unknown> => {
    const records = held.takeUnwritten();
    if (records.length === 0) return storage.idle();
    return storage.write(records, { owner: presence?.id ?? "", leaseUntil: Date.now() + leaseMs }).then((dropped) => {
      if (!dropped) return;
      held.markWritten(records);
      if (dropped.length > 0) held.settle(dropped);
    });
  };

  const drainOnce = async (all: boolean) => {
    await persist();
    while (schedule.running && isOnline()) {
      if (Date.now() < clock.pausedUntil) return schedule.wakeAt(clock.pausedUntil);
      if (!all && held.waitingCount() < options.batchSize) return;
      const liveOwners = await presence?.liveTabs();
      const takenAt = Date.now();
      const { records, nextAt, heldBy } = await storage.run((store) =>
        store.take({
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
      presence?.watchGone(heldBy, () => schedule.request(true));
      // A page-exit send may have started on some of these while the take ran: those are not sent twice.
      const batch = records.filter((record) => !inFlight.has(record.id));
      if (batch.length === 0) return nextAt === undefined ? undefined : schedule.wakeAt(nextAt);
      for (const record of batch) inFlight.add(record.id);
      held.hold(batch);
      if (!(await sendBatch(batch, false))) return;
    }
  };

  /** Sends what this tab holds with keepalive, right now: the page may be going. */
  const sendOnExit = () => {
    void persist();
    // Offline, or backing off from a failing endpoint: a request now would likely fail, or land after another
    // tab (or the next load) has sent the same events. They stay stored instead.
    if (!schedule.running || !isOnline() || Date.now() < clock.pausedUntil) return;
    // Only events this tab surely still holds: a lapsed hold may have been taken by another tab.
    const leaving = held.notInFlight(Date.now(), options.requestTimeoutMs);
    exit.send(leaving, options.batchSize);
  };

  /** Leaves the tabs' roll call; what this tab holds in IndexedDB is then free for any tab to take. */
  const leaveTabs = () => {
    presence?.leave();
    presence = undefined;
    if (storage.kind === "indexeddb") held.forgetWritten();
  };

  const start = () => {
    if (schedule.running) return;
    schedule.start();
    // Only a stored queue is shared with other tabs; a queue in memory has nobody to tell it is alive.
    if (options.storage) presence = joinTabs();
    if (options.storage && !storageOpened) {
      storageOpened = true;
      const open = config.openStore ?? openIndexedDbStore;
      storage.open(() => open(queueDatabaseName(options.queueName)), presence?.ready ?? Promise.resolve());
    }
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
        schedule.request(true);
      },
    });
    const stopOnline = watchOnline(() => schedule.request(true));
    stopListening = () => {
      stopExit();
      stopOnline();
    };
    // What an earlier page (or a closed tab) left behind goes now.
    schedule.request(true);
  };

  const close = () => {
    if (!schedule.running) return;
    schedule.stop();
    stopListening?.();
    void persist();
    // Another tab (or the next start) may take what this tab held at once.
    storage.release(held.notInFlight());
    // The store stays open: sends still in flight settle into it, and a restart (React's StrictMode mounts
    // twice) goes on with it.
    leaveTabs();
  };

  return {
    start,
    enqueue(event: FeedbackEvent) {
      try {
        start();
        if (held.queue(newStoredEvent(event))) queueMicrotask(() => void persist());
        if (held.waitingCount() >= options.batchSize) schedule.request(false);
        schedule.armBatch();
      } catch (cause) {
        report("sink", `could not queue event ${event.id}: ${String(cause)}`, { eventIds: [event.id], cause });
      }
    },
    async flush() {
      try {
        start();
        schedule.request(true);
        await waitForSettled(held, storage, () => {
          if (!schedule.busy) schedule.request(true);
        });
      } catch (cause) {
        report("sink", `flush stopped on an unexpected error: ${String(cause)}`, { cause });
      }
    },
    close,
  };
}
