import { createReadStream } from "node:fs";
import { LINE_TOO_LONG, readLines } from "./readLines";

/** A line the store holds that is not an event at all (not JSON, cut off): counted, never shown. */
export const NOT_AN_EVENT = Symbol("not an event");

/**
 * Reads a collector's JSONL file as a stream of parsed lines: each line's JSON value, or `NOT_AN_EVENT` for a
 * line that is not JSON. Memory holds one chunk at a time; a missing file reads as empty.
 */
export async function* readJsonlEvents(path: string): AsyncGenerator<unknown> {
  const input = createReadStream(path, { highWaterMark: 1024 * 1024 });
  try {
    for await (const { lines } of readLines(input)) {
      for (const line of lines) {
        if (line === LINE_TOO_LONG) {
          yield NOT_AN_EVENT;
          continue;
        }
        if (line.length === 0) continue;
        try {
          yield JSON.parse(line);
        } catch {
          if (line.trim().length > 0) yield NOT_AN_EVENT;
        }
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  } finally {
    input.destroy();
  }
}
