// `npm run bench -- insights`: the dashboard's cost over 1M events as the collector stores them (realistic
// conversations, each event once, in a file it vouches for), measured against the floor of reading and
// JSON.parse-ing the same file, in the same process, runs alternating. Goals: `summarize` at least 0.8x the
// floor's throughput; the dashboard's first page no more than that pass plus 10%; a later update costs only its
// new events.

import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { insightsDashboard } from "../../src/cli/insightsDashboard";
import { jsonlFileSource, readJsonlFile } from "../../src/cli/jsonlEvents";
import { LINE_TOO_LONG, readLines } from "../../src/cli/readLines";
import type { FeedbackEvent } from "../../src/events/types";
import { createSummarizer } from "../../src/insights/summarize";
import { writeCollectedFile, writeEventsFile } from "./generateEvents";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

let lines = 0;

// The floor: the same bytes read the same way, each line JSON.parse-d, nothing else.
async function parseOnly(file: string): Promise<number> {
  const started = performance.now();
  let count = 0;
  for await (const batch of readLines(readJsonlFile(file, statSync(file).size))) {
    for (const line of batch.lines) if (line !== LINE_TOO_LONG && JSON.parse(line)) count++;
  }
  if (count === 0) throw new Error("no events read");
  lines = count;
  return performance.now() - started;
}

// What the dashboard's first pass does: the store's own reader, each event into the summarizer.
async function summarizePass(file: string): Promise<number> {
  const started = performance.now();
  const summarizer = createSummarizer({ splitBy: "metadata.model" });
  const source = await jsonlFileSource(file);
  for await (const { events } of source.read(() => summarizer.addInvalid())) {
    for (const event of events) summarizer.add(event);
  }
  summarizer.summary();
  return performance.now() - started;
}

/** Time to the dashboard's whole first page, from a cold start (no summary yet) over the same file. */
async function firstPage(file: string): Promise<{ firstMs: number; updateMs: number }> {
  // The collector's store hands the dashboard what it stores from the moment the dashboard listens.
  let store: ((events: readonly FeedbackEvent[]) => void) | undefined;
  const dashboard = insightsDashboard({
    source: () => jsonlFileSource(file),
    watch: async (listener) => {
      store = listener;
      return () => {
        store = undefined;
      };
    },
    storeName: file,
  });
  const server = createServer((request, response) => void dashboard.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  const page = await fetch(`${origin}/?splitBy=metadata.model`);
  await page.text();
  const firstMs = performance.now() - started;
  // A later refresh after 1,000 new events: the open summary takes them, nothing reads the file again.
  const now = Date.now();
  const fresh = Array.from({ length: 1000 }, (_, i) => ({
    id: `0190${i}`,
    v: 1,
    ts: new Date(now + i).toISOString(),
    type: "rating",
    messageId: `fresh-${i}`,
    feedbackKey: `fresh-${i}:rating`,
    value: "up",
    previous: null,
  })) as FeedbackEvent[];
  const updateStarted = performance.now();
  if (!store) throw new Error("the dashboard did not listen to the store");
  store(fresh);
  const summary = await (await fetch(`${origin}/insights/summary?splitBy=metadata.model`)).json();
  const updateMs = performance.now() - updateStarted;
  if (summary.thumbs.overall.up < 1000) throw new Error("the update did not reach the summary");
  dashboard.close();
  server.close();
  return { firstMs, updateMs };
}

const dir = mkdtempSync(join(tmpdir(), "rfl-insights-bench-"));
try {
  const generated = join(dir, "generated.jsonl");
  const file = join(dir, "feedback.jsonl");
  await writeEventsFile(generated, EVENTS);
  await writeCollectedFile(generated, file);
  rmSync(generated);
  const mib = statSync(file).size / 1024 / 1024;
  const parse: number[] = [];
  const summarize: number[] = [];
  const first: number[] = [];
  const update: number[] = [];
  await parseOnly(file); // warm-up: the file in the page cache, the code compiled
  console.log(`${lines.toLocaleString("en-US")} events, ${mib.toFixed(0)} MiB; ${REPEATS} runs each, alternating`);
  for (let run = 0; run < REPEATS; run++) {
    parse.push(await parseOnly(file));
    summarize.push(await summarizePass(file));
    const page = await firstPage(file);
    first.push(page.firstMs);
    update.push(page.updateMs);
  }
  const rate = (ms: number) => Math.round(lines / (ms / 1000));
  const figures = {
    events: lines,
    parseMs: median(parse),
    summarizeMs: median(summarize),
    firstPageMs: median(first),
    updateMs: median(update),
    parseEventsPerSecond: rate(median(parse)),
    summarizeEventsPerSecond: rate(median(summarize)),
    // Per run, then the median: a pair measured back to back shares the machine's mood.
    throughputRatio: median(parse.map((ms, i) => ms / (summarize[i] as number))),
    firstPageOverPass: median(first.map((ms, i) => ms / (summarize[i] as number))),
  };
  console.log(
    `read + JSON.parse (floor)   ${figures.parseMs.toFixed(0)} ms  ${figures.parseEventsPerSecond.toLocaleString("en-US")} events/s`,
  );
  console.log(
    `read + parse + summarize    ${figures.summarizeMs.toFixed(0)} ms  ${figures.summarizeEventsPerSecond.toLocaleString("en-US")} events/s`,
  );
  console.log(`  throughput against the floor: ${figures.throughputRatio.toFixed(2)}x (goal ≥ 0.8x)`);
  console.log(
    `dashboard first page        ${figures.firstPageMs.toFixed(0)} ms, ${figures.firstPageOverPass.toFixed(2)}x the summarize pass (goal ≤ 1.10x)`,
  );
  console.log(`update with 1,000 new events ${figures.updateMs.toFixed(1)} ms (no re-read of the store)`);
  mkdirSync("test/bench/results", { recursive: true });
  writeFileSync(
    "test/bench/results/insights.json",
    `${JSON.stringify({ when: new Date().toISOString(), ...figures }, null, 2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
