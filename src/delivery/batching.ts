import type { FeedbackEvent } from "../events/types";

/** UTF-8 length of a string, without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes an event takes in a `{"events":[...]}` body (its JSON plus the separating comma). */
export function eventBytes(event: FeedbackEvent): number {
  return utf8Length(JSON.stringify(event)) + 1;
}

/** Most events one request carries, whatever waits: bounds the work a receiver does per request. */
export const REQUEST_MAX_EVENTS = 500;

/** Bytes of the `{"events":[]}` wrapper around a batch. */
export const BATCH_OVERHEAD_BYTES = 13;

/**
 * Splits items, in order, into groups of at most `maxCount` items and `maxBytes` bytes (wrapper included). An
 * item bigger than `maxBytes` on its own forms a group alone, so nothing is ever left out.
 *
 * @example
 * ```ts
 * splitIntoBatches(records, { maxCount: 20, maxBytes: 60 * 1024 });
 * ```
 */
export function splitIntoBatches<T extends { bytes: number }>(
  items: readonly T[],
  limits: { maxCount: number; maxBytes: number },
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = BATCH_OVERHEAD_BYTES;
  for (const item of items) {
    if (current.length > 0 && (current.length >= limits.maxCount || size + item.bytes > limits.maxBytes)) {
      batches.push(current);
      current = [];
      size = BATCH_OVERHEAD_BYTES;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
