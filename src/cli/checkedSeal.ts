import type { BigIntStats } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { version } from "../../package.json";

// A JSONL file the collector wrote holds only events it checked against the contract. Beside it, the collector
// keeps `<file>.checked`: which release checked it and the state of the file it vouches for (device, inode, size
// and modification time in nanoseconds). Any other writer changes that state, so a reader that finds the record
// matching the file as it is now can skip checking each event again; otherwise it checks every line.

export const checkedSealPath = (path: string) => `${path}.checked`;

function record(stats: BigIntStats): string {
  return `${JSON.stringify({
    by: `react-feedback-loop ${version}`,
    dev: String(stats.dev),
    ino: String(stats.ino),
    size: String(stats.size),
    mtimeNs: String(stats.mtimeNs),
  })}\n`;
}

/** Vouches that every line of the file, in the state `stats` describes, that is JSON is an event of the contract. */
export async function writeCheckedSeal(path: string, stats: BigIntStats): Promise<void> {
  await writeFile(checkedSealPath(path), record(stats));
}

/** Withdraws the record: the file holds lines nobody checked. */
export async function removeCheckedSeal(path: string): Promise<void> {
  await rm(checkedSealPath(path), { force: true });
}

/** True when the collector checked the file exactly as `stats` describes it, with this release's contract. */
export async function hasCheckedSeal(path: string, stats: BigIntStats): Promise<boolean> {
  const text = await readFile(checkedSealPath(path), "utf8").catch(() => "");
  return text === record(stats);
}
