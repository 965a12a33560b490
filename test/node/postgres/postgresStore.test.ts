import type { FeedbackError } from "../../../src/errors";
import type { FeedbackEvent } from "../../../src/events/types";
import { createFeedbackHandler, type RelayResponse } from "../../../src/server/createFeedbackHandler";
import { postgresStore } from "../../../src/store/postgresStore";
import { event, everyKind } from "../support/events";
import { closedPort, describeWithPostgres, freshTable, sql } from "./database";

const options = () => ({ signal: new AbortController().signal, keepalive: false });
const vote = () => event({ type: "rating", value: "down", previous: null });

async function readAll(store: ReturnType<typeof postgresStore>): Promise<FeedbackEvent[]> {
  const events: FeedbackEvent[] = [];
  for await (const batch of store.read(() => {})) events.push(...batch.events);
  return events;
}

describeWithPostgres("postgresStore", (url) => {
  const stores: ReturnType<typeof postgresStore>[] = [];
  const open = (table: string) => {
    const store = postgresStore({ connectionString: url, table });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  it("creates its table, the indexes and a layout version on first use", async () => {
    const table = freshTable();
    await open(table).open();
    const columns = await sql<{ column_name: string; data_type: string }>(
      url,
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
      [table],
    );
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]))).toMatchObject({
      id: "uuid",
      ts: "timestamp with time zone",
      type: "text",
      message_id: "text",
      trace_id: "text",
      session_id: "text",
      event: "jsonb",
    });
    const indexes = await sql<{ indexdef: string }>(url, "SELECT indexdef FROM pg_indexes WHERE tablename = $1", [
      table,
    ]);
    for (const column of ["id", "ts", "type", "message_id", "trace_id", "session_id"]) {
      expect(
        indexes.some((index) => index.indexdef.includes(`(${column})`)),
        column,
      ).toBe(true);
    }
    expect(await sql(url, `SELECT version FROM ${table}_schema`)).toEqual([{ version: 1 }]);
    // A second store on the same table (another relay) finds it made and records nothing more.
    await open(table).open();
    expect(await sql(url, `SELECT version FROM ${table}_schema`)).toEqual([{ version: 1 }]);
  });

  it("stores each event id once, whatever the retries and however many stores write at once", async () => {
    const table = freshTable();
    const events = Array.from({ length: 300 }, () => vote());
    const relays = [open(table), open(table), open(table)];
    // Each "relay" sends every event, in overlapping batches, all at once.
    await Promise.all(
      relays.flatMap((store, r) =>
        Array.from({ length: 6 }, (_, b) => store.send(events.slice(b * 50, b * 50 + 50 + r * 10), options())),
      ),
    );
    const rows = await sql<{ count: string; distinct: string }>(
      url,
      `SELECT count(*) AS count, count(DISTINCT id) AS distinct FROM ${table}`,
    );
    expect(rows).toEqual([{ count: "300", distinct: "300" }]);
    expect(await relays[0]?.count()).toBe(300);
  });

  it("behind createFeedbackHandler, reads back what the relay accepted, in arrival order", async () => {
    const table = freshTable();
    const store = open(table);
    const handler = createFeedbackHandler({ sinks: [store] });
    const events = [...everyKind(), ...everyKind({ sessionId: "session-2" })];
    const post = (batch: unknown[]) =>
      handler(new Request("http://relay.test/", { method: "POST", body: JSON.stringify({ events: batch }) }));
    const first = (await (await post(events.slice(0, 5))).json()) as RelayResponse;
    expect(first.accepted).toHaveLength(5);
    expect((await post(events.slice(3))).status).toBe(200);
    expect(await readAll(store)).toEqual(events);
    const [row] = await sql(url, `SELECT type, message_id, trace_id, session_id FROM ${table} ORDER BY seq LIMIT 1`);
    expect(row).toEqual({
      type: events[0]?.type,
      message_id: events[0]?.messageId,
      trace_id: events[0]?.traceId,
      session_id: events[0]?.sessionId,
    });
  });

  it("stores text jsonb cannot hold (U+0000, half a surrogate pair) as U+FFFD rather than failing the batch", async () => {
    const store = open(freshTable());
    const odd = { ...vote(), comment: "a\u0000b \ud800 c" } as FeedbackEvent;
    const plain = vote();
    const result = await store.send([odd, plain], options());
    expect(result.accepted).toEqual([odd.id, plain.id]);
    const stored = await readAll(store);
    expect((stored[0] as { comment?: string }).comment).toBe("a\uFFFDb \uFFFD c");
    expect(stored[1]).toEqual(plain);
  });

  it("reads in flat memory: a reader that stops early ends its cursor and frees the connection", async () => {
    const store = postgresStore({ connectionString: url, table: freshTable(), maxConnections: 1 });
    stores.push(store);
    await store.send(
      Array.from({ length: 5000 }, () => vote()),
      options(),
    );
    const sizes: number[] = [];
    for await (const batch of store.read(() => {})) {
      sizes.push(batch.events.length);
      break;
    }
    expect(sizes).toEqual([2000]);
    // With one connection, this would wait forever if the early stop had kept it.
    expect(await store.count()).toBe(5000);
  });

  it("reports rows that break the contract by number, and goes on", async () => {
    const table = freshTable();
    const store = open(table);
    const [a, b] = [vote(), vote()];
    await store.send([a as FeedbackEvent], options());
    await sql(
      url,
      `INSERT INTO ${table} (id, ts, type, message_id, event) VALUES (gen_random_uuid(), now(), 'rating', 'm', '{"type":"rating"}')`,
    );
    await store.send([b as FeedbackEvent], options());
    const invalid: [number, string][] = [];
    const events: FeedbackEvent[] = [];
    for await (const batch of store.read((record, reason) => invalid.push([record, reason])))
      events.push(...batch.events);
    expect(events).toEqual([a, b]);
    expect(invalid).toEqual([[2, "id is required"]]);
  });

  it("refuses a table laid out by a newer release, saying what to do", async () => {
    const table = freshTable();
    await open(table).open();
    await sql(url, `INSERT INTO ${table}_schema (version) VALUES (2)`);
    await expect(open(table).open()).rejects.toThrow(/newer release of react-feedback-loop.*Upgrade/);
  });

  it("answers a refused connection with a clear error, then tries again on the next use", async () => {
    const port = await closedPort();
    const store = postgresStore({ connectionString: `postgres://feedback:pw-9x81@127.0.0.1:${port}/none` });
    stores.push(store);
    const error = (await store.open().catch((caught: unknown) => caught)) as FeedbackError;
    expect(error.kind).toBe("storage");
    expect(error.message).toBe(
      `Cannot use PostgreSQL 127.0.0.1:${port}/none (table feedback_events): the connection was refused (is PostgreSQL running, on that host and port?)`,
    );
    expect(error.message).not.toContain("pw-9x81");
    await expect(store.send([vote()], options())).rejects.toThrow(/connection was refused/);
    // The relay keeps the password out of its answers and reports.
    expect(store.secrets).toEqual(["pw-9x81"]);
  });
});

describe("postgresStore without the pg package", () => {
  afterEach(() => {
    vi.doUnmock("pg");
    vi.resetModules();
  });

  it("says what to install", async () => {
    vi.resetModules();
    vi.doMock("pg", () => {
      throw new Error("Cannot find package 'pg'");
    });
    const { postgresStore: fresh } = await import("../../../src/store/postgresStore");
    await expect(fresh({ connectionString: "postgres://localhost/x" }).open()).rejects.toThrow(
      "postgresStore needs the pg package, which is not installed. Run `npm install pg` in your server app.",
    );
  });
});
