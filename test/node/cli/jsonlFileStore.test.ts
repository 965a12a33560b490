import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EventBatch } from "../../../src/cli/eventStore";
import { jsonlFileSource } from "../../../src/cli/jsonlEvents";
import { jsonlFileStore } from "../../../src/cli/jsonlFileStore";
import type { FeedbackEvent } from "../../../src/events/types";
import { event, everyKind, sendOptions } from "../support/events";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-jsonl-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lines = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean);

async function readAll(file: string) {
  const invalid: string[] = [];
  const events: FeedbackEvent[] = [];
  const source = await jsonlFileSource(file);
  for await (const batch of source.read((line, reason) =>
    invalid.push(`${line}: ${reason}`),
  ) as AsyncIterable<EventBatch>)
    events.push(...batch.events);
  return { events, invalid };
}

/** The pid of a process that has exited: a lock naming it is stale. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid as number;
}

describe("jsonlFileStore", () => {
  it("appends each event once, as one JSON line, even when sent again or concurrently", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const store = await jsonlFileStore(file);
    const events = everyKind();
    const results = await Promise.all([
      store.send(events, sendOptions()),
      store.send(events.slice(0, 3), sendOptions()),
    ]);
    await store.append(events);
    expect(results[0]?.accepted).toEqual(events.map((e) => e.id));
    const written = await lines(file);
    expect(written.map((line) => JSON.parse(line))).toEqual(events);
    expect(await store.count()).toBe(events.length);
    await store.close();
  });

  it("reads the ids already in the file, so a restart never writes an event twice, and ends a cut line first", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const events = everyKind();
    await writeFile(
      file,
      `${events
        .slice(0, 2)
        .map((e) => JSON.stringify(e))
        .join("\n")}\n{"id":"cut sho`,
    );
    const store = await jsonlFileStore(file);
    expect(await store.count()).toBe(2);
    await store.append(events);
    await store.close();
    const written = await lines(file);
    expect(written).toHaveLength(events.length + 1);
    expect(written[2]).toBe('{"id":"cut sho');
    expect(written.filter((line) => line !== '{"id":"cut sho').map((line) => JSON.parse(line).id)).toEqual(
      events.map((e) => e.id),
    );
  });

  it("lets one store at a time hold a file: a second fails with a sentence naming the holder", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const first = await jsonlFileStore(file);
    expect(await readFile(`${file}.lock`, "utf8")).toBe(`${process.pid}\n`);
    await expect(jsonlFileStore(file)).rejects.toThrow(
      `${file} is in use by another process (pid ${process.pid}, per ${file}.lock). Stop it first, or use another file.`,
    );
    await first.close();
    await expect(readFile(`${file}.lock`)).rejects.toThrow(/ENOENT/);
    const second = await jsonlFileStore(file);
    await second.close();
  });

  it("takes over a lock left by a process that died", async () => {
    const file = path.join(dir, "feedback.jsonl");
    await writeFile(`${file}.lock`, `${await deadPid()}\n`);
    const store = await jsonlFileStore(file);
    expect(await readFile(`${file}.lock`, "utf8")).toBe(`${process.pid}\n`);
    await store.append(everyKind().slice(0, 1));
    await store.close();
  });

  it("fails at start with a sentence when the file cannot be written", async () => {
    const missing = path.join(dir, "missing-dir", "x.jsonl");
    await expect(jsonlFileStore(missing)).rejects.toThrow(
      `Cannot collect into ${missing}: the folder ${path.dirname(missing)} does not exist.`,
    );
    await expect(jsonlFileStore(dir)).rejects.toThrow(`Cannot collect into ${dir}: it is a folder.`);
  });

  it("keeps a batch larger than 512 KiB whole, on one line per event", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const store = await jsonlFileStore(file);
    const big = (n: number) =>
      Array.from({ length: 8 }, (_, i) =>
        event({ type: "copy", source: "button", chars: 1, fraction: 1 }, {
          messageId: `m-${n}-${i}`,
          app: "x".repeat(100_000),
        } as never),
      );
    const batches = [big(1), big(2), big(3)];
    await Promise.all(batches.map((batch) => store.append(batch)));
    await store.close();
    const written = await lines(file);
    expect(written).toHaveLength(24);
    expect(written.map((line) => JSON.parse(line).id).sort()).toEqual(
      batches
        .flat()
        .map((e) => e.id)
        .sort(),
    );
  });

  it("stores a lone surrogate as U+FFFD, so the file is valid UTF-8", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const store = await jsonlFileStore(file);
    const [rating] = everyKind();
    await store.append([{ ...(rating as FeedbackEvent), content: "half a pair: \ud83d." } as FeedbackEvent]);
    await store.close();
    const bytes = await readFile(file);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toContain("half a pair: \ufffd.");
  });

  it("vouches for the file it checked, and withdraws when another program changes it", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const logged: string[] = [];
    const store = await jsonlFileStore(file, { log: (line) => logged.push(line) });
    const [a, b, c] = everyKind();
    await store.append([a as FeedbackEvent, b as FeedbackEvent]);
    // Checked by the collector: a reader that finds the file unchanged skips validating each event.
    const sealed = await readFile(`${file}.checked`, "utf8");
    expect(JSON.parse(sealed)).toMatchObject({ by: expect.stringMatching(/^react-feedback-loop \d/) });
    expect((await readAll(file)).events).toHaveLength(2);

    // Another program adds a line that breaks the contract: readers check again and report it.
    await appendFile(file, '{"v":1,"type":"rating"}\n');
    expect((await readAll(file)).invalid).toEqual(["3: id is required"]);
    await store.append([c as FeedbackEvent]);
    expect(logged).toEqual([
      `${file} was changed by another program while collecting; its lines are no longer vouched for.`,
    ]);
    await expect(readFile(`${file}.checked`)).rejects.toThrow(/ENOENT/);
    expect((await readAll(file)).invalid).toEqual(["3: id is required"]);
    await store.close();

    // A restart checks every line again and does not vouch for a file with an invalid event.
    const again = await jsonlFileStore(file);
    expect(await again.count()).toBe(3);
    await expect(readFile(`${file}.checked`)).rejects.toThrow(/ENOENT/);
    await again.close();
  });

  it("vouches only for events that satisfy the contract, whoever appends them", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const store = await jsonlFileStore(file);
    const [a] = everyKind();
    await store.append([a as FeedbackEvent]);
    expect(await readFile(`${file}.checked`, "utf8")).toContain('"by"');
    await store.append([{ ...(a as FeedbackEvent), id: "not-a-uuid", extra: 1 } as unknown as FeedbackEvent]);
    await expect(readFile(`${file}.checked`)).rejects.toThrow(/ENOENT/);
    expect((await readAll(file)).invalid).toHaveLength(1);
    await store.close();
  });
});
