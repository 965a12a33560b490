import { describe, expect, it } from "vitest";
import { LARGE_INPUT_BYTES, progressLine } from "../../src/cli/progress";

function target(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe("progressLine", () => {
  it("rewrites one terminal line at most every half second, then clears it", () => {
    let time = 0;
    const stderr = target(true);
    const progress = progressLine(stderr, { totalBytes: 4 * 1024 * 1024, now: () => time });
    time = 100;
    progress.update(1024 * 1024, 1000);
    time = 1000;
    progress.update(2 * 1024 * 1024, 2000);
    time = 1200;
    progress.update(3 * 1024 * 1024, 3000);
    progress.done();
    expect(stderr.writes).toEqual(["\r\x1b[Kexport: 2.0 MiB of 4.0 MiB (50%), 2,000 lines, 2,000 lines/s", "\r\x1b[K"]);
  });

  it("stays quiet in a log for a small input", () => {
    let time = 0;
    const stderr = target(false);
    const progress = progressLine(stderr, { totalBytes: 1024, now: () => time });
    time = 60_000;
    progress.update(1024, 10);
    progress.done();
    expect(stderr.writes).toEqual([]);
  });

  it("writes a line every ten seconds to a log for a large input", () => {
    let time = 0;
    const stderr = target(false);
    const progress = progressLine(stderr, { now: () => time });
    time = 10_000;
    progress.update(LARGE_INPUT_BYTES, 500_000);
    time = 15_000;
    progress.update(LARGE_INPUT_BYTES + 1, 600_000);
    expect(stderr.writes).toEqual(["export: 64.0 MiB, 500,000 lines, 50,000 lines/s\n"]);
  });
});
