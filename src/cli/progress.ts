/** Where the progress line goes: a writable stream, maybe a terminal. */
export interface ProgressTarget {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Input size in bytes, when known (a file), for a percentage. */
  totalBytes?: number;
  now?: () => number;
}

// Below this size an export takes about a second: no progress line unless someone watches a terminal.
export const LARGE_INPUT_BYTES = 64 * 1024 * 1024;
// A terminal line is rewritten in place; a log gets a new line, so less often.
const TTY_INTERVAL_MS = 500;
const LOG_INTERVAL_MS = 10_000;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * A throttled progress line on stderr for long inputs: shown when stderr is a terminal (rewritten in place) or
 * once the input is large (a line every 10 s, for logs). `update` is cheap to call per chunk.
 */
export function progressLine(target: ProgressTarget, { totalBytes, now = Date.now }: ProgressOptions = {}) {
  const tty = target.isTTY === true;
  const interval = tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
  const started = now();
  let lastShown = started;
  let shown = false;
  return {
    update(bytesRead: number, lines: number): void {
      const time = now();
      if (time - lastShown < interval) return;
      if (!tty && Math.max(bytesRead, totalBytes ?? 0) < LARGE_INPUT_BYTES) return;
      lastShown = time;
      shown = true;
      const seconds = (time - started) / 1000;
      const share = totalBytes ? ` (${Math.floor((bytesRead / totalBytes) * 100)}%)` : "";
      const text = `export: ${mib(bytesRead)}${totalBytes ? ` of ${mib(totalBytes)}` : ""}${share}, ${lines.toLocaleString("en-US")} lines, ${Math.round(lines / seconds).toLocaleString("en-US")} lines/s`;
      target.write(tty ? `\r\x1b[K${text}` : `${text}\n`);
    },
    /** Clears the terminal line so the summary starts clean. */
    done(): void {
      if (shown && tty) target.write("\r\x1b[K");
    },
  };
}
