import path from "node:path";
import type { EventSource, EventStore } from "./eventStore";
import { jsonlFileSource, jsonlStreamSource } from "./jsonlEvents";
import { jsonlFileStore } from "./jsonlFileStore";

// Where the CLI picks a store from what the user named: every command opens stores through these two.

/** The store `serve` appends to, from its `--file`; `log` hears one line per problem worked around. */
export function openStore(name: string, cwd: string, log: (line: string) => void): Promise<EventStore> {
  return jsonlFileStore(path.resolve(cwd, name), { log });
}

/** The source `export --in` reads; without `--in`, standard input. */
export function openSource(name: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<EventSource> {
  if (name === undefined) {
    return Promise.resolve(jsonlStreamSource(stdin as AsyncIterable<Uint8Array | string>, "standard input"));
  }
  return jsonlFileSource(path.resolve(cwd, name), name);
}
