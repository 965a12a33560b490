import { appendFile, readFile } from "node:fs/promises";
import type { FeedbackEvent } from "../events/types";
import { acceptAll, type FeedbackSink } from "../sinks/types";

/** A sink that appends events to a JSONL file, each event id once, even across restarts. */
export interface JsonlFileSink extends FeedbackSink {
  /** How many distinct events the file holds. */
  readonly count: number;
}

async function readExisting(path: string): Promise<{ ids: Set<string>; endsMidLine: boolean }> {
  const ids = new Set<string>();
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ids, endsMidLine: false };
    throw error;
  }
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const id = (JSON.parse(line) as { id?: unknown }).id;
      if (typeof id === "string") ids.add(id);
    } catch {
      // A line cut short by a crash: its event is not counted, so a retry of it is written again.
    }
  }
  return { ids, endsMidLine: text.length > 0 && !text.endsWith("\n") };
}

/**
 * Opens (or creates) a JSONL file and returns a sink that appends each new event as one line. The ids already
 * in the file are read first, so a retry after a restart is not written twice.
 */
export async function jsonlFileSink(
  path: string,
  /** Hears each event the first time it is written (never a retry's repeat): the dashboard adds it. */
  onStored?: (events: readonly FeedbackEvent[]) => void,
): Promise<JsonlFileSink> {
  const existing = await readExisting(path);
  const ids = existing.ids;
  // After a line cut short, the next event starts on a line of its own.
  let prefix = existing.endsMidLine ? "\n" : "";
  // Appends run one after another, so two requests never interleave their lines.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name: "jsonl-file",
    get count() {
      return ids.size;
    },
    async send(events) {
      const fresh: FeedbackEvent[] = [];
      for (const event of events) {
        if (ids.has(event.id) || fresh.some((other) => other.id === event.id)) continue;
        fresh.push(event);
      }
      const write = queue.then(async () => {
        const lines = fresh.filter((event) => !ids.has(event.id));
        if (lines.length === 0) return;
        await appendFile(path, prefix + lines.map((event) => `${JSON.stringify(event)}\n`).join(""), "utf8");
        prefix = "";
        for (const event of lines) ids.add(event.id);
        onStored?.(lines);
      });
      queue = write.catch(() => undefined);
      await write;
      return acceptAll(events);
    },
  };
}
