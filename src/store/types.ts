import type { EventSource } from "../cli/eventStore";
import type { FeedbackSink } from "../sinks/types";

/**
 * Where collected events live: a sink the relay writes to (each event id once), and a source the exports read
 * back in the order the events arrived, in memory that does not grow with the store.
 */
export interface EventStore extends FeedbackSink, EventSource {
  /** Creates what the store needs and checks it can be reached: the clear error at start-up, if any. */
  open(): Promise<void>;
  /** How many events the store holds. */
  count(): Promise<number>;
  /** Lets go of connections and files. */
  close(): Promise<void>;
}
