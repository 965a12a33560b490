import type { FeedbackErrorKind } from "../errors";
import type { FeedbackEvent } from "../events/types";

/**
 * The one path from the provider to a sink. The provider hands every finished, redacted, valid event to a
 * transport; the transport decides when and how it reaches the sink.
 */
export interface Transport {
  /** Takes an event for delivery. Never throws. */
  enqueue(event: FeedbackEvent): void;
  /** Resolves when everything enqueued so far has been accepted or given up on. Never rejects. */
  flush(): Promise<void>;
  /**
   * Starts timers and listeners and sends what an earlier page left behind. The provider calls it when it
   * mounts; `enqueue` and `flush` start the transport too, so calling it is optional.
   */
  start?(): void;
  /** Stops timers and listeners; pending events stay where the transport keeps them. */
  close(): void;
}

/** How a transport tells the provider about failures (the provider turns them into `FeedbackError`s). */
export type ReportError = (
  kind: FeedbackErrorKind,
  message: string,
  details?: { field?: string; eventIds?: readonly string[]; cause?: unknown },
) => void;
