import type { FeedbackEvent } from "../events/types";
import { acceptAll, type FeedbackSink } from "./types";

/** A sink that keeps events in memory and tells subscribers when they change. */
export interface MemorySink extends FeedbackSink {
  /** Every event received so far, oldest first. A new array after each change. */
  readonly events: readonly FeedbackEvent[];
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current events; stable between changes (fits `useSyncExternalStore`). */
  getSnapshot(): readonly FeedbackEvent[];
  /** Forgets every event. */
  clear(): void;
}

/**
 * Keeps events in memory: for tests, Storybook and trying the kit without a backend.
 *
 * @example
 * ```tsx
 * const sink = memorySink();
 * sink.subscribe(() => console.log(sink.events.at(-1)));
 * <FeedbackProvider sink={sink}>...</FeedbackProvider>
 * ```
 */
export function memorySink(name = "memory"): MemorySink {
  let events: readonly FeedbackEvent[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    name,
    // Nothing can be lost between the page and its own memory: no queue, no storage.
    delivery: "in-page",
    get events() {
      return events;
    },
    async send(batch) {
      events = [...events, ...batch];
      notify();
      return acceptAll(batch);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => events,
    clear() {
      events = [];
      notify();
    },
  };
}
