// `npm run bench -- ingest`: events through the relay (`serve`, a process of its own) into PostgreSQL from 20
// concurrent clients sending batches of 20, as the browser's delivery queue does, against the same relay
// appending to a JSONL file, measured in the same run. Goal: at least 5,000 events/s into PostgreSQL with the
// relay's memory flat (its resident size sampled while the events arrive).
//
// Without FEEDBACK_POSTGRES_URL it runs itself again through .ci/with-postgres, beside a throwaway cluster.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { FeedbackEvent } from "../../src/events/types";
import { validateEvent } from "../../src/events/validate";
import { generateEventLines } from "./generateEvents";

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);
const WARMUP = 2_000;
const CLIENTS = 20;
const BATCH = 20;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

if (!process.env.FEEDBACK_POSTGRES_URL) {
  const port = await freePort();
  console.log("No FEEDBACK_POSTGRES_URL: running beside a throwaway cluster (.ci/with-postgres).");
  const { status } = spawnSync(
    ".ci/with-postgres",
    [process.execPath, "--import", "tsx", "test/bench/ingest.bench.ts"],
    {
      stdio: "inherit",
      env: { ...process.env, FEEDBACK_POSTGRES_PORT: String(port) },
    },
  );
  process.exit(status ?? 1);
}
const DATABASE = process.env.FEEDBACK_POSTGRES_URL;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Realistic events as the browser sends them: valid, each id once. */
function events(count: number): FeedbackEvent[] {
  const seen = new Set<string>();
  const out: FeedbackEvent[] = [];
  for (const line of generateEventLines(Math.ceil(count * 1.3), 11)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (validateEvent(parsed) || seen.has((parsed as FeedbackEvent).id)) continue;
    seen.add((parsed as FeedbackEvent).id);
    out.push(parsed as FeedbackEvent);
    if (out.length === count) break;
  }
  return out;
}

async function startRelay(store: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [
    "--import",
    "tsx",
    "src/cli/bin.ts",
    "serve",
    "--port",
    "0",
    "--store",
    store,
  ]);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const match = /http:\/\/\S+\/feedback/.exec(output);
      if (match) resolve(match[0]);
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", () => reject(new Error(`serve exited: ${output}`)));
  });
  return { child, url };
}

// The relay's CPU time in seconds (user + system), from Linux's view of the process: on a shared machine, events
// per CPU second say what the relay costs when wall-clock rates say how busy the machine was.
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// PostgreSQL's CPU time: the postmaster and every process it started (connections, WAL writer, checkpointer).
// Connections that close during the run take their time with them, so this is a lower bound.
function postgresCpuSeconds(): number | undefined {
  const data = process.env.FEEDBACK_POSTGRES_DATA;
  if (!data) return undefined;
  const postmaster = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  let total = cpuSeconds(postmaster);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      if (Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

// The relay's resident memory, from Linux's view of the process.
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

// node:http with kept-alive connections, one per client: the cheapest client, so the relay is what is measured.
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json" } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** 20 clients send `batches` as fast as the relay answers, resending a batch it does not accept whole. */
async function send(url: string, batches: string[]): Promise<{ retried: number }> {
  let next = 0;
  let retried = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) {
        const body = batches[next++] as string;
        for (;;) {
          const status = await post(url, body);
          if (status === 200) break;
          retried++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }),
  );
  return { retried };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

interface Run {
  eventsPerSecond: number;
  eventsPerRelayCpuSecond: number;
  /** Events per CPU second of relay and database together: what two free cores would sustain. */
  eventsPerCpuSecond: number | null;
  rssStartMiB: number;
  rssEndMiB: number;
  rssPeakMiB: number;
  retried: number;
}

async function measure(store: "postgres" | "jsonl", all: FeedbackEvent[], dir: string, round_: number): Promise<Run> {
  let target: string;
  if (store === "postgres") {
    const schema = `bench_${process.pid}_${round_}`;
    const client = new pg.Client({ connectionString: DATABASE });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await client.end();
    target = `${DATABASE}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  } else {
    target = join(dir, `feedback-${round_}.jsonl`);
  }
  const relay = await startRelay(target);
  try {
    const batches: string[] = [];
    for (let i = 0; i < all.length; i += BATCH) batches.push(JSON.stringify({ events: all.slice(i, i + BATCH) }));
    const warmup = batches.splice(0, WARMUP / BATCH);
    await send(relay.url, warmup);
    const pid = relay.child.pid as number;
    const samples: number[] = [rssMiB(pid)];
    const sampler = setInterval(() => samples.push(rssMiB(pid)), 200);
    const started = performance.now();
    const cpuBefore = cpuSeconds(pid);
    const databaseBefore = store === "postgres" ? postgresCpuSeconds() : 0;
    const { retried } = await send(relay.url, batches);
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(pid) - cpuBefore;
    const databaseAfter = store === "postgres" ? postgresCpuSeconds() : 0;
    const database =
      databaseBefore === undefined || databaseAfter === undefined ? undefined : databaseAfter - databaseBefore;
    clearInterval(sampler);
    samples.push(rssMiB(pid));
    // Flat means the last quarter of the run holds no more than the first: medians of each, so one GC is noise.
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    return {
      eventsPerSecond: round((all.length - WARMUP) / seconds),
      eventsPerRelayCpuSecond: round((all.length - WARMUP) / cpu),
      eventsPerCpuSecond: database === undefined ? null : round((all.length - WARMUP) / (cpu + database)),
      rssStartMiB: round(median(samples.slice(0, quarter)), 1),
      rssEndMiB: round(median(samples.slice(-quarter)), 1),
      rssPeakMiB: round(Math.max(...samples), 1),
      retried,
    };
  } finally {
    relay.child.kill("SIGTERM");
  }
}

const dir = mkdtempSync(join(tmpdir(), "rfl-ingest-bench-"));
try {
  const all = events(EVENTS);
  const runs: Record<"postgres" | "jsonl", Run[]> = { postgres: [], jsonl: [] };
  for (let i = 0; i < REPEATS; i++) {
    // Alternated, so both see the same machine load.
    runs.postgres.push(await measure("postgres", all, dir, i));
    runs.jsonl.push(await measure("jsonl", all, dir, i));
    console.log(JSON.stringify({ round: i + 1, postgres: runs.postgres.at(-1), jsonl: runs.jsonl.at(-1) }));
  }
  const summary = (list: Run[]) => ({
    eventsPerSecond: median(list.map((run) => run.eventsPerSecond)),
    eventsPerRelayCpuSecond: median(list.map((run) => run.eventsPerRelayCpuSecond)),
    eventsPerCpuSecond: list.every((run) => run.eventsPerCpuSecond !== null)
      ? median(list.map((run) => run.eventsPerCpuSecond as number))
      : null,
    rssStartMiB: median(list.map((run) => run.rssStartMiB)),
    rssEndMiB: median(list.map((run) => run.rssEndMiB)),
    rssPeakMiB: median(list.map((run) => run.rssPeakMiB)),
    retried: median(list.map((run) => run.retried)),
  });
  const postgres = summary(runs.postgres);
  const jsonl = summary(runs.jsonl);
  const result = {
    events: all.length - WARMUP,
    clients: CLIENTS,
    batch: BATCH,
    repeats: REPEATS,
    postgres,
    jsonl,
    postgresToJsonlSpeed: round(postgres.eventsPerSecond / jsonl.eventsPerSecond, 2),
    goalEventsPerSecond: 5000,
    meetsGoal: postgres.eventsPerSecond >= 5000,
  };
  console.log(
    `\nrelay ingest, ${result.events.toLocaleString("en-US")} events from ${CLIENTS} clients in batches of ${BATCH}, medians of ${REPEATS}:`,
  );
  for (const [name, row] of [
    ["PostgreSQL", postgres],
    ["JSONL file", jsonl],
  ] as const) {
    console.log(
      `  ${name.padEnd(11)} ${String(row.eventsPerSecond).padStart(7)} events/s, ${String(row.eventsPerRelayCpuSecond).padStart(7)} per relay CPU second, ${String(row.eventsPerCpuSecond ?? "-").padStart(7)} per CPU second of relay and store   relay RSS ${row.rssStartMiB} → ${row.rssEndMiB} MiB (peak ${row.rssPeakMiB})`,
    );
  }
  console.log(
    `  PostgreSQL / JSONL speed: ${result.postgresToJsonlSpeed}; goal 5,000 events/s: ${result.meetsGoal ? "met" : "NOT met"}`,
  );
  mkdirSync("test/bench/results", { recursive: true });
  writeFileSync("test/bench/results/ingest.json", `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
