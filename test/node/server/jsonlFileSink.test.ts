import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { jsonlFileSink } from "../../../src/cli/jsonlFileSink";
import { everyKind, sendOptions } from "../support/events";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-jsonl-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lines = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean);

describe("jsonlFileSink", () => {
  it("appends each event once, as one JSON line, even when sent again or concurrently", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const sink = await jsonlFileSink(file);
    const events = everyKind();
    const results = await Promise.all([sink.send(events, sendOptions()), sink.send(events.slice(0, 3), sendOptions())]);
    await sink.send(events, sendOptions());
    expect(results[0]?.accepted).toEqual(events.map((e) => e.id));
    const written = await lines(file);
    expect(written.map((line) => JSON.parse(line))).toEqual(events);
    expect(sink.count).toBe(events.length);
  });

  it("reads the ids already in the file, so a restart never writes an event twice", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const events = everyKind();
    await writeFile(
      file,
      `${events
        .slice(0, 2)
        .map((e) => JSON.stringify(e))
        .join("\n")}\n{"id":"cut sho`,
    );
    const sink = await jsonlFileSink(file);
    expect(sink.count).toBe(2);
    await sink.send(events, sendOptions());
    const written = await lines(file);
    expect(written).toHaveLength(events.length + 1);
    expect(written[2]).toBe('{"id":"cut sho');
    expect(written.filter((line) => line !== '{"id":"cut sho').map((line) => JSON.parse(line).id)).toEqual(
      events.map((e) => e.id),
    );
  });
});
