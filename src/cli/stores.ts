import path from "node:path";
import { postgresStore } from "../store/postgresStore";
import type { EventSource, EventStore } from "./eventStore";
import { jsonlFileSource, jsonlStreamSource } from "./jsonlEvents";
import { jsonlFileStore } from "./jsonlFileStore";

// Where the CLI picks a store from what the user named: every command opens stores through these two.

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/**
 * The store `serve` appends to, from its `--store` (a JSONL file or a postgres:// URL); `log` hears one line per
 * problem worked around. Throws a sentence when the store cannot be used (an unreachable database included).
 */
export async function openStore(name: string, cwd: string, log: (line: string) => void): Promise<EventStore> {
  if (POSTGRES_URL.test(name)) {
    const store = postgresStore({ connectionString: name });
    await store.open();
    return store;
  }
  return jsonlFileStore(path.resolve(cwd, name), { log });
}

/** The source `export --in` reads (a JSONL file or a postgres:// URL); without `--in`, standard input. */
export async function openSource(
  name: string | undefined,
  cwd: string,
  stdin: NodeJS.ReadableStream,
): Promise<EventSource> {
  if (name === undefined) {
    return jsonlStreamSource(stdin as AsyncIterable<Uint8Array | string>, "standard input");
  }
  if (POSTGRES_URL.test(name)) {
    const store = postgresStore({ connectionString: name });
    await store.open();
    return store;
  }
  return jsonlFileSource(path.resolve(cwd, name), name);
}

/**
 * The store `serve` writes, as a source to read back as it is now: PostgreSQL in one snapshot, a file up to the
 * size it has at this moment (the collector goes on appending).
 */
export function sourceOf(store: EventStore): Promise<EventSource> {
  return "read" in store ? Promise.resolve(store as EventStore & EventSource) : jsonlFileSource(store.location);
}
