import type { BigIntStats } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { version } from "../../package.json";

// A JSONL file the collector wrote holds only events it checked against the contract, each id once. Beside it,
// the collector keeps `<file>.checked`: which release checked it, whether every line is whole (no crash cut one
// short), and the state of the file it vouches for (device, inode, size and modification time in nanoseconds).
// Any other writer changes that state, so a reader that finds the record matching the file as it is now can skip
// checking each event and looking for repeated ids again; otherwise it checks every line.

export const checkedSealPath = (path: string) => `${path}.checked`;

/** What the collector vouches for, beyond every line that is JSON being an event of the contract with its own id. */
export interface CheckedFile {
  /** Every line is JSON: none was cut short, so a line's first bytes tell what it holds. */
  wholeLines: boolean;
}

function record(stats: BigIntStats, { wholeLines }: CheckedFile): string {
  return `${JSON.stringify({
    by: `react-feedback-loop ${version}`,
    ids: "distinct",
    lines: wholeLines ? "whole" : "some cut short",
    dev: String(stats.dev),
    ino: String(stats.ino),
    size: String(stats.size),
    mtimeNs: String(stats.mtimeNs),
  })}\n`;
}

/** Vouches that every line of the file, in the state `stats` describes, that is JSON is an event of the contract. */
export async function writeCheckedSeal(path: string, stats: BigIntStats, checked: CheckedFile): Promise<void> {
  await writeFile(checkedSealPath(path), record(stats, checked));
}

/** Withdraws the record: the file holds lines nobody checked. */
export async function removeCheckedSeal(path: string): Promise<void> {
  await rm(checkedSealPath(path), { force: true });
}

/**
 * What the collector vouched for when it checked the file exactly as `stats` describes it, with this release's
 * contract; undefined when it did not.
 */
export async function checkedSeal(path: string, stats: BigIntStats): Promise<CheckedFile | undefined> {
  const text = await readFile(checkedSealPath(path), "utf8").catch(() => "");
  if (text === "") return undefined;
  for (const wholeLines of [true, false]) {
    if (text === record(stats, { wholeLines })) return { wholeLines };
  }
  return undefined;
}
