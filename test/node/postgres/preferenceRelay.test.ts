// A `preference` event goes through `serve` (the relay in front of a store) like any other: accepted, stored once,
// and read back whole, from a JSONL file and from PostgreSQL alike.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { preference } from "../support/events";
import { type ServeProcess, startServe } from "../support/serveProcess";
import { describeWithPostgres, freshTable, sql } from "./database";

let dir: string;
const running: ServeProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-preference-"));
});
afterEach(async () => {
  for (const serve of running.splice(0)) serve.child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

const choices = () => [
  preference({ strength: "clear", source: "compare" }),
  preference({ strength: "slight", source: "kept" }),
  preference({ strength: "tie", source: "compare" }),
];

async function postTwice(serve: ServeProcess, events: { id: string }[]) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await fetch(serve.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events }),
    });
    expect(response.status).toBe(200);
    // The second time is a retry: answered accepted from what the relay remembers, stored nowhere again.
    expect(await response.json()).toMatchObject({ accepted: events.map((event) => event.id) });
  }
}

describe("serve --file takes preferences", () => {
  it("stores each once in the JSONL file, every field as sent", async () => {
    const serve = await startServe(["--file", "feedback.jsonl"], dir);
    running.push(serve);
    const events = choices();
    await postTwice(serve, events);
    const lines = (await readFile(path.join(dir, "feedback.jsonl"), "utf8")).split("\n").filter(Boolean);
    expect(lines.map((line) => JSON.parse(line))).toEqual(events);
  });

  it("refuses a preference the contract refuses, naming the field", async () => {
    const serve = await startServe(["--file", "feedback.jsonl"], dir);
    running.push(serve);
    const [choice] = choices();
    const response = await fetch(serve.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: [{ ...choice, source: "vote" }] }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("source");
  });
});

describeWithPostgres("serve --store postgres://… takes preferences", (url) => {
  it("stores each once in the table, every field as sent", async () => {
    const table = freshTable();
    await sql(url, `CREATE SCHEMA ${table}`);
    const scoped = `${url}?options=${encodeURIComponent(`-c search_path=${table}`)}`;
    const serve = await startServe(["--store", scoped], dir);
    running.push(serve);
    const events = choices();
    await postTwice(serve, events);
    const rows = await sql<{ type: string; event: unknown }>(
      url,
      `SELECT type, event FROM ${table}.feedback_events ORDER BY seq`,
    );
    expect(rows.map((row) => row.type)).toEqual(["preference", "preference", "preference"]);
    expect(rows.map((row) => row.event)).toEqual(events);
  });
});
