import type { EventBatch, EventSource, EventStore } from "../cli/eventStore";
import { FeedbackError } from "../errors";
import type { FeedbackEvent } from "../events/types";
import { validateEvent } from "../events/validate";
import type { InsightsSummary, SummarizeOptions } from "../insights/types";
import { acceptAll } from "../sinks/types";
import { postgresInsights } from "./postgresInsights";

/** Options of `postgresStore`. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (any form the `pg` driver takes, `?sslmode=require` too). */
  connectionString: string;
  /** The events table; `<table>_schema` beside it records the layout's version. Default `"feedback_events"`. */
  table?: string;
  /** Most connections this process opens. Default 10. */
  maxConnections?: number;
}

/** A PostgreSQL table of feedback events: a sink for `createFeedbackHandler` and a source for the exports. */
export interface PostgresStore extends EventStore, EventSource {
  /** Creates the table if needed and checks the database can be reached: the clear error at start-up, if any. */
  open(): Promise<void>;
  /**
   * The dashboard's figures for a range and a split, computed by PostgreSQL without reading the rows out: the
   * same `InsightsSummary` that `summarize` gives for the same events.
   *
   * @example
   * const summary = await store.insights({ from: "2026-12-01", splitBy: "metadata.model" });
   */
  insights(options?: SummarizeOptions): Promise<InsightsSummary>;
}

// The table's layout; a later release that changes it migrates from the version recorded here.
export const POSTGRES_SCHEMA_VERSION = 1;
// Rows fetched per round trip while reading: large enough to keep the connection busy, small in memory.
const READ_BATCH = 2000;
// How often `watch` asks for new rows, and how far back it looks for rows committed after later ones.
const WATCH_EVERY_MS = 1000;
const WATCH_WINDOW = 1000;
// Inserts running at once from one process, and the most events one statement takes. Two: one commits (waits for
// the disk) while the next runs; more would only split the waiting requests into smaller statements, each with
// its own commit (measured: 4 cost PostgreSQL about a tenth more CPU per event).
const MAX_INSERTING = 2;
const MAX_EVENTS_PER_INSERT = 2000;

// The parts of the `pg` driver used here, written out so that `pg` stays an optional peer: an app that never
// calls postgresStore never loads it, and its types are not needed to compile against this package.
interface PgResult {
  rows: unknown[][];
}
interface PgQuery {
  /** Prepares the statement once per connection under this name, then only binds values to it. */
  name?: string;
  text: string;
  values?: unknown[];
  rowMode: "array";
}
interface PgClient {
  query(query: PgQuery): Promise<PgResult>;
  release(error?: Error | boolean): void;
}
interface PgPool {
  query(query: PgQuery): Promise<PgResult>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: "error", listener: (error: Error) => void): unknown;
}
type PgModule = { Pool: new (config: Record<string, unknown>) => PgPool };

async function loadPg(): Promise<PgModule> {
  try {
    const module = (await import("pg")) as unknown as PgModule & { default?: PgModule };
    return module.default ?? module;
  } catch (cause) {
    throw new FeedbackError(
      "config",
      "postgresStore needs the pg package, which is not installed. Run `npm install pg` in your server app.",
      { cause },
    );
  }
}

/** Where the store is, for messages, without the password. */
function describe(connectionString: string, table: string): string {
  try {
    const url = new URL(connectionString);
    return `PostgreSQL ${url.hostname || "localhost"}:${url.port || 5432}${url.pathname} (table ${table})`;
  } catch {
    return `PostgreSQL (table ${table})`;
  }
}

/** A sentence for a connection or query failure, saying what to check. */
function explain(error: unknown, location: string): FeedbackError {
  if (error instanceof FeedbackError) return error;
  const { code, message } = error as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: "the connection was refused (is PostgreSQL running, on that host and port?)",
    ENOTFOUND: "the host name was not found",
    ETIMEDOUT: "the connection timed out",
    "28P01": "the password was refused",
    "28000": "this user may not connect",
    "3D000": "the database does not exist (create it with createdb)",
    "57P03": "the server is starting up or shutting down",
  };
  const reason = (code && reasons[code]) ?? message ?? String(error);
  return new FeedbackError("storage", `Cannot use ${location}: ${reason}`, { cause: error });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what jsonb refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// PostgreSQL's jsonb holds neither U+0000 nor half a surrogate pair; they become U+FFFD, as an export writes them.
function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD");
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storable(key), storable(item)]));
  }
  return value;
}

function eventsJson(events: readonly FeedbackEvent[]): string {
  const text = JSON.stringify(events);
  // JSON.stringify writes both as \u escapes: a plain search finds every event that needs cleaning.
  return /\\u0000|\\ud[89a-f]/i.test(text) ? JSON.stringify(storable(events)) : text;
}

/**
 * Stores feedback events in a PostgreSQL table, one row per event id (`INSERT … ON CONFLICT (id) DO NOTHING`):
 * exactly once, however many relay instances write to it and however often a client retries. On first use it
 * creates the table (the event as `jsonb` beside indexed `id`, `ts`, `type`, `message_id`, `trace_id` and
 * `session_id`) and records the layout's version. Reading streams the events back in arrival order through a
 * cursor. Needs the `pg` package (`npm install pg`), loaded only when the store is first used.
 *
 * @example
 * ```ts
 * import { createFeedbackHandler, postgresStore } from "react-feedback-loop/server";
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL! });
 * await store.open(); // optional: fail at start-up, not at the first event
 * export const POST = createFeedbackHandler({ sinks: [store] });
 * ```
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  const table = options.table ?? "feedback_events";
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(table)) {
    throw new FeedbackError(
      "config",
      `postgresStore's table must be a lowercase SQL name (got ${JSON.stringify(table)}).`,
    );
  }
  const location = describe(options.connectionString, table);
  let password = "";
  try {
    password = decodeURIComponent(new URL(options.connectionString).password);
  } catch {
    // Not a URL (a key=value string): the driver reads it; nothing to keep out of messages here.
  }
  let pool: Promise<PgPool> | undefined;
  let opened: Promise<void> | undefined;

  const connect = () => {
    pool ??= loadPg().then(({ Pool }) => {
      const created = new Pool({
        connectionString: options.connectionString,
        max: options.maxConnections ?? 10,
        connectionTimeoutMillis: 10_000,
        idleTimeoutMillis: 30_000,
        // A command-line export ends when its work does, not when idle connections time out.
        allowExitOnIdle: true,
      });
      // An idle connection the server closed (a restart) is replaced on the next query, not a crash.
      created.on("error", () => {});
      return created;
    });
    return pool;
  };
  const query = async (text: string, values?: unknown[], name?: string) =>
    (await connect()).query({ name, text, values, rowMode: "array" });

  async function migrate(): Promise<void> {
    const client = await (await connect()).connect();
    let failed: Error | undefined;
    try {
      await client.query({ text: "BEGIN", rowMode: "array" });
      // Several relays starting at once: one creates, the others wait and find it made.
      await client.query({
        text: "SELECT pg_advisory_xact_lock(hashtext($1))",
        values: [`react-feedback-loop:${table}`],
        rowMode: "array",
      });
      for (const text of [
        `CREATE TABLE IF NOT EXISTS ${table}_schema (version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())`,
        `CREATE TABLE IF NOT EXISTS ${table} (
          seq bigint GENERATED ALWAYS AS IDENTITY,
          id uuid PRIMARY KEY,
          ts timestamptz NOT NULL,
          type text NOT NULL,
          message_id text NOT NULL,
          trace_id text,
          session_id text,
          received_at timestamptz NOT NULL DEFAULT now(),
          event jsonb NOT NULL
        )`,
        `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_seq ON ${table} (seq)`,
        `CREATE INDEX IF NOT EXISTS ${table}_ts ON ${table} (ts)`,
        `CREATE INDEX IF NOT EXISTS ${table}_type ON ${table} (type)`,
        `CREATE INDEX IF NOT EXISTS ${table}_message_id ON ${table} (message_id)`,
        `CREATE INDEX IF NOT EXISTS ${table}_trace_id ON ${table} (trace_id)`,
        `CREATE INDEX IF NOT EXISTS ${table}_session_id ON ${table} (session_id)`,
      ]) {
        await client.query({ text, rowMode: "array" });
      }
      const { rows } = await client.query({ text: `SELECT max(version) FROM ${table}_schema`, rowMode: "array" });
      const version = rows[0]?.[0] as number | null;
      if (version === null) {
        await client.query({
          text: `INSERT INTO ${table}_schema (version) VALUES ($1)`,
          values: [POSTGRES_SCHEMA_VERSION],
          rowMode: "array",
        });
      } else if (version > POSTGRES_SCHEMA_VERSION) {
        throw new FeedbackError(
          "config",
          `${location} has layout version ${version}, made by a newer release of react-feedback-loop than this one (${POSTGRES_SCHEMA_VERSION}). Upgrade react-feedback-loop here too.`,
        );
      }
      await client.query({ text: "COMMIT", rowMode: "array" });
    } catch (error) {
      failed = error as Error;
      await client.query({ text: "ROLLBACK", rowMode: "array" }).catch(() => undefined);
      throw error;
    } finally {
      client.release(failed);
    }
  }

  // Requests that arrive while inserts run share the next statement (a group commit): one round trip and one
  // commit for many small batches, as 20 browsers sending 20 events each would otherwise make.
  const waiting: { events: readonly FeedbackEvent[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let inserting = 0;
  async function insertWaiting(): Promise<void> {
    inserting++;
    while (waiting.length > 0) {
      // At least one request, and more while they fit in one statement.
      let take = 1;
      let count = waiting[0]?.events.length ?? 0;
      while (take < waiting.length && count + (waiting[take]?.events.length ?? 0) <= MAX_EVENTS_PER_INSERT) {
        count += waiting[take]?.events.length ?? 0;
        take++;
      }
      const group = waiting.splice(0, take);
      try {
        // In arrival order; an id already stored is skipped, so a retry or a second relay is harmless.
        await query(
          `INSERT INTO ${table} (id, ts, type, message_id, trace_id, session_id, event)
           SELECT (e->>'id')::uuid, (e->>'ts')::timestamptz, e->>'type', e->>'messageId', e->>'traceId', e->>'sessionId', e
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS batch(e, position)
           ORDER BY position
           ON CONFLICT (id) DO NOTHING`,
          [eventsJson(group.flatMap((item) => item.events))],
          // Prepared: each statement after a connection's first is only bound and run, not parsed and planned.
          `${table}_insert`,
        );
        for (const item of group) item.resolve();
      } catch (error) {
        const explained = explain(error, location);
        for (const item of group) item.reject(explained);
      }
    }
    inserting--;
  }

  const store: PostgresStore = {
    name: "postgres",
    location,
    // One row per id: the table's primary key.
    distinctIds: true,
    secrets: password ? [password] : [],
    open() {
      opened ??= migrate().catch((error: unknown) => {
        // The next call tries again (the server may come up later).
        opened = undefined;
        throw explain(error, location);
      });
      return opened;
    },
    async append(events) {
      if (events.length === 0) return [];
      await store.open();
      await new Promise<void>((resolve, reject) => {
        waiting.push({ events, resolve, reject });
        if (inserting < MAX_INSERTING) void insertWaiting();
      });
      return events.map((event) => event.id);
    },
    async send(events) {
      await store.append(events);
      return acceptAll(events);
    },
    async *read(onInvalid): AsyncGenerator<EventBatch> {
      await store.open();
      const client = await (await connect()).connect().catch((error: unknown) => {
        throw explain(error, location);
      });
      let failed: Error | undefined;
      try {
        // One snapshot: events that arrive while the export runs are left for the next one.
        await client.query({ text: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", rowMode: "array" });
        await client.query({
          text: `DECLARE feedback_events_export NO SCROLL CURSOR FOR SELECT event::text FROM ${table} ORDER BY seq`,
          rowMode: "array",
        });
        let records = 0;
        for (;;) {
          const { rows } = await client.query({
            text: `FETCH ${READ_BATCH} FROM feedback_events_export`,
            rowMode: "array",
          });
          if (rows.length === 0) break;
          const events: FeedbackEvent[] = [];
          for (const row of rows) {
            records++;
            // Rows came through the relay, checked; one written by hand is checked here like a file's line.
            const event: unknown = JSON.parse(row[0] as string);
            const problem = validateEvent(event);
            if (problem) onInvalid(records, problem.message);
            else events.push(event as FeedbackEvent);
          }
          yield { events, records };
        }
      } catch (error) {
        failed = error as Error;
        throw explain(error, location);
      } finally {
        // Also when the reader stops early: the transaction (and its cursor) ends with the read.
        await client.query({ text: "ROLLBACK", rowMode: "array" }).catch(() => undefined);
        client.release(failed);
      }
    },
    async count() {
      await store.open();
      const { rows } = await query(`SELECT count(*)::bigint FROM ${table}`);
      return Number(rows[0]?.[0]);
    },
    async insights(insightsOptions) {
      await store.open();
      return postgresInsights(async (text, values) => (await query(text, [...values])).rows, table, insightsOptions);
    },
    async watch(listener) {
      // Sequence numbers are taken at insert and committed in any order by concurrent relays: each poll looks a
      // window back and skips the ids it already told, so an event committed late is not missed.
      await store.open();
      // What is stored now is not news: the window's ids count as told, so the first look back skips them.
      const { rows: stored } = await query(
        `SELECT seq, id::text FROM ${table} WHERE seq > (SELECT coalesce(max(seq), 0) - ${WATCH_WINDOW} FROM ${table})`,
      );
      let last = 0;
      const told = new Set<string>();
      for (const [seq, id] of stored) {
        last = Math.max(last, Number(seq));
        told.add(id as string);
      }
      let polling = false;
      let stopped = false;
      const poll = async () => {
        if (polling) return;
        polling = true;
        try {
          // Page after page until a short one, so a look tells all that arrived since the last however much it
          // is: one page a look would fall further behind each second a relay takes more events than a page
          // holds. Only the first page looks back; the next ones go on from where the previous one ended.
          for (let from = Math.max(0, last - WATCH_WINDOW), full = true; full && !stopped; from = last) {
            const { rows } = await query(
              `SELECT seq, id::text, event::text FROM ${table} WHERE seq > $1 ORDER BY seq LIMIT ${WATCH_WINDOW + READ_BATCH}`,
              [from],
            );
            full = rows.length === WATCH_WINDOW + READ_BATCH;
            const fresh: FeedbackEvent[] = [];
            for (const [seq, id, event] of rows) {
              last = Math.max(last, Number(seq));
              if (told.has(id as string)) continue;
              told.add(id as string);
              fresh.push(JSON.parse(event as string) as FeedbackEvent);
            }
            // Only the ids the window can still return are worth remembering.
            for (const id of told) {
              if (told.size <= WATCH_WINDOW * 2) break;
              told.delete(id);
            }
            if (fresh.length > 0) listener(fresh);
          }
        } catch {
          // The next poll tries again; the relay's own writes report a database that went away.
        } finally {
          polling = false;
        }
      };
      const timer = setInterval(() => void poll(), WATCH_EVERY_MS);
      (timer as { unref?: () => void }).unref?.();
      return () => {
        stopped = true;
        clearInterval(timer);
      };
    },
    async close() {
      const current = pool;
      pool = undefined;
      opened = undefined;
      if (current) await (await current).end();
    },
  };
  return store;
}
