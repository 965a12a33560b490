import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FeedbackEvent } from "../events/types";
import { validateEvent } from "../events/validate";
import type { EventBatch, EventSource } from "./eventStore";
import { LINE_TOO_LONG, readLines } from "./readLines";

/**
 * The events of a JSONL stream, one batch per chunk read. Lines that are no event are told to `onInvalid` with
 * their line number; blank lines are skipped silently.
 */
export async function* readJsonlEvents(
  input: AsyncIterable<Uint8Array | string>,
  onInvalid: (line: number, reason: string) => void,
): AsyncGenerator<EventBatch> {
  let records = 0;
  for await (const { lines, bytesRead } of readLines(input)) {
    const events: FeedbackEvent[] = [];
    for (const line of lines) {
      records++;
      if (line === LINE_TOO_LONG) {
        onInvalid(records, "longer than any event of the contract");
        continue;
      }
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        // Blank lines are no events and no errors either.
        if (line.trim().length > 0) onInvalid(records, "not JSON");
        continue;
      }
      const problem = validateEvent(event);
      if (problem) {
        onInvalid(records, problem.message);
        continue;
      }
      events.push(event as FeedbackEvent);
    }
    yield { events, records, bytesRead };
  }
}

/** A JSONL file as a source; throws a sentence ("no such file", "not a file") when it cannot be read. */
export async function jsonlFileSource(path: string): Promise<EventSource> {
  let size: number;
  try {
    const file = await stat(path);
    if (!file.isFile()) throw new Error("not a file");
    size = file.size;
  } catch (error) {
    throw new Error((error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message);
  }
  return {
    location: path,
    totalBytes: size,
    // Bytes, not text: readLines copies ASCII chunks as they are, far cheaper than decoding UTF-8.
    read: (onInvalid) => readJsonlEvents(createReadStream(path, { highWaterMark: 1024 * 1024 }), onInvalid),
  };
}

/** A JSONL stream (standard input) as a source. */
export function jsonlStreamSource(input: AsyncIterable<Uint8Array | string>, location: string): EventSource {
  return { location, read: (onInvalid) => readJsonlEvents(input, onInvalid) };
}
