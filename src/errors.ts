/**
 * What went wrong, for the provider's `onError`. Feedback failures are reported here and never thrown into the
 * app; only programming errors (a hook outside its provider) throw.
 *
 * - `invalid-event`: the event broke the contract and was not sent; `field` names the offending field.
 * - `sink`: the sink threw, rejected or answered with retryable failures.
 * - `rejected`: the sink refused events for good (a 4xx, a vendor validation error).
 * - `gave-up`: events were retried up to the limit and dropped.
 * - `dropped`: events were dropped to stay within a cap (queue size, storage quota).
 * - `storage`: persistent storage is missing, blocked or full; delivery went on in memory.
 * - `config`: the app configured something the kit cannot use (e.g. unknown reason keys).
 */
export type FeedbackErrorKind = "invalid-event" | "sink" | "rejected" | "gave-up" | "dropped" | "storage" | "config";

/**
 * An error reported through `FeedbackProvider`'s `onError`.
 *
 * @example
 * ```tsx
 * <FeedbackProvider sink={sink} onError={(error) => {
 *   if (error.kind === "invalid-event") console.warn(`feedback: bad ${error.field}`);
 * }}>
 * ```
 */
export class FeedbackError extends Error {
  override readonly name = "FeedbackError";
  readonly kind: FeedbackErrorKind;
  /** The offending field, for `invalid-event` (a path such as `"stats.similarity"`). */
  readonly field?: string;
  /** Ids of the events concerned, when known. */
  readonly eventIds?: readonly string[];

  constructor(
    kind: FeedbackErrorKind,
    message: string,
    details: { field?: string; eventIds?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.field !== undefined) this.field = details.field;
    if (details.eventIds !== undefined) this.eventIds = details.eventIds;
  }
}
