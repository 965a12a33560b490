import { BATCH_OVERHEAD_BYTES, splitIntoBatches } from "./batching";
import type { StoredEvent } from "./queueStore";

/**
 * Browsers allow 64 KiB of keepalive request bodies in flight per page, all requests together: page-exit
 * chunks stay under this, and the next chunk leaves when an earlier one has finished. The margin leaves room
 * for a sink whose wire format is a little bigger than our JSON.
 */
export const EXIT_CHUNK_BYTES = 60 * 1024;

/** Sends events with `keepalive` while the page may be going away, within the browser's keepalive quota. */
export interface ExitSender {
  /** Splits `records` into chunks under 64 KiB and starts them as the quota allows; they count as in flight. */
  send(records: readonly StoredEvent[], maxCount: number): void;
}

/**
 * The page-exit sender: the only requests that outlive a closing page are keepalive ones, and a browser refuses
 * them beyond 64 KiB in flight, so the chunks go one quota's worth at a time.
 *
 * @example
 * ```ts
 * const exit = exitSender({ inFlight, send: (chunk) => sendBatch(chunk, true), mayHold: () => true,
 *   afterChunk: (ok) => { if (!ok) retryLater(); } });
 * exit.send(waitingRecords, 20);
 * ```
 */
export function exitSender(options: {
  /** Ids being sent now; a chunk's ids are added when it is planned and removed when it is dropped. */
  inFlight: Set<string>;
  /** Sends one chunk with keepalive; resolves true when nothing has to be tried again. */
  send: (chunk: StoredEvent[]) => Promise<boolean>;
  /** False once this tab has let go of its stored events (back/forward cache): another tab may send them. */
  mayHold: () => boolean;
  afterChunk: (ok: boolean) => void;
}): ExitSender {
  const { inFlight, send, mayHold, afterChunk } = options;
  const waiting: StoredEvent[][] = [];
  let bytesInFlight = 0;

  const pump = () => {
    while (waiting.length > 0) {
      if (!mayHold()) {
        for (const chunk of waiting.splice(0)) for (const record of chunk) inFlight.delete(record.id);
        return;
      }
      const chunk = waiting[0] as StoredEvent[];
      const bytes = chunk.reduce((sum, record) => sum + record.bytes, BATCH_OVERHEAD_BYTES);
      if (bytesInFlight > 0 && bytesInFlight + bytes > EXIT_CHUNK_BYTES) return;
      waiting.shift();
      bytesInFlight += bytes;
      void send(chunk).then((ok) => {
        bytesInFlight -= bytes;
        pump();
        afterChunk(ok);
      });
    }
  };

  return {
    send(records, maxCount) {
      for (const chunk of splitIntoBatches(records, { maxCount, maxBytes: EXIT_CHUNK_BYTES })) {
        for (const record of chunk) inFlight.add(record.id);
        waiting.push(chunk);
      }
      pump();
    },
  };
}
