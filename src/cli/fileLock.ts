import { link, readFile, rm, writeFile } from "node:fs/promises";

/** Held by one process at a time; `release` lets the next one take it. */
export interface FileLock {
  readonly path: string;
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function holderOf(path: string): Promise<number | undefined> {
  const text = await readFile(path, "utf8").catch(() => "");
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Takes the lock file `path` for this process: a file holding its pid, so a second process on the same data
 * fails with a sentence that names the holder. A lock left behind by a process that died (its pid no longer runs)
 * is taken over. `describe` says what the lock guards, for that sentence.
 */
export async function takeFileLock(path: string, describe: string): Promise<FileLock> {
  // The pid is written to a file of our own first and linked into place: a lock is never seen empty, and of two
  // processes linking at once exactly one succeeds.
  const own = `${path}.${process.pid}`;
  await writeFile(own, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(own, path);
        return {
          path,
          async release() {
            if ((await holderOf(path)) === process.pid) await rm(path, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await holderOf(path);
      if (holder !== undefined && isRunning(holder)) {
        throw new Error(
          `${describe} is in use by another process (pid ${holder}, per ${path}). Stop it first, or use another file.`,
        );
      }
      // Its holder is gone (a crash, a kill -9): the lock is stale.
      await rm(path, { force: true });
    }
    throw new Error(`Could not take the lock ${path}: other processes keep taking it.`);
  } finally {
    await rm(own, { force: true });
  }
}
