import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import type { FeedbackSink } from "../sinks/types";

/**
 * Where the collector keeps events: `serve` hands it each batch the relay accepted. Every store keeps each event
 * id once, however often it is sent, and answers only once the events are durably stored.
 */
export interface EventStore extends FeedbackSink {
  /** Where the events are, for messages: a file path, or a database URL without its password. */
  readonly location: string;
  /**
   * Stores the events not stored yet (each is valid against the contract: the relay checked it) and resolves
   * to the ids of the batch now stored, those already there included. Rejects when storing failed: nothing of
   * the batch may then be half-written.
   */
  append(events: readonly FeedbackEvent[]): Promise<string[]>;
  /** How many distinct events the store holds. */
  count(): Promise<number>;
  /**
   * Hears each event stored from now on, once: for a file, what this collector appends (it holds the file's
   * lock); for PostgreSQL, what any collector sharing the table inserts (a look a second, which reads back every
   * new row: start it only for someone who is watching). Resolves, once it listens, to the function that stops
   * it: every event stored after that is heard. Rejects when the store cannot be read.
   */
  watch(listener: (events: readonly FeedbackEvent[]) => void): Promise<() => void>;
  /** Lets go of the store (a file's lock, a database's connections). */
  close(): Promise<void>;
}

/** One batch of events read from a store, in stored order. */
export interface EventBatch {
  /** The events of the batch that satisfy the contract. */
  events: FeedbackEvent[];
  /** Records read so far (lines of a file, rows of a table), valid or not. */
  records: number;
  /** Bytes read so far, for a source that has bytes (a file). */
  bytesRead?: number;
  /**
   * Events of the batch left out unparsed because their type is not one the reader asked for (see
   * `EventSource.read`): counted here, not in `events`.
   */
  leftOut?: number;
}

/** What `export` reads events from. */
export interface EventSource {
  /** Where the events are, for messages. */
  readonly location: string;
  /** The size of what will be read, when known, for a progress line. */
  readonly totalBytes?: number;
  /** True when the source holds each event id once (the collector's stores): nothing to de-duplicate. */
  readonly distinctIds?: boolean;
  /**
   * The events, a batch at a time, in stored order. A record that is no event of the contract (a hand-edited
   * line, a line cut short) is skipped and told to `onInvalid` with its record number (1-based) and why.
   * `types`: the event types the reader uses; a source that can tell an event's type without parsing it may
   * leave the others out, counting them in `leftOut` (a source of distinct ids only, so that skipping them
   * changes no count but where they are counted).
   */
  read(
    onInvalid: (record: number, reason: string) => void,
    types?: ReadonlySet<FeedbackEventType>,
  ): AsyncIterable<EventBatch>;
}
