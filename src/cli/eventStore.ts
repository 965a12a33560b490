import type { FeedbackEvent } from "../events/types";

/** One batch of events read from a store, in stored order. */
export interface EventBatch {
  /** The events of the batch that satisfy the contract. */
  events: FeedbackEvent[];
  /** Records read so far (lines of a file, rows of a table), valid or not. */
  records: number;
  /** Bytes read so far, for a source that has bytes (a file). */
  bytesRead?: number;
}

/** What `export` and `push` read events from. */
export interface EventSource {
  /** Where the events are, for messages. */
  readonly location: string;
  /** The size of what will be read, when known, for a progress line. */
  readonly totalBytes?: number;
  /**
   * The events, a batch at a time, in stored order. A record that is no event of the contract (a hand-edited
   * line, a line cut short) is skipped and told to `onInvalid` with its record number (1-based) and why.
   */
  read(onInvalid: (record: number, reason: string) => void): AsyncIterable<EventBatch>;
}
