import type { StoredEvent } from "./queueStore";

/** What one tab's queue holds: events queued here or taken from the shared queue, until each is settled. */
export interface HeldEvents {
  /** Ids being sent now: never taken or sent a second time until their send settles. */
  readonly inFlight: Set<string>;
  /** Called after each settle (what a waiting `flush()` listens to). */
  readonly settleListeners: Set<() => void>;
  /**
   * An event emitted here: held and unsettled until accepted, refused, given up on or dropped. Returns true
   * when it is the first one waiting to be written (then a write is due).
   */
  queue(record: StoredEvent): boolean;
  /** Events the store has: taken from it, or written back after a failed try. */
  hold(records: readonly StoredEvent[]): void;
  /** Events queued here since the last call: those still to be written. */
  takeUnwritten(): StoredEvent[];
  markWritten(records: readonly StoredEvent[]): void;
  /** Forgets events for good, and wakes whoever waits for them. */
  settle(ids: Iterable<string>): void;
  /** How many held events are not in flight. */
  waitingCount(): number;
  /** Held events the store has (what moves when the store changes). */
  written(): StoredEvent[];
  /** Held events not in flight; `holdLeftMs` keeps only written ones whose hold lasts longer than it. */
  notInFlight(now?: number, holdLeftMs?: number): StoredEvent[];
  /** Unsettled ids, to wait for. */
  unsettledIds(): Set<string>;
  isSettled(id: string): boolean;
  /** Whether this tab wrote the event yet (undefined when it does not hold it). */
  isWritten(id: string): boolean | undefined;
  /** Lets go of written events not in flight: once this tab stops being seen as alive, any tab may take them. */
  forgetWritten(): void;
}

/**
 * The delivery queue's bookkeeping for one tab.
 *
 * @example
 * ```ts
 * const held = heldEvents();
 * held.queue(record);
 * held.settle([record.id]);
 * ```
 */
export function heldEvents(): HeldEvents {
  const held = new Map<string, { record: StoredEvent; written: boolean }>();
  const inFlight = new Set<string>();
  const unsettled = new Set<string>();
  const settleListeners = new Set<() => void>();
  let unwritten: StoredEvent[] = [];
  return {
    inFlight,
    settleListeners,
    queue(record) {
      unwritten.push(record);
      held.set(record.id, { record, written: false });
      unsettled.add(record.id);
      return unwritten.length === 1;
    },
    hold(records) {
      for (const record of records) held.set(record.id, { record, written: true });
    },
    takeUnwritten() {
      const records = unwritten;
      unwritten = [];
      return records;
    },
    markWritten(records) {
      for (const record of records) {
        const item = held.get(record.id);
        if (item) item.written = true;
      }
    },
    settle(ids) {
      for (const id of ids) {
        held.delete(id);
        inFlight.delete(id);
        unsettled.delete(id);
      }
      for (const listener of [...settleListeners]) listener();
    },
    waitingCount: () => held.size - inFlight.size,
    written: () => [...held.values()].filter((item) => item.written).map((item) => item.record),
    notInFlight(now = 0, holdLeftMs = Number.NEGATIVE_INFINITY) {
      return [...held.values()]
        .filter((item) => !inFlight.has(item.record.id))
        .filter((item) => !item.written || item.record.leaseUntil - now > holdLeftMs)
        .map((item) => item.record);
    },
    unsettledIds: () => new Set(unsettled),
    isSettled: (id) => !unsettled.has(id),
    isWritten: (id) => held.get(id)?.written,
    forgetWritten() {
      for (const [id, item] of held) if (item.written && !inFlight.has(id)) held.delete(id);
    },
  };
}
