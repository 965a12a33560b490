// `npm run bench -- ingest`: events through the relay (`serve`, a process of its own) into PostgreSQL from 20
// concurrent clients sending batches of 20, as the browser's delivery queue does, against the same relay
// appending to a JSONL file, measured in the same run. Goal: at least 5,000 events/s into PostgreSQL with the
// relay's memory flat. Its resident size (RSS) is sampled while the events arrive; RSS also counts heap V8 has
// reserved and not yet returned, so what the relay holds is read apart: its live heap after full collections,
// after the warm-up, halfway and at the end, from test/bench/support/heapProbe.ts, which the benchmark loads
// into the relay (`--import`) so the product carries no measuring code.
//
// BENCH_HEAP_SNAPSHOTS=<folder> also writes the relay's heap snapshot at each reading; then
// `npx tsx test/bench/support/compareHeapSnapshots.ts <start> <end>` says what grew.
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
import type { HeapAnswer, HeapReading, HeapRequest } from "./support/heapProbe";

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 50_000);
const WARMUP = 2_000;
const CLIENTS = 20;
const BATCH = 20;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS;
const MIB = 1024 * 1024;
const FLAT_MIB_PER_100K = 2;

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
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      "--import",
      "./test/bench/support/heapProbe.ts",
      "src/cli/bin.ts",
      "serve",
      "--port",
      "0",
      "--store",
      store,
    ],
    { stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
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

/** Asks the relay's heap probe for a reading (or a snapshot) after full collections. */
function askHeap(child: ChildProcess, request: HeapRequest): Promise<HeapAnswer> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error("the relay exited before its heap was read"));
    child.once("exit", onExit);
    child.once("message", (answer) => {
      child.off("exit", onExit);
      resolve(answer as HeapAnswer);
    });
    child.send(request);
  });
}

async function readHeap(child: ChildProcess, snapshot: string | undefined): Promise<HeapReading> {
  const answer = await askHeap(child, { type: "measure" });
  if (answer.type !== "measured") throw new Error("the heap probe answered out of turn");
  if (snapshot) await askHeap(child, { type: "snapshot", path: snapshot });
  return answer.reading;
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
  /**
   * What the relay holds: V8's heap in use after a memory-reducing full collection, read after the warm-up,
   * halfway and at the end.
   */
  liveHeapStartMiB: number;
  liveHeapMidMiB: number;
  liveHeapEndMiB: number;
  /** Live heap added per 100,000 events in the second half, once the relay's bounded memory is full. */
  liveHeapGrowthPer100kEventsMiB: number;
  /** The heap in use after plain full collections (`gc()`) at the same moments: more, and varying. */
  heapAfterMajorGcStartMiB: number;
  heapAfterMajorGcMidMiB: number;
  heapAfterMajorGcEndMiB: number;
  /**
   * The heap V8 had reserved (the JavaScript part of RSS): at most while the events arrived, and at the start and
   * end once the collections gave back what they could.
   */
  heapTotalPeakMiB: number;
  heapTotalStartMiB: number;
  heapTotalEndMiB: number;
  /** The resident size after the same collections: what stays when V8 has given back its spare heap. */
  rssAfterGcStartMiB: number;
  rssAfterGcEndMiB: number;
  /** Memory outside V8's heap (buffers, typed arrays, native handles), and its ArrayBuffer part. */
  externalStartMiB: number;
  externalEndMiB: number;
  arrayBuffersStartMiB: number;
  arrayBuffersEndMiB: number;
  /** Full collections V8 ran by itself while the events arrived. */
  majorGcs: number;
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
    const snapshot = (at: string) =>
      SNAPSHOTS ? join(SNAPSHOTS, `relay-${store}-${round_}-${at}.heapsnapshot`) : undefined;
    // Wall-clock and CPU time of sending only: the heap readings between the halves are left out.
    let seconds = 0;
    let cpu = 0;
    let database: number | undefined = 0;
    let retried = 0;
    const timedSend = async (part: string[]) => {
      const started = performance.now();
      const cpuBefore = cpuSeconds(pid);
      const databaseBefore = store === "postgres" ? postgresCpuSeconds() : 0;
      retried += (await send(relay.url, part)).retried;
      seconds += (performance.now() - started) / 1000;
      cpu += cpuSeconds(pid) - cpuBefore;
      const databaseAfter = store === "postgres" ? postgresCpuSeconds() : 0;
      database =
        database === undefined || databaseBefore === undefined || databaseAfter === undefined
          ? undefined
          : database + databaseAfter - databaseBefore;
    };
    // Read after the warm-up, halfway and at the end: the relay's bounded memory (the outcomes it remembers, up
    // to 10,000 ids) fills in the first half, so the second half says whether anything grows with the events.
    const heapStart = await readHeap(relay.child, snapshot("start"));
    const samples: number[] = [rssMiB(pid)];
    const sampler = setInterval(() => samples.push(rssMiB(pid)), 200);
    const half = Math.ceil(batches.length / 2);
    await timedSend(batches.slice(0, half));
    const heapMid = await readHeap(relay.child, snapshot("mid"));
    await timedSend(batches.slice(half));
    clearInterval(sampler);
    samples.push(rssMiB(pid));
    const heapEnd = await readHeap(relay.child, snapshot("end"));
    const mib = (bytes: number) => round(bytes / MIB, 1);
    // Flat means the last quarter of the run holds no more than the first: medians of each, so one GC is noise.
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    return {
      eventsPerSecond: round((all.length - WARMUP) / seconds),
      eventsPerRelayCpuSecond: round((all.length - WARMUP) / cpu),
      eventsPerCpuSecond: database === undefined ? null : round((all.length - WARMUP) / (cpu + database)),
      liveHeapStartMiB: mib(heapStart.live),
      liveHeapMidMiB: mib(heapMid.live),
      liveHeapEndMiB: mib(heapEnd.live),
      liveHeapGrowthPer100kEventsMiB: round(
        ((heapEnd.live - heapMid.live) / MIB / (batches.length - half) / BATCH) * 100_000,
        1,
      ),
      heapAfterMajorGcStartMiB: mib(heapStart.afterMajorGc),
      heapAfterMajorGcMidMiB: mib(heapMid.afterMajorGc),
      heapAfterMajorGcEndMiB: mib(heapEnd.afterMajorGc),
      heapTotalPeakMiB: mib(Math.max(heapMid.heapTotalPeak, heapEnd.heapTotalPeak)),
      heapTotalStartMiB: mib(heapStart.heapTotal),
      heapTotalEndMiB: mib(heapEnd.heapTotal),
      rssAfterGcStartMiB: mib(heapStart.rss),
      rssAfterGcEndMiB: mib(heapEnd.rss),
      externalStartMiB: mib(heapStart.external),
      externalEndMiB: mib(heapEnd.external),
      arrayBuffersStartMiB: mib(heapStart.arrayBuffers),
      arrayBuffersEndMiB: mib(heapEnd.arrayBuffers),
      majorGcs: heapMid.majorSince.length + heapEnd.majorSince.length,
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
  // The median of each figure over the runs (null when a run has none).
  const summary = (list: Run[]) =>
    Object.fromEntries(
      Object.keys(list[0] as Run).map((key) => {
        const values = list.map((run) => run[key as keyof Run]);
        return [key, values.includes(null) ? null : median(values as number[])];
      }),
    ) as { [key in keyof Run]: Run[key] };
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
    // Flat: the second half adds less than 2 MiB of live heap per 100,000 events (20 bytes an event, where
    // keeping one id string per event would add about 80).
    goalLiveHeapGrowthPer100kEventsMiB: FLAT_MIB_PER_100K,
    flatLiveHeap: postgres.liveHeapGrowthPer100kEventsMiB < FLAT_MIB_PER_100K,
  };
  console.log(
    `\nrelay ingest, ${result.events.toLocaleString("en-US")} events from ${CLIENTS} clients in batches of ${BATCH}, medians of ${REPEATS}:`,
  );
  for (const [name, row] of [
    ["PostgreSQL", postgres],
    ["JSONL file", jsonl],
  ] as const) {
    console.log(
      `  ${name.padEnd(11)} ${String(row.eventsPerSecond).padStart(7)} events/s, ${String(row.eventsPerRelayCpuSecond).padStart(7)} per relay CPU second, ${String(row.eventsPerCpuSecond ?? "-").padStart(7)} per CPU second of relay and store   relay live heap ${row.liveHeapStartMiB} → ${row.liveHeapMidMiB} → ${row.liveHeapEndMiB} MiB (after plain GC ${row.heapAfterMajorGcStartMiB} → ${row.heapAfterMajorGcMidMiB} → ${row.heapAfterMajorGcEndMiB}), RSS ${row.rssStartMiB} → ${row.rssEndMiB} MiB (peak ${row.rssPeakMiB})`,
    );
  }
  console.log(
    `  PostgreSQL / JSONL speed: ${result.postgresToJsonlSpeed}; goal 5,000 events/s: ${result.meetsGoal ? "met" : "NOT met"}; live heap added per 100,000 events in the second half: PostgreSQL ${postgres.liveHeapGrowthPer100kEventsMiB} MiB, JSONL ${jsonl.liveHeapGrowthPer100kEventsMiB} MiB (flat: under ${FLAT_MIB_PER_100K} MiB: ${result.flatLiveHeap ? "met" : "NOT met"})`,
  );
  mkdirSync("test/bench/results", { recursive: true });
  writeFileSync("test/bench/results/ingest.json", `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
