// `npm run bench -- export`: the export CLI on 250k, 500k and 1M generated events (a seeded collector file),
// against a naive peer (readFileSync + split + JSON.parse of everything) measured in the same run. Each run is
// a fresh process, so its peak memory is its own. Goal: at least 200,000 events/s, memory flat in input size.
// A third run only reads and JSON.parses each line: the floor no export of these events can beat. Goal: export at
// least 0.6x the throughput of that floor on a file the collector wrote (its events were checked on the way in,
// so export need not validate them again); a file from elsewhere is validated line by line. The collected-file
// ratio is measured for each family of input (generateEvents.ts: mixed, ratings, edits, duplicates), the export
// and the floor alternating so both see the same load.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonlFileSource } from "../../src/cli/jsonlEvents";
import { EVENT_FAMILIES, writeCollectedFile, writeEventsFile } from "./generateEvents";

const SIZES = [250_000, 500_000, 1_000_000];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
// Events per family besides the mixed one (measured at the largest size): the edits family's lines are long.
const FAMILY_EVENTS = Number(process.env.BENCH_FAMILY_EVENTS ?? 500_000);
// A heap this small holds no 1M-event file: the streaming export must finish under it.
const SMALL_HEAP_MB = 64;

interface Run {
  ms: number;
  cpuMs: number;
  mainThreadCpuMs: number | null;
  lines: number;
  peakRssBytes: number;
  peakHeapUsedBytes: number;
  peakLiveHeapBytes: number | null;
}

function measure(
  mode: "stream" | "naive" | "parse",
  input: string,
  nodeFlags: string[] = [],
): Run | { failed: string } {
  const output = `${input}.${mode}.out`;
  const child = spawnSync(
    process.execPath,
    [...nodeFlags, "--import", "tsx", "test/bench/exportRun.ts", mode, input, output],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  rmSync(output, { force: true });
  if (child.status !== 0) {
    const reason = /ERR_STRING_TOO_LONG|heap out of memory|Invalid string length/.exec(child.stderr)?.[0];
    return { failed: reason ?? `exit ${child.status}: ${child.stderr.slice(-300)}` };
  }
  return JSON.parse(child.stdout.trim().split("\n").at(-1) as string);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Summary {
  runs: number;
  medianMs: number;
  eventsPerSecond: number;
  eventsPerCpuSecond: number;
  peakRssMiB: number;
  peakHeapUsedMiB: number;
  peakLiveHeapMiB: number | null;
}

function summarize(runs: (Run | { failed: string })[]): Summary | { failed: string } {
  const ok = runs.filter((run): run is Run => !("failed" in run));
  if (ok.length === 0) return { failed: (runs[0] as { failed: string }).failed };
  return {
    runs: ok.length,
    medianMs: Math.round(median(ok.map((run) => run.ms))),
    eventsPerSecond: Math.round(median(ok.map((run) => run.lines / (run.ms / 1000)))),
    eventsPerCpuSecond: Math.round(median(ok.map((run) => run.lines / (run.cpuMs / 1000)))),
    peakRssMiB: mib(median(ok.map((run) => run.peakRssBytes))),
    peakHeapUsedMiB: mib(median(ok.map((run) => run.peakHeapUsedBytes))),
    peakLiveHeapMiB: ok.every((run) => run.peakLiveHeapBytes !== null)
      ? mib(median(ok.map((run) => run.peakLiveHeapBytes as number)))
      : null,
  };
}

/** `REPEATS` runs of the export and of the floor on `input`, alternating. */
function alternate(input: string) {
  const runs = { stream: [] as (Run | { failed: string })[], parse: [] as (Run | { failed: string })[] };
  for (let i = 0; i < REPEATS; i++) {
    runs.stream.push(measure("stream", input));
    runs.parse.push(measure("parse", input));
  }
  return runs;
}

/** Ratios of export to floor in one family's runs: of the medians, and the lowest and highest of the pairs. */
function familyRow(runs: ReturnType<typeof alternate>, input: string) {
  const pairs = runs.stream.flatMap((stream, i) => {
    const parse = runs.parse[i];
    return "failed" in stream || !parse || "failed" in parse ? [] : [{ stream, parse }];
  });
  const speed = (run: Run) => run.lines / run.ms;
  const cpuSpeed = (run: Run) => run.lines / run.cpuMs;
  const wall = pairs.map(({ stream, parse }) => speed(stream) / speed(parse));
  const cpu = pairs.map(({ stream, parse }) => cpuSpeed(stream) / cpuSpeed(parse));
  // The main thread's CPU time: what one core spends, the collector's helpers on the other apart.
  const mainThread = pairs.flatMap(({ stream, parse }) =>
    stream.mainThreadCpuMs && parse.mainThreadCpuMs ? [parse.mainThreadCpuMs / stream.mainThreadCpuMs] : [],
  );
  const round2 = (value: number) => Number(value.toFixed(2));
  return {
    // The seal matched, so the export trusted the file: what makes its fast path possible.
    fastPath: trusted.get(input) ?? false,
    inputMiB: mib(statSync(input).size),
    ratio:
      pairs.length === 0
        ? null
        : {
            wall: round2(median(wall)),
            wallRange: [round2(Math.min(...wall)), round2(Math.max(...wall))],
            cpu: round2(median(cpu)),
            cpuRange: [round2(Math.min(...cpu)), round2(Math.max(...cpu))],
            mainThread: mainThread.length === pairs.length ? round2(median(mainThread)) : null,
            mainThreadRange:
              mainThread.length === pairs.length
                ? [round2(Math.min(...mainThread)), round2(Math.max(...mainThread))]
                : null,
          },
  };
}

// Whether each collected file is one the export trusts, read before it is measured.
const trusted = new Map<string, boolean>();
async function checkTrusted(path: string): Promise<void> {
  trusted.set(path, (await jsonlFileSource(path)).distinctIds === true);
}

const dir = mkdtempSync(join(tmpdir(), "rfl-export-bench-"));
const results: Record<string, unknown>[] = [];
try {
  for (const events of SIZES) {
    const input = join(dir, `feedback-${events}.jsonl`);
    await writeEventsFile(input, events, 42);
    const bytes = statSync(input).size;
    const stream = summarize(Array.from({ length: REPEATS }, () => measure("stream", input)));
    const naive = summarize(Array.from({ length: REPEATS }, () => measure("naive", input)));
    const parseOnly = summarize(Array.from({ length: REPEATS }, () => measure("parse", input)));
    const ratio =
      !("failed" in stream) && !("failed" in naive)
        ? Number((stream.eventsPerSecond / naive.eventsPerSecond).toFixed(2))
        : null;
    const streamMiBPerSecond =
      "failed" in stream ? null : Number((bytes / 1024 / 1024 / (stream.medianMs / 1000)).toFixed(1));
    const row = {
      events,
      inputMiB: mib(bytes),
      stream,
      streamMiBPerSecond,
      naive,
      parseOnly,
      streamToNaiveSpeed: ratio,
    };
    results.push(row);
    console.log(JSON.stringify(row));
    if (events !== SIZES.at(-1)) rmSync(input);
  }
  const largest = join(dir, `feedback-${SIZES.at(-1)}.jsonl`);
  // The same events as the collector stores them: each once, in a file it vouches for.
  const collected = join(dir, "collected.jsonl");
  await writeCollectedFile(largest, collected);
  await checkTrusted(collected);
  const collectedRuns = alternate(collected);
  const collectedStream = summarize(collectedRuns.stream);
  const collectedParse = summarize(collectedRuns.parse);
  const toFloor = (run: ReturnType<typeof summarize>, floor: ReturnType<typeof summarize>) =>
    "failed" in run || "failed" in floor
      ? null
      : {
          wall: Number((run.eventsPerSecond / floor.eventsPerSecond).toFixed(2)),
          cpu: Number((run.eventsPerCpuSecond / floor.eventsPerCpuSecond).toFixed(2)),
        };
  const lastRow = results.at(-1) as { stream: ReturnType<typeof summarize>; parseOnly: ReturnType<typeof summarize> };
  const floorRatios = {
    generatedFile: toFloor(lastRow.stream, lastRow.parseOnly),
    collectedFile: toFloor(collectedStream, collectedParse),
  };
  console.log(JSON.stringify({ collected: { stream: collectedStream, parseOnly: collectedParse }, floorRatios }));

  // Each family as the collector stores it: the ratio to the floor, with the spread of the runs.
  const families: Record<string, unknown>[] = [
    { family: "mixed", events: SIZES.at(-1), ...familyRow(collectedRuns, collected) },
  ];
  for (const family of EVENT_FAMILIES.filter((name) => name !== "mixed")) {
    const generated = join(dir, `${family}.jsonl`);
    const stored = join(dir, `${family}-collected.jsonl`);
    await writeEventsFile(generated, FAMILY_EVENTS, 42, family);
    await writeCollectedFile(generated, stored);
    await checkTrusted(stored);
    rmSync(generated);
    const row = { family, events: FAMILY_EVENTS, ...familyRow(alternate(stored), stored) };
    families.push(row);
    console.log(JSON.stringify(row));
    rmSync(stored);
  }
  const smallHeap = measure("stream", largest, [`--max-old-space-size=${SMALL_HEAP_MB}`]);
  const smallHeapNaive = measure("naive", largest, [`--max-old-space-size=${SMALL_HEAP_MB}`]);
  console.log(JSON.stringify({ smallHeapMiB: SMALL_HEAP_MB, stream: smallHeap, naive: smallHeapNaive }));

  const first = results[0]?.stream as Partial<Summary>;
  const last = results.at(-1)?.stream as Partial<Summary>;
  console.log("\nexport --format trl (streaming) vs naive readFileSync + split + JSON.parse, medians:");
  console.log(
    "events     input MiB  stream ev/s (per CPU s)  stream RSS/heap/live MiB  naive ev/s (per CPU s)  naive RSS/heap/live MiB  speed ratio",
  );
  for (const row of results) {
    const s = row.stream as ReturnType<typeof summarize>;
    const n = row.naive as ReturnType<typeof summarize>;
    const cell = (r: ReturnType<typeof summarize>) =>
      "failed" in r
        ? [`failed: ${r.failed}`, ""]
        : [
            `${r.eventsPerSecond} (${r.eventsPerCpuSecond})`,
            `${r.peakRssMiB} / ${r.peakHeapUsedMiB} / ${r.peakLiveHeapMiB ?? "-"}`,
          ];
    const [sSpeed, sMem] = cell(s);
    const [nSpeed, nMem] = cell(n);
    console.log(
      `${String(row.events).padEnd(10)} ${String(row.inputMiB).padEnd(10)} ${sSpeed?.padEnd(24)} ${sMem?.padEnd(25)} ${nSpeed?.padEnd(23)} ${nMem?.padEnd(24)} ${row.streamToNaiveSpeed ?? "-"}`,
    );
  }
  const ratio = (a?: number | null, b?: number | null) => (a && b ? Number((a / b).toFixed(2)) : null);
  const growth = ratio(last?.peakRssMiB, first?.peakRssMiB);
  const liveGrowth = ratio(last?.peakLiveHeapMiB, first?.peakLiveHeapMiB);
  for (const row of results) {
    const p = row.parseOnly as ReturnType<typeof summarize>;
    if (!("failed" in p)) {
      console.log(
        `read + JSON.parse only, ${row.events} events: ${p.eventsPerSecond} ev/s (${p.eventsPerCpuSecond} per CPU s)`,
      );
    }
  }
  console.log(
    `export / (read + JSON.parse), ${SIZES.at(-1)} events, wall clock (per CPU second): generated file, validated line by line ${floorRatios.generatedFile?.wall} (${floorRatios.generatedFile?.cpu}); file the collector wrote ${floorRatios.collectedFile?.wall} (${floorRatios.collectedFile?.cpu}); goal 0.6`,
  );
  for (const row of families) {
    console.log(
      `  ${String(row.family).padEnd(10)} ${String(row.events).padStart(9)} events, file the collector wrote (fast path ${row.fastPath ? "taken" : "NOT taken"}): export / (read + JSON.parse) ${JSON.stringify(row.ratio)}`,
    );
  }
  console.log(
    `stream at ${SIZES.at(-1)} / at ${SIZES[0]} events: peak RSS ${growth}, peak live heap ${liveGrowth} (flat = 1.0)`,
  );
  const goal = (run?: Partial<Summary>) =>
    `${run?.eventsPerSecond ?? "-"} ev/s, ${(run?.eventsPerSecond ?? 0) >= 200_000 ? "met" : "not met"} on the wall clock, ${(run?.eventsPerCpuSecond ?? 0) >= 200_000 ? "met" : "not met"} per CPU second`;
  console.log(
    `goal 200,000 events/s at 1M: generated file, validated line by line: ${goal(last)}; file the collector wrote: ${goal(collectedStream as Partial<Summary>)}`,
  );

  mkdirSync("test/bench/results", { recursive: true });
  writeFileSync(
    "test/bench/results/export.json",
    `${JSON.stringify(
      {
        name: "export",
        date: new Date().toISOString(),
        node: process.version,
        repeats: REPEATS,
        sizes: results,
        smallHeap: { heapMiB: SMALL_HEAP_MB, stream: smallHeap, naive: smallHeapNaive },
        collected: { stream: collectedStream, parseOnly: collectedParse },
        floorRatios,
        families,
        goalFloorRatio: 0.6,
        streamPeakRssGrowth: growth,
        streamPeakLiveHeapGrowth: liveGrowth,
        goalEventsPerSecond: 200_000,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
