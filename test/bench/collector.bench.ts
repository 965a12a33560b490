// `npm run bench -- collector`: `serve` starting on a 1 GB JSONL file. Start-up streams the file and keeps only
// the ids of its events, so its peak memory must stay under 300 MB whatever the file's size. Measured on a real
// `serve` process (its peak RSS, VmHWM, read from /proc once it listens), beside the floor for the same file:
// reading it and JSON.parse-ing each line in a process of its own (exportRun.ts parse), in the same run.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeEventsFile } from "./generateEvents";

const EVENTS = Number(process.env.BENCH_COLLECTOR_EVENTS ?? 1_550_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const GOAL_MB = 300;

interface Start {
  ms: number;
  peakRssMB: number;
  events: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Starts `serve` on `file`, resolves once it listens with its start time and peak memory, then stops it. */
function startServe(file: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "serve", "--port", "0", "--file", file]);
  let output = "";
  let errors = "";
  child.stderr.on("data", (chunk) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const listening = /\(([\d,]+) events so far\)/.exec(output);
      if (!listening) return;
      const ms = performance.now() - started;
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const peakKiB = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
      child.once("exit", () =>
        resolve({ ms, peakRssMB: mb(peakKiB * 1024), events: Number(listening[1]?.replaceAll(",", "")) }),
      );
      child.kill("SIGTERM");
    });
    child.once("exit", (code) => {
      if (!/events so far/.test(output)) reject(new Error(`serve exited with ${code}: ${errors}`));
    });
  });
}

function parseOnly(file: string): { ms: number; peakRssMB: number } {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "test/bench/exportRun.ts", "parse", file, `${file}.out`],
    {
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const result = JSON.parse(run.stdout.trim().split("\n").at(-1) as string);
  return { ms: result.ms, peakRssMB: mb(result.peakRssBytes) };
}

const dir = mkdtempSync(join(tmpdir(), "rfl-collector-bench-"));
try {
  const file = join(dir, "feedback.jsonl");
  await writeEventsFile(file, EVENTS, 42);
  const bytes = statSync(file).size;
  const starts: Start[] = [];
  const floors: { ms: number; peakRssMB: number }[] = [];
  for (let i = 0; i < REPEATS; i++) {
    starts.push(await startServe(file));
    floors.push(parseOnly(file));
  }
  const summary = {
    name: "collector",
    date: new Date().toISOString(),
    node: process.version,
    repeats: REPEATS,
    fileMB: mb(bytes),
    lines: EVENTS,
    eventsHeld: starts[0]?.events,
    serveStartMs: Math.round(median(starts.map((start) => start.ms))),
    servePeakRssMB: median(starts.map((start) => start.peakRssMB)),
    parseOnlyMs: Math.round(median(floors.map((floor) => floor.ms))),
    parseOnlyPeakRssMB: median(floors.map((floor) => floor.peakRssMB)),
    goalPeakRssMB: GOAL_MB,
  };
  console.log(JSON.stringify(summary));
  console.log(
    `serve on a ${summary.fileMB} MB file (${summary.eventsHeld} events): starts in ${summary.serveStartMs} ms with a peak RSS of ${summary.servePeakRssMB} MB (goal: at most ${GOAL_MB} MB, ${summary.servePeakRssMB <= GOAL_MB ? "met" : "not met"}); reading + JSON.parse alone: ${summary.parseOnlyMs} ms, ${summary.parseOnlyPeakRssMB} MB; start / floor time: ${(summary.serveStartMs / summary.parseOnlyMs).toFixed(2)}`,
  );
  mkdirSync("test/bench/results", { recursive: true });
  writeFileSync("test/bench/results/collector.json", `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
