// Faults against a real PostgreSQL: several relay processes on one table, and the database stopped and
// restarted in the middle of a burst. Clients are httpSink with a retry loop, as the delivery queue retries.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { FeedbackEvent } from "../../../src/events/types";
import { httpSink } from "../../../src/sinks/httpSink";
import { event } from "../support/events";
import { type ServeProcess, startServe } from "../support/serveProcess";
import { closedPort, describeWithPostgres, freshTable, sql } from "./database";

let dir: string;
const running: ServeProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-pg-faults-"));
});
afterEach(async () => {
  for (const serve of running.splice(0)) serve.child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

// Processes, thousands of requests and a database restart on a machine the other tests share: room to finish,
// never a measure of speed.
const FAULT_TEST_TIMEOUT = 300_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const votes = (count: number) =>
  Array.from({ length: count }, () => event({ type: "rating", value: "down", previous: null }));

interface Tally {
  acknowledged: Set<string>;
  requests: number;
  retried: number;
}

/** One client: sends `events` in batches to a relay picked at random, resending what is not accepted. */
async function client(urls: string[], events: FeedbackEvent[], batch: number, tally: Tally): Promise<void> {
  const sinks = urls.map((url) => httpSink({ url }));
  for (let i = 0; i < events.length; i += batch) {
    let pending = events.slice(i, i + batch);
    while (pending.length > 0) {
      const sink = sinks[Math.floor(Math.random() * sinks.length)] as ReturnType<typeof httpSink>;
      tally.requests++;
      try {
        const result = await sink.send(pending, { signal: AbortSignal.timeout(20_000), keepalive: false });
        if (result.rejected.length > 0) throw new Error(`refused: ${result.rejected[0]?.reason}`);
        for (const id of result.accepted) tally.acknowledged.add(id);
        const accepted = new Set(result.accepted);
        pending = pending.filter((item) => !accepted.has(item.id));
      } catch (error) {
        if (String(error).includes("refused:")) throw error;
      }
      if (pending.length > 0) {
        tally.retried++;
        await sleep(50 + Math.random() * 100);
      }
    }
  }
}

const scopedUrl = async (url: string) => {
  const schema = freshTable();
  await sql(url, `CREATE SCHEMA ${schema}`);
  return { schema, url: `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}` };
};

async function rowsOf(url: string, table: string) {
  const [row] = await sql<{ rows: number; ids: number }>(
    url,
    `SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM ${table}`,
  );
  const ids = new Set((await sql<{ id: string }>(url, `SELECT id FROM ${table}`)).map((r) => r.id));
  return { ...(row as { rows: number; ids: number }), idSet: ids };
}

describeWithPostgres("PostgreSQL behind several relays, under faults", (url) => {
  it(
    "three relay processes taking concurrent bursts with shared duplicate ids store each id once",
    async () => {
      const scoped = await scopedUrl(url);
      const relays = await Promise.all([0, 1, 2].map(() => startServe(["--store", scoped.url], dir)));
      running.push(...relays);
      const shared = votes(200);
      const own = Array.from({ length: 20 }, () => votes(300));
      const tally: Tally = { acknowledged: new Set(), requests: 0, retried: 0 };
      const started = performance.now();
      await Promise.all(
        own.map((events, i) =>
          // Every client also sends every shared event, in its own order, mixed into its bursts.
          client(
            relays.map((relay) => relay.url),
            [...events, ...shared].sort(() => (i % 2 === 0 ? 1 : -1) * (Math.random() - 0.5)),
            25,
            tally,
          ),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const stored = await rowsOf(url, `${scoped.schema}.feedback_events`);
      const expected = new Set([...shared, ...own.flat()].map((e) => e.id));
      console.log(
        `3 relays, 20 clients: ${20 * 500} events sent (${20 * 200} of them shared duplicates), ${expected.size} distinct; ${stored.rows} rows, ${stored.ids} distinct ids; ${tally.requests} requests, ${tally.retried} retried, ${seconds.toFixed(1)} s`,
      );
      expect(stored.rows).toBe(expected.size);
      expect(stored.ids).toBe(expected.size);
      expect([...expected].filter((id) => !stored.idSet.has(id))).toEqual([]);
      expect(tally.acknowledged.size).toBe(expected.size);
    },
    FAULT_TEST_TIMEOUT,
  );

  const bin = process.env.FEEDBACK_POSTGRES_BIN;
  // .ci/with-postgres names the server's folder; in CI its absence fails the test instead of skipping it.
  const restartable = bin || process.env.CI ? it : it.skip;

  restartable(
    "PostgreSQL stopped and restarted mid-burst: clients retry, none lost, none doubled",
    async () => {
      if (!bin) throw new Error("FEEDBACK_POSTGRES_BIN is not set: run the tests through .ci/with-postgres.");
      const cluster = await throwawayCluster(bin, dir);
      try {
        const relays = await Promise.all([0, 1].map(() => startServe(["--store", cluster.url], dir)));
        running.push(...relays);
        const batches = Array.from({ length: 20 }, () => votes(200));
        const total = batches.length * 200;
        const tally: Tally = { acknowledged: new Set(), requests: 0, retried: 0 };
        const clients = Promise.all(
          batches.map((events) =>
            client(
              relays.map((relay) => relay.url),
              events,
              20,
              tally,
            ),
          ),
        );
        // Stop the database once about a third is stored, keep it down a moment, then start it again.
        while (tally.acknowledged.size < total / 3) await sleep(20);
        const atStop = tally.acknowledged.size;
        await cluster.stop();
        const retriedBefore = tally.retried;
        await sleep(1500);
        const retriedWhileDown = tally.retried - retriedBefore;
        await cluster.start();
        await clients;
        const stored = await rowsOf(cluster.url, "feedback_events");
        const lost = [...tally.acknowledged].filter((id) => !stored.idSet.has(id)).length;
        console.log(
          `restart mid-burst: ${total} events from 20 clients, stopped at ${atStop} acknowledged, ${retriedWhileDown} requests retried while down; ${stored.rows} rows, ${stored.ids} distinct, ${lost} lost, ${stored.rows - stored.ids} doubled; ${tally.requests} requests, ${tally.retried} retried`,
        );
        expect(retriedWhileDown).toBeGreaterThan(0);
        expect(lost).toBe(0);
        expect(stored.rows).toBe(total);
        expect(stored.ids).toBe(total);
      } finally {
        await cluster.stop();
      }
    },
    FAULT_TEST_TIMEOUT,
  );
});

/** A PostgreSQL cluster of this test's own, so stopping it leaves the other test files' database alone. */
async function throwawayCluster(bin: string, parent: string) {
  const data = path.join(parent, "cluster");
  const port = await closedPort();
  const root = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root: CI runs as root, so the cluster belongs to the postgres user.
  const asOwner = (command: string, ...args: string[]) =>
    root ? run("runuser", ["-u", "postgres", "--", `${bin}/${command}`, ...args]) : run(`${bin}/${command}`, args);
  if (root) await run("chown", ["postgres", parent]);
  await asOwner("initdb", "-D", data, "-U", "feedback", "--auth=trust", "--encoding=UTF8");
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${parent}`;
  const start = () => asOwner("pg_ctl", "-D", data, "-o", options, "-w", "-l", path.join(parent, "log"), "start");
  await start();
  await asOwner("createdb", "-h", "127.0.0.1", "-p", String(port), "-U", "feedback", "feedback");
  return {
    url: `postgres://feedback@127.0.0.1:${port}/feedback`,
    start,
    // Fast shutdown: open sessions are cut, as a crash or a failover would cut them.
    stop: () => asOwner("pg_ctl", "-D", data, "-m", "fast", "-w", "stop").catch(() => undefined),
  };
}

const run = promisify(execFile);
