import { once } from "node:events";

// About a megabyte per write: each write costs a trip through the stream, whatever its size.
const WRITE_BYTES = 1 << 20;

/**
 * Writes an export's rows to `stream` about a megabyte at a time. The rows wait in a buffer outside the
 * JavaScript heap: text gathered in a string would live through several young-generation collections, each
 * copying it, and then be moved to the old generation only to die there.
 *
 * @example
 * ```ts
 * const rows = rowWriter(process.stdout);
 * rows.add('{"chosen":"a","rejected":"b"}\n');
 * await rows.drained(); // between batches: waits only if the stream asked to
 * await rows.flush(); // at the end: writes what is left
 * ```
 */
export function rowWriter(stream: NodeJS.WritableStream) {
  let buffer = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  // The stream asked to wait before more is written.
  let full = false;

  function send() {
    if (used === 0) return;
    // The stream keeps the bytes it was given until written: the next rows go to a new buffer.
    if (!stream.write(buffer.subarray(0, used))) full = true;
    buffer = Buffer.allocUnsafe(WRITE_BYTES);
    used = 0;
  }

  return {
    /** Adds `text`; written once a megabyte has gathered, or at `flush`. */
    add(text: string): void {
      // UTF-8 takes at most three bytes per UTF-16 unit: a text that might not fit goes after a send.
      if (text.length * 3 > buffer.length - used) {
        send();
        if (text.length * 3 > buffer.length) {
          if (!stream.write(text)) full = true;
          return;
        }
      }
      used += buffer.write(text, used);
    },
    /** Waits while the stream holds more than it wants (call it between batches). */
    async drained(): Promise<void> {
      if (!full) return;
      full = false;
      await once(stream, "drain");
    },
    /** Sends what has gathered, and waits until the stream wants more. */
    async flush(): Promise<void> {
      send();
      await this.drained();
    },
  };
}
