// A file the collector wrote is exported without validating, de-duplicating or even parsing the events no dataset
// of the format reads. Each shortcut must leave the output exactly as the full path writes it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { checkedSeal, writeCheckedSeal } from "../../src/cli/checkedSeal";
import type { EventBatch } from "../../src/cli/eventStore";
import { jsonlFileSource } from "../../src/cli/jsonlEvents";
import { jsonlFileStore } from "../../src/cli/jsonlFileStore";
import { main } from "../../src/cli/main";
import type { FeedbackEvent, FeedbackEventType } from "../../src/events/types";
import { EVENT_FAMILIES, writeCollectedFile, writeEventsFile } from "../bench/generateEvents";
import { event, everyKind } from "./support/events";
import { textStream } from "./support/textStream";

const dir = mkdtempSync(join(tmpdir(), "rfl-export-trusted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runExport(args: string[]) {
  const stdout = textStream();
  const stderr = textStream();
  const code = await main(["export", ...args], {
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: dir,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function readBatches(file: string, types?: ReadonlySet<FeedbackEventType>) {
  const source = await jsonlFileSource(file);
  const events: FeedbackEvent[] = [];
  const invalid: string[] = [];
  let leftOut = 0;
  for await (const batch of source.read(
    (line, reason) => invalid.push(`${line}: ${reason}`),
    types,
  ) as AsyncIterable<EventBatch>) {
    events.push(...batch.events);
    leftOut += batch.leftOut ?? 0;
  }
  return { distinctIds: source.distinctIds, events, invalid, leftOut };
}

const FORMATS = ["trl", "trl-conversational", "preferred-output", "kto", "regression", "buckets"];

describe("export of a file the collector wrote", () => {
  for (const family of EVENT_FAMILIES) {
    it(`writes every format byte for byte as the full path does (${family} events)`, async () => {
      const generated = join(dir, `${family}.jsonl`);
      const collected = join(dir, `${family}-collected.jsonl`);
      const unsealed = join(dir, `${family}-unsealed.jsonl`);
      await writeEventsFile(generated, 6_000, 5, family);
      await writeCollectedFile(generated, collected);
      // The same lines without the collector's record: every line is parsed, validated and de-duplicated.
      copyFileSync(collected, unsealed);

      const trusted = await readBatches(collected, new Set(["rating"]));
      expect(trusted.distinctIds).toBe(true);
      expect(trusted.events.every((item) => item.type === "rating")).toBe(true);
      if (family !== "ratings") expect(trusted.leftOut).toBeGreaterThan(0);

      for (const format of FORMATS) {
        // A small --max-open settles prompts all along the file, not only at its end.
        const args = ["--format", format, "--max-open", "40"];
        const fast = await runExport([...args, "--in", collected]);
        const full = await runExport([...args, "--in", unsealed]);
        expect(fast.code).toBe(0);
        expect(fast.stdout.length).toBeGreaterThan(0);
        expect(fast.stdout).toBe(full.stdout);
        expect(fast.stderr).toBe(full.stderr.replaceAll(unsealed, collected));
        // The collector dropped retried deliveries and broken lines; the rows are those of the raw file (the
        // buckets' document also counts what was skipped).
        if (format !== "buckets") expect(fast.stdout).toBe((await runExport([...args, "--in", generated])).stdout);
      }
    });
  }

  it("leaves out unparsed only the lines the collector wrote whole, type first", async () => {
    const file = join(dir, "whole.jsonl");
    const [rating] = everyKind();
    // Not JSON past its first bytes: only a reader that skips such a line without parsing it misses that.
    const copyLine = '{"type":"copy","id":"cut short';
    writeFileSync(file, `${JSON.stringify({ type: "rating", ...rating })}\n${copyLine}\n`);
    const stats = statSync(file, { bigint: true });

    await writeCheckedSeal(file, stats, { wholeLines: true });
    const whole = await readBatches(file, new Set(["rating"]));
    expect(whole).toMatchObject({ leftOut: 1, invalid: [] });
    expect(whole.events).toHaveLength(1);

    // A file with a line cut short (a crash mid-write): every line is parsed, and the cut one is reported.
    await writeCheckedSeal(file, stats, { wholeLines: false });
    const cut = await readBatches(file, new Set(["rating"]));
    expect(cut).toMatchObject({ leftOut: 0, invalid: ["2: not JSON"] });
    // Without the reader's types nothing is left out either.
    await writeCheckedSeal(file, stats, { wholeLines: true });
    expect(await readBatches(file)).toMatchObject({ leftOut: 0, invalid: ["2: not JSON"] });
  });

  it("writes each event type first, and vouches only for whole lines of distinct ids", async () => {
    const file = join(dir, "store.jsonl");
    const store = await jsonlFileStore(file);
    const events = everyKind();
    await store.append(events);
    await store.close();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.map((line) => line.slice(0, 9 + (JSON.parse(line).type as string).length + 1))).toEqual(
      events.map((item) => `{"type":"${item.type}"`),
    );
    expect(lines.map((line) => JSON.parse(line))).toEqual(events);
    const stats = () => statSync(file, { bigint: true });
    expect(await checkedSeal(file, stats())).toEqual({ wholeLines: true });

    // A crash cut a line short: the collector still vouches for the events, not for every line being whole.
    writeFileSync(file, `${readFileSync(file, "utf8")}{"type":"rating","id":"cut`);
    const reopened = await jsonlFileStore(file);
    await reopened.append([event({ type: "copy", source: "button", chars: 5, fraction: 1 })]);
    await reopened.close();
    expect(await checkedSeal(file, stats())).toEqual({ wholeLines: false });

    // Another program wrote an id twice: nothing is vouched for.
    const twice = join(dir, "twice.jsonl");
    const line = `${JSON.stringify(events[0])}\n`;
    writeFileSync(twice, line + line);
    const again = await jsonlFileStore(twice);
    await again.close();
    expect(await checkedSeal(twice, statSync(twice, { bigint: true }))).toBeUndefined();
  });
});
