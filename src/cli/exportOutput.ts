import { createWriteStream, fstat as fstatCallback, type Stats } from "node:fs";
import { realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { promisify } from "node:util";

const fstat = promisify(fstatCallback);

/** Where an export writes: standard output, or a file that appears whole once the export succeeds. */
export interface ExportOutput {
  stream: NodeJS.WritableStream;
  /** Makes the written file the `--out` file (a no-op for standard output). */
  commit(): Promise<void>;
  /** Drops what was written, leaving any earlier `--out` file as it was. */
  discard(): Promise<void>;
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  return stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
}

/**
 * Opens the `--out` file `path` for an export reading `input` (a path, or a file descriptor for standard input).
 * Refuses an output that is the input itself, however it is named (`./x/../f.jsonl`, a symlink, a hard link):
 * opening it for writing would empty the collected events before they are read. The rows go to a temporary file
 * beside it, renamed over it on success, so a failed export never leaves half a file. A device or a pipe
 * (`/dev/stdout`) is written directly.
 */
export async function openExportOutput(
  path: string,
  shownAs: string,
  input: string | number | undefined,
): Promise<ExportOutput> {
  const existing = await statOrUndefined(path);
  const inputStats =
    typeof input === "string"
      ? await statOrUndefined(input)
      : typeof input === "number"
        ? await fstat(input).catch(() => undefined)
        : undefined;
  if (existing && inputStats && sameFile(existing, inputStats)) {
    throw new Error(
      `Cannot write --out ${shownAs}: it is the input file. Writing there would destroy the events; choose another --out.`,
    );
  }
  if (existing && !existing.isFile()) {
    const stream = createWriteStream(path);
    await opened(stream, shownAs);
    return { stream, commit: () => close(stream), discard: () => close(stream) };
  }
  // Beside the real file a symlink points to, so the rename lands on the same file system and keeps the link.
  const target = existing ? await realpath(path) : path;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const stream = createWriteStream(temporary);
  await opened(stream, shownAs);
  return {
    stream,
    async commit() {
      await close(stream);
      await rename(temporary, target);
    },
    async discard() {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}

async function opened(stream: NodeJS.WritableStream & { once: NodeJS.EventEmitter["once"] }, shownAs: string) {
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (error: Error) => reject(new Error(`Cannot write --out ${shownAs}: ${error.message}`)));
  });
}

async function close(stream: NodeJS.WritableStream): Promise<void> {
  stream.end();
  await finished(stream);
}
