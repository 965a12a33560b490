import type { FeedbackEvent } from "../events/types";

/** One waiting event as the queue keeps it (in IndexedDB or in memory). */
export interface StoredEvent {
  /** The event's id: a UUID v7, so the key order is the emit order and the oldest come first. */
  id: string;
  event: FeedbackEvent;
  /** Size of the event's JSON (see `eventBytes`). */
  bytes: number;
  /** Tries that failed so far, counted across reloads. */
  attempts: number;
  /** No try before this time (epoch ms): backoff and `Retry-After`. */
  notBefore: number;
  /** The tab that holds the event: the one that queued it or last took it. */
  owner: string;
  /** Until then (epoch ms) only the owner may take the event; after it, any tab may. */
  leaseUntil: number;
}

/** What a tab asks for when it takes a batch. */
export interface TakeRequest {
  /** The taking tab. */
  owner: string;
  now: number;
  /** The hold written on every taken event. */
  leaseUntil: number;
  maxCount: number;
  maxBytes: number;
  /** Ids this tab is sending already (page exit): never taken twice. */
  skip: ReadonlySet<string>;
  /** Tabs known to be alive (Web Locks); an event held by a tab not in it is free. Undefined when unknown. */
  liveOwners: ReadonlySet<string> | undefined;
}

/** What a take returns: the events now held by the taker, and when something else may become takeable. */
export interface TakeResult {
  records: StoredEvent[];
  /** Earliest time (epoch ms) an event left behind becomes due or free; undefined when none is left behind. */
  nextAt: number | undefined;
  /** Other live tabs that hold events left behind: when one closes, its events are free. */
  heldBy: string[];
}

/** The caps on what waits (see `DeliveryOptions.maxQueuedEvents`, `maxQueuedBytes`). */
export interface QueueCaps {
  maxEvents: number;
  maxBytes: number;
}

/**
 * Where waiting events are kept. Every method is atomic: in IndexedDB one transaction, which is what lets
 * several tabs take from one queue without ever taking the same event twice.
 */
export interface QueueStore {
  readonly kind: "indexeddb" | "memory";
  /** Adds events, then drops the oldest beyond the caps. Returns the ids dropped. */
  add(records: readonly StoredEvent[], caps: QueueCaps): Promise<string[]>;
  /** Takes the oldest due, takeable events up to the request's limits and marks them held by the taker. */
  take(request: TakeRequest): Promise<TakeResult>;
  /** Writes back events after a failed try (attempts, notBefore, lease). Events gone meanwhile stay gone. */
  update(records: readonly StoredEvent[]): Promise<void>;
  /** Deletes events for good (accepted, rejected, given up on). */
  remove(ids: readonly string[]): Promise<void>;
  /** Which of `ids` are still waiting. */
  has(ids: readonly string[]): Promise<Set<string>>;
  close(): void;
}

/** Whether a tab may take this event now (it is due, and it is the tab's own or nobody else's). */
export function isTakeable(record: StoredEvent, request: TakeRequest): boolean {
  if (record.notBefore > request.now || request.skip.has(record.id)) return false;
  if (record.owner === request.owner) return true;
  if (record.leaseUntil <= request.now) return true;
  return request.liveOwners !== undefined && !request.liveOwners.has(record.owner);
}

/** When an event that cannot be taken now may become takeable. */
export function takeableAt(record: StoredEvent, request: TakeRequest): number {
  if (record.owner === request.owner) return record.notBefore;
  if (request.liveOwners !== undefined && !request.liveOwners.has(record.owner)) return record.notBefore;
  return Math.max(record.notBefore, record.leaseUntil);
}

/** Whether an event is left behind because another live tab holds it (then its end is worth watching). */
export function isHeldByOtherLiveTab(record: StoredEvent, request: TakeRequest): boolean {
  return (
    record.owner !== request.owner && record.leaseUntil > request.now && request.liveOwners?.has(record.owner) === true
  );
}

/**
 * Ids to drop, oldest first, so that what stays fits the caps. `records` is in key order (oldest first) and
 * `totals` counts all of them.
 */
export function overCaps(
  records: Iterable<Pick<StoredEvent, "id" | "bytes">>,
  totals: { count: number; bytes: number },
  caps: QueueCaps,
): string[] {
  const dropped: string[] = [];
  let { count, bytes } = totals;
  for (const record of records) {
    if (count <= caps.maxEvents && bytes <= caps.maxBytes) break;
    dropped.push(record.id);
    count--;
    bytes -= record.bytes;
  }
  return dropped;
}

/** A newly queued event, before its first write. */
export function newStoredEvent(event: FeedbackEvent): StoredEvent {
  return { id: event.id, event, bytes: 0, attempts: 0, notBefore: 0, owner: "", leaseUntil: 0 };
}
