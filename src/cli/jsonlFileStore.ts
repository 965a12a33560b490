import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { FeedbackEvent } from "../events/types";
import { validateEvent } from "../events/validate";
import { checkedSeal, removeCheckedSeal, writeCheckedSeal } from "./checkedSeal";
import type { EventStore } from "./eventStore";
import { type FileLock, takeFileLock } from "./fileLock";
import { idSet } from "./idSet";
import { eventLine, NOT_JSON, readJsonlEvents, readJsonlFile, TOO_LONG } from "./jsonlEvents";

// Small chunks at start-up: the collector runs for hours, and its peak memory is set by what start-up reads.
const START_CHUNK_BYTES = 64 * 1024;

export interface JsonlFileStoreOptions {
  /** Hears one line about a problem the store worked around (the file changed under it). */
  log?: (line: string) => void;
}

// A sentence for a file the collector cannot use, from the error that said so.
function cannotCollect(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? `the folder ${dirname(path)} does not exist`
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? `no permission to write there (${code})`
        : code === "EISDIR"
          ? "it is a folder"
          : (error as Error).message;
  return new Error(`Cannot collect into ${path}: ${reason}.`);
}

/**
 * Opens (or creates) a JSONL file as the collector's store: each new event appended as one line, each id once,
 * even across restarts.
 *
 * - One writer per file: `<file>.lock` holds the collector's pid; a second collector on the file fails at start,
 *   a lock whose process died is taken over.
 * - Start-up streams the file and keeps only the ids of its events, so its size is not bounded by memory.
 * - A batch is written whole or not at all: from one descriptor opened for appending, written until done and
 *   synced to disk before it is acknowledged; after a failed write (a full disk) the file is cut back to its
 *   last whole line, so the next batch never lands on a fragment.
 * - `<file>.checked` vouches that every line is a checked event with an id of its own while the file is as the
 *   collector left it, so an export need not validate or de-duplicate the events again.
 *
 * Fails with a sentence when the file cannot be written (a missing folder, no permission) or is in use.
 */
export async function jsonlFileStore(
  path: string,
  { log = () => {} }: JsonlFileStoreOptions = {},
): Promise<EventStore> {
  let lock: FileLock;
  try {
    lock = await takeFileLock(`${path}.lock`, path);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code ? cannotCollect(path, error) : error;
  }
  try {
    return await openLocked(path, lock, log);
  } catch (error) {
    await lock.release();
    throw (error as NodeJS.ErrnoException).code ? cannotCollect(path, error) : error;
  }
}

async function openLocked(path: string, lock: FileLock, log: (line: string) => void): Promise<EventStore> {
  // Read and append: writes always go to the end, reads say how the file ends.
  const handle = await open(path, "a+");
  try {
    return await withHandle(path, handle, lock, log);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function withHandle(
  path: string,
  handle: FileHandle,
  lock: FileLock,
  log: (line: string) => void,
): Promise<EventStore> {
  let stats = await handle.stat({ bigint: true });
  const ids = idSet();
  // A file the collector itself checked and left unchanged need not be validated again.
  let everyEventValid = true;
  let distinctIds = true;
  let wholeLines = true;
  for await (const batch of readJsonlEvents(
    readJsonlFile(path, Number(stats.size), START_CHUNK_BYTES),
    (await checkedSeal(path, stats)) !== undefined,
    (_line, reason) => {
      // A line cut short (by a crash) is no event: its event was never acknowledged and a retry stores it anew.
      // A JSON line that breaks the contract was written by someone else: the file can no longer be vouched for.
      if (reason === NOT_JSON || reason === TOO_LONG) wholeLines = false;
      else everyEventValid = false;
    },
  )) {
    for (const event of batch.events) {
      // An id twice: lines someone else wrote (this collector writes each id once).
      if (ids.has(event.id)) distinctIds = false;
      ids.add(event.id);
    }
  }
  let checked = everyEventValid && distinctIds;

  // The size of the file's whole lines: what a failed write is cut back to.
  let length = Number(stats.size);
  // A failed write left bytes past `length` that could not be cut off yet.
  let torn = false;

  async function endsWithNewline(size: number): Promise<boolean> {
    if (size === 0) return true;
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return bytesRead === 1 && buffer[0] === 0x0a;
  }

  async function writeWhole(bytes: Buffer): Promise<void> {
    let offset = 0;
    try {
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
        offset += bytesWritten;
      }
      await handle.datasync();
    } catch (error) {
      torn = true;
      await cutBack().catch(() => undefined);
      throw error;
    }
    length += bytes.length;
    // The bytes are stored whatever happens next: a failed stat only makes the next write see a changed file,
    // which withdraws the `.checked` record, never loses or repeats an event.
    stats = await handle.stat({ bigint: true }).catch(() => stats);
  }

  async function cutBack(): Promise<void> {
    await handle.truncate(length);
    torn = false;
    // Cutting back changes the modification time: this collector's own change, not another program's.
    stats = await handle.stat({ bigint: true });
  }

  // The record is a shortcut for readers: when it cannot be written, a stale one no longer matches the file,
  // and readers check every line.
  async function vouch(): Promise<void> {
    await (checked ? writeCheckedSeal(path, stats, { wholeLines }) : removeCheckedSeal(path)).catch(() => undefined);
  }

  // A crash mid-line leaves the last line without its newline: the next event starts on a line of its own.
  if (!(await endsWithNewline(length))) await writeWhole(Buffer.from("\n"));
  await vouch();

  // Before each write: the file must still be as this collector left it.
  async function prepare(): Promise<string> {
    if (torn) await cutBack();
    const now = await handle.stat({ bigint: true });
    if (now.size === stats.size && now.mtimeNs === stats.mtimeNs) return "";
    log(`${path} was changed by another program while collecting; its lines are no longer vouched for.`);
    checked = false;
    await removeCheckedSeal(path).catch(() => undefined);
    stats = now;
    length = Number(now.size);
    return (await endsWithNewline(length)) ? "" : "\n";
  }

  const listeners = new Set<(events: readonly FeedbackEvent[]) => void>();

  // Writes the events not stored yet as one whole write, synced before it resolves.
  async function store(events: readonly FeedbackEvent[]): Promise<void> {
    let text = "";
    const fresh = new Map<string, FeedbackEvent>();
    for (const event of events) {
      if (ids.has(event.id) || fresh.has(event.id)) continue;
      fresh.set(event.id, event);
      // The relay validated every event; checked again here (a few microseconds) so `.checked` stays true
      // whoever calls the store.
      if (checked && validateEvent(event)) checked = false;
      text += `${eventLine(event)}\n`;
    }
    if (fresh.size === 0) return;
    text = (await prepare()) + text;
    await writeWhole(Buffer.from(text, "utf8"));
    for (const id of fresh.keys()) ids.add(id);
    await vouch();
    const stored = [...fresh.values()];
    for (const listener of listeners) listener(stored);
  }

  // One write at a time, so lines never interleave and each id is written once. Batches that arrive while a
  // write and its sync run are written together next (group commit): one sync for all of them, so concurrent
  // requests do not queue behind one sync each. A failed write fails every batch of its group (all retried).
  let waiting: { events: readonly FeedbackEvent[]; done: (error?: unknown) => void }[] = [];
  let writing: Promise<void> | undefined;

  async function writeWaiting(): Promise<void> {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      const error = await store(group.flatMap((batch) => batch.events)).then(
        () => undefined,
        (failure: unknown) => failure ?? new Error("the write failed"),
      );
      for (const batch of group) batch.done(error);
    }
    writing = undefined;
  }

  function append(events: readonly FeedbackEvent[]): Promise<string[]> {
    return new Promise((resolve, reject) => {
      waiting.push({ events, done: (error) => (error ? reject(error) : resolve(events.map((event) => event.id))) });
      writing ??= writeWaiting();
    });
  }

  return {
    name: "jsonl-file",
    location: path,
    append,
    async send(events) {
      return { accepted: await append(events), retry: [], rejected: [] };
    },
    count: async () => ids.size,
    async watch(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      await writing;
      await handle.close();
      await lock.release();
    },
  };
}
