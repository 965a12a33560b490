import path from "node:path";
import type { FeedbackSink } from "../sinks/types";
import { postgresStore } from "../store/postgresStore";
import type { EventSource } from "./eventStore";
import { jsonlFileSource, jsonlStreamSource } from "./jsonlEvents";
import { jsonlFileSink } from "./jsonlFileSink";

// Where the CLI picks a store from what the user named: every command that reads events opens them here.

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** A store's name as shown in messages: a PostgreSQL URL without its password. */
export function storeName(name: string): string {
  if (!POSTGRES_URL.test(name)) return name;
  try {
    const url = new URL(name);
    if (url.password) url.password = "***";
    return url.href;
  } catch {
    return "the PostgreSQL URL";
  }
}

/** The source `export --in` and `push --in` read; without `--in`, standard input. */
export async function openSource(
  name: string | undefined,
  cwd: string,
  stdin: NodeJS.ReadableStream,
): Promise<EventSource> {
  if (name === undefined) {
    return Promise.resolve(jsonlStreamSource(stdin as AsyncIterable<Uint8Array | string>, "standard input"));
  }
  if (POSTGRES_URL.test(name)) {
    const store = postgresStore({ connectionString: name });
    await store.open();
    return store;
  }
  return jsonlFileSource(path.resolve(cwd, name));
}

/** What `serve --store` writes to: a PostgreSQL URL, or a JSONL file. */
export interface StoreSink {
  sink: FeedbackSink;
  location: string;
  count(): Promise<number>;
  close(): Promise<void>;
}

/** Opens the store `serve` writes to; throws a sentence (unreachable database, unreadable file) at start-up. */
export async function openSink(name: string, cwd: string): Promise<StoreSink> {
  if (POSTGRES_URL.test(name)) {
    const store = postgresStore({ connectionString: name });
    await store.open();
    return { sink: store, location: store.location, count: () => store.count(), close: () => store.close() };
  }
  const file = path.resolve(cwd, name);
  const sink = await jsonlFileSink(file);
  return { sink, location: file, count: async () => sink.count, close: async () => {} };
}
