// One measured export in a fresh process, so its memory figures are its own. Run by export.bench.ts:
//   tsx test/bench/exportRun.ts stream|naive|parse <in.jsonl> <out.jsonl>
// Prints {ms, cpuMs, mainThreadCpuMs, lines, peakRssBytes, peakHeapUsedBytes, peakLiveHeapBytes} as JSON on stdout.
// peakHeapUsed counts garbage not yet collected (V8 lets more pile up in a longer run); peakLiveHeap is read
// right after each full (mark-compact) collection, so it is close to what the export really holds. CPU time
// (user + system) tells the cost apart from waiting for a core on a busy machine; the main thread's own CPU time
// leaves out the garbage collector's helper threads, which run on another core when one is free.
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { Writable } from "node:stream";
import { main } from "../../src/cli/main";
import { readLines } from "../../src/cli/readLines";
import { toPreferencePairs } from "../../src/datasets/toPreferencePairs";
import type { FeedbackEvent } from "../../src/events/types";
import { validateEvent } from "../../src/events/validate";

const [mode, input, output] = process.argv.slice(2) as [string, string, string];

let peakRss = 0;
let peakHeapUsed = 0;
function sample() {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
}
const sampler = setInterval(sample, 20);

let peakLiveHeap = 0;
const fullCollections = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (
      (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR
    ) {
      peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
    }
  }
});
fullCollections.observe({ entryTypes: ["gc"] });

// The peer: what a script written in a hurry does. Whole file in memory, every event parsed up front.
function naiveExport(): number {
  const lines = readFileSync(input, "utf8").split("\n");
  const events: FeedbackEvent[] = [];
  for (const line of lines) {
    if (line === "") continue;
    try {
      const event = JSON.parse(line);
      if (!validateEvent(event)) events.push(event);
    } catch {}
  }
  sample();
  const rows = [...toPreferencePairs(events, { format: "trl", validate: false })];
  writeFileSync(output, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  return lines.length - 1;
}

// The floor: the same streaming read with JSON.parse of each line and nothing else (no validation, no output).
async function parseOnly(): Promise<number> {
  let lines = 0;
  for await (const batch of readLines(createReadStream(input, { highWaterMark: 1024 * 1024, encoding: "utf8" }))) {
    for (const line of batch.lines) {
      lines++;
      try {
        if (typeof line === "string") JSON.parse(line);
      } catch {}
    }
  }
  return lines;
}

async function streamingExport(): Promise<number> {
  let summary = "";
  const stderr = new Writable({
    write(chunk, _encoding, done) {
      summary += String(chunk);
      done();
    },
  });
  const code = await main(["export", "--format", "trl", "--in", input, "--out", output], {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr,
    cwd: process.cwd(),
  });
  if (code !== 0) throw new Error(summary);
  return Number(/export: ([\d,]+) lines/.exec(summary)?.[1]?.replaceAll(",", ""));
}

// The main thread's user + system time from Linux's per-thread accounting (USER_HZ is 100); null elsewhere.
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const started = performance.now();
const cpuAtStart = process.cpuUsage();
const mainThreadAtStart = mainThreadCpuMs();
const lines = mode === "naive" ? naiveExport() : mode === "parse" ? await parseOnly() : await streamingExport();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const mainThreadAtEnd = mainThreadCpuMs();
const mainThreadMs =
  mainThreadAtStart === null || mainThreadAtEnd === null ? null : mainThreadAtEnd - mainThreadAtStart;
sample();
clearInterval(sampler);
fullCollections.disconnect();
// null when no full collection ran, so there is no live-heap reading.
const peakLiveHeapBytes = peakLiveHeap > 0 ? peakLiveHeap : null;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs, mainThreadCpuMs: mainThreadMs, lines, peakRssBytes: peakRss, peakHeapUsedBytes: peakHeapUsed, peakLiveHeapBytes })}\n`,
);
