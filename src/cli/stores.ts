import path from "node:path";
import type { EventSource } from "./eventStore";
import { jsonlFileSource, jsonlStreamSource } from "./jsonlEvents";

// Where the CLI picks a store from what the user named: every command that reads events opens them here.

/** The source `export --in` and `push --in` read; without `--in`, standard input. */
export function openSource(name: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<EventSource> {
  if (name === undefined) {
    return Promise.resolve(jsonlStreamSource(stdin as AsyncIterable<Uint8Array | string>, "standard input"));
  }
  return jsonlFileSource(path.resolve(cwd, name));
}
