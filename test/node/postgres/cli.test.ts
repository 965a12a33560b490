import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../../src/cli/main";
import type { FeedbackEvent } from "../../../src/events/types";
import { validateEvent } from "../../../src/events/validate";
import { postgresStore } from "../../../src/store/postgresStore";
import { generateEventLines } from "../../bench/generateEvents";
import { event } from "../support/events";
import { runServeToExit, type ServeProcess, startServe } from "../support/serveProcess";
import { closedPort, describeWithPostgres, freshTable, sql } from "./database";

let dir: string;
const running: ServeProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-pg-cli-"));
});
afterEach(async () => {
  for (const serve of running.splice(0)) serve.child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  let err = "";
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr, cwd: dir });
  return { code, out: Buffer.concat(out), err };
}

/** Realistic events as a store holds them: valid, each id once, in arrival order. */
function storedEvents(count: number): FeedbackEvent[] {
  const seen = new Set<string>();
  const events: FeedbackEvent[] = [];
  for (const line of generateEventLines(count, 7)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (validateEvent(parsed)) continue;
    const stored = parsed as FeedbackEvent;
    if (seen.has(stored.id)) continue;
    seen.add(stored.id);
    events.push(stored);
  }
  return events;
}

describeWithPostgres("the CLI with PostgreSQL", (url) => {
  it("exports byte for byte what it exports from a JSONL file of the same events, in every format", async () => {
    const table = freshTable();
    await sql(url, `CREATE SCHEMA ${table}`);
    // The CLI's store uses the default table name; a schema on the search path gives this test its own.
    const scoped = `${url}?options=${encodeURIComponent(`-c search_path=${table}`)}`;
    const events = storedEvents(6000);
    expect(events.length).toBeGreaterThan(4000);
    await writeFile(path.join(dir, "feedback.jsonl"), events.map((e) => `${JSON.stringify(e)}\n`).join(""));
    const store = postgresStore({ connectionString: scoped });
    for (let i = 0; i < events.length; i += 500) {
      await store.send(events.slice(i, i + 500), { signal: new AbortController().signal, keepalive: false });
    }
    await store.close();
    for (const format of ["trl", "trl-conversational", "openai", "kto", "regression", "buckets"]) {
      const fromFile = await run(["export", "--format", format, "--in", "feedback.jsonl"]);
      const fromPostgres = await run(["export", "--format", format, "--in", scoped]);
      expect(fromFile.code, fromFile.err).toBe(0);
      expect(fromPostgres.code, fromPostgres.err).toBe(0);
      expect(fromFile.out.length, format).toBeGreaterThan(100);
      expect(fromPostgres.out.equals(fromFile.out), format).toBe(true);
    }
  });

  it("serve --store postgres://… stores each accepted event once and counts what the table holds", async () => {
    const table = freshTable();
    await sql(url, `CREATE SCHEMA ${table}`);
    const scoped = `${url}?options=${encodeURIComponent(`-c search_path=${table}`)}`;
    const serve = await startServe(["--store", scoped], dir);
    running.push(serve);
    expect(serve.output()).toMatch(/→ PostgreSQL 127\.0\.0\.1:\d+\/\w+ \(table feedback_events\) \(0 events so far\)/);
    const one = event({ type: "rating", value: "up", previous: null });
    const post = () =>
      fetch(serve.url, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ events: [one] }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect(await (await fetch(serve.url)).text()).toContain("1 events in PostgreSQL");
    expect(await sql(url, `SELECT count(*)::int AS n FROM ${table}.feedback_events`)).toEqual([{ n: 1 }]);
  });
});

describe("serve with a PostgreSQL that refuses connections", () => {
  it("exits once with code 1 and one sentence, never starting to listen", async () => {
    const port = await closedPort();
    const result = await runServeToExit(["--store", `postgres://feedback:s3cret-pw@127.0.0.1:${port}/feedback`], dir);
    expect(result.code).toBe(1);
    expect(result.output).not.toContain("Collecting");
    expect(result.errors).toBe(
      `Cannot use PostgreSQL 127.0.0.1:${port}/feedback (table feedback_events): the connection was refused (is PostgreSQL running, on that host and port?)\n`,
    );
  });

  it("export --in postgres://… says the same and exits 1", async () => {
    const port = await closedPort();
    const result = await run(["export", "--format", "trl", "--in", `postgres://127.0.0.1:${port}/feedback`]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^Cannot use PostgreSQL 127\.0\.0\.1:\d+\/feedback \(table feedback_events\): the connection was refused/,
    );
  });
});
