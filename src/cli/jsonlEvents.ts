import { type BigIntStats, createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import { validateEvent } from "../events/validate";
import { checkedSeal } from "./checkedSeal";
import type { EventBatch, EventSource } from "./eventStore";
import { LINE_TOO_LONG, readLines } from "./readLines";
import { wellFormedJson } from "./safeText";

/** Why a line that is not even JSON was skipped (a line cut short, a stray edit). */
export const NOT_JSON = "not JSON";
export const TOO_LONG = "longer than any event of the contract";

// Every line the collector writes starts with the event's type, so a reader that trusts the file can tell which
// events it needs from a line's first bytes, without parsing the others.
const TYPE_FIRST = '{"type":"';

/** One event as the collector writes it: its JSON on one line (valid UTF-8), `type` first. */
export function eventLine(event: FeedbackEvent): string {
  // Assigned onto an object that has `type` already: the key keeps its first place, its value is the event's.
  return wellFormedJson(Object.assign({ type: event.type }, event));
}

/**
 * The events of a JSONL stream, one batch per chunk read. Lines that are no event are told to `onInvalid` with
 * their line number; blank lines are skipped silently. `checked`: every line that is JSON is known to be an
 * event of the contract (the collector checked it), so it is not validated again. `keep`: given only for a file
 * the collector vouches holds whole lines and distinct ids, the types to parse; a line written type first with
 * any other type is counted in `leftOut` without being parsed.
 */
export async function* readJsonlEvents(
  input: AsyncIterable<Uint8Array | string>,
  checked: boolean,
  onInvalid: (line: number, reason: string) => void,
  keep?: ReadonlySet<FeedbackEventType>,
): AsyncGenerator<EventBatch> {
  // The opening of a kept line: the type closed by its quote, so "rating" never matches "ratings".
  const kept = keep ? [...keep].map((type) => `${TYPE_FIRST}${type}"`) : undefined;
  let records = 0;
  for await (const { lines, bytesRead } of readLines(input)) {
    const events: FeedbackEvent[] = [];
    let leftOut = 0;
    for (const line of lines) {
      records++;
      if (line === LINE_TOO_LONG) {
        onInvalid(records, TOO_LONG);
        continue;
      }
      if (kept !== undefined && line.startsWith(TYPE_FIRST) && !startsWithAny(line, kept)) {
        leftOut++;
        continue;
      }
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        if (line.trim().length > 0) onInvalid(records, NOT_JSON);
        continue;
      }
      if (!checked) {
        const problem = validateEvent(event);
        if (problem) {
          onInvalid(records, problem.message);
          continue;
        }
      }
      events.push(event as FeedbackEvent);
    }
    yield { events, records, bytesRead, leftOut };
  }
}

function startsWithAny(line: string, openings: readonly string[]): boolean {
  for (const opening of openings) if (line.startsWith(opening)) return true;
  return false;
}

/**
 * Reads a JSONL file as a stream, up to the size it had when opened (a collector may be appending to it), in
 * chunks of `chunkBytes`: large chunks read fastest, small ones keep the peak memory of a long-lived process low.
 */
export async function* readJsonlFile(path: string, size: number, chunkBytes = 1024 * 1024): AsyncGenerator<Uint8Array> {
  if (size === 0) return;
  // Bytes, not text: readLines copies ASCII chunks as they are, far cheaper than decoding UTF-8.
  yield* createReadStream(path, { start: 0, end: size - 1, highWaterMark: chunkBytes });
}

/**
 * A JSONL file as an export's source. A file the collector checked and nobody changed since (see
 * checkedSeal.ts) is not validated event by event again, holds distinct ids, and, when its lines are whole,
 * leaves out unparsed the events of types the reader does not use. `shownAs` names the file in error messages.
 */
export async function jsonlFileSource(path: string, shownAs = path): Promise<EventSource> {
  let stats: BigIntStats;
  try {
    stats = await stat(path, { bigint: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Cannot read ${shownAs}: ${code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
  if (!stats.isFile()) throw new Error(`Cannot read ${shownAs}: not a file.`);
  const checked = await checkedSeal(path, stats);
  const size = Number(stats.size);
  return {
    location: path,
    totalBytes: size,
    distinctIds: checked !== undefined,
    read: (onInvalid, types) =>
      readJsonlEvents(
        readJsonlFile(path, size),
        checked !== undefined,
        onInvalid,
        checked?.wholeLines ? types : undefined,
      ),
  };
}

/** A JSONL stream (standard input) as an export's source: every line is checked. */
export function jsonlStreamSource(input: AsyncIterable<Uint8Array | string>, location: string): EventSource {
  return { location, read: (onInvalid) => readJsonlEvents(input, false, onInvalid) };
}
