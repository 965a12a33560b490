import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { rowWriter } from "../../../src/cli/rowWriter";

// A stream that keeps what it is given, taking `delayMs` per write when asked to be slow.
function collector(options: { highWaterMark?: number; delayMs?: number } = {}) {
  const chunks: Buffer[] = [];
  let writes = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      writes++;
      if (options.delayMs) setTimeout(done, options.delayMs);
      else done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8"), writes: () => writes };
}

describe("rowWriter", () => {
  it("writes every row whole and in order, non-ASCII text and rows longer than a write included", async () => {
    const { stream, text, writes } = collector();
    const writer = rowWriter(stream);
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++)
      rows.push(`{"chosen":"Antwort ${i} – Größe ✓ 😀","rejected":"${"x".repeat(i % 97)}"}\n`);
    rows.splice(5_000, 0, `{"long":"${"é".repeat(1_500_000)}"}\n`);
    for (const row of rows) writer.add(row);
    await writer.flush();
    expect(text()).toBe(rows.join(""));
    // About a megabyte per write, not a write per row.
    expect(writes()).toBeLessThan(20);
  });

  it("writes nothing until a megabyte has gathered or it is flushed", async () => {
    const { stream, text } = collector();
    const writer = rowWriter(stream);
    writer.add('{"a":1}\n');
    await writer.drained();
    expect(text()).toBe("");
    await writer.flush();
    expect(text()).toBe('{"a":1}\n');
  });

  it("waits for a slow stream to drain before it takes more", async () => {
    const { stream, text } = collector({ highWaterMark: 1024, delayMs: 5 });
    const writer = rowWriter(stream);
    const row = `${"y".repeat(1000)}\n`;
    for (let batch = 0; batch < 4; batch++) {
      for (let i = 0; i < 1100; i++) writer.add(row);
      await writer.drained();
      // Once drained returns, the stream holds nothing the writer gave it beyond what it asked for.
      expect(stream.writableLength).toBeLessThanOrEqual(stream.writableHighWaterMark);
    }
    await writer.flush();
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(text()).toBe(row.repeat(4400));
  });
});
