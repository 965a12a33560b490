// Loaded into the relay by the ingest benchmark (`node --expose-gc --import tsx --import <this file> … serve`), so
// the product carries no measuring code. Over the IPC channel the benchmark opens, it answers:
//   { type: "measure" }          → HeapReading, taken after full collections
//   { type: "snapshot", path }   → a V8 heap snapshot written to `path` (open two in DevTools' Comparison view,
//                                   or compare them with compareHeapSnapshots.ts)
// and it keeps, between two readings, the heap in use after each full collection V8 ran by itself.
//
// Two full collections, because they tell different things. `gc()` is a plain mark-compact, as V8 runs while the
// relay works: what it leaves varies by tens of MiB from one moment to the next (objects that V8 keeps through
// it and frees only in its memory-reducing collection). The memory-reducing one (what V8 runs under memory
// pressure or when idle, and before a heap snapshot) leaves what the relay really holds: the live heap.
import { Session } from "node:inspector";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { getHeapStatistics, writeHeapSnapshot } from "node:v8";

/** The relay's memory in bytes, as `process.memoryUsage()` and V8 report it after full collections. */
export interface HeapReading {
  /** The heap in use after a memory-reducing full collection: what the relay holds. */
  live: number;
  /** The heap in use after plain full collections (`gc()`), read just before. */
  afterMajorGc: number;
  /** The heap V8 has reserved, in use and free: the JavaScript part of the resident size. */
  heapTotal: number;
  /** Memory of C++ objects bound to JavaScript ones (buffers, typed arrays, native handles). */
  external: number;
  /** The part of `external` held by ArrayBuffers and typed arrays. */
  arrayBuffers: number;
  /** The resident size after the collections: what stays when V8 has given back the heap it can. */
  rss: number;
  /** The most V8 had reserved since the previous reading (sampled every 200 ms): the heap's share of RSS. */
  heapTotalPeak: number;
  /** heapUsed after each full collection V8 ran by itself since the previous reading, in order. */
  majorSince: number[];
}

export type HeapRequest = { type: "measure" } | { type: "snapshot"; path: string };
export type HeapAnswer = { type: "measured"; reading: HeapReading } | { type: "snapshot"; path: string };

const collect = (globalThis as { gc?: (options?: { type: "major"; execution: "sync" }) => void }).gc;
if (!process.send || !collect) {
  throw new Error("heapProbe needs an IPC channel (spawn with 'ipc' in stdio) and node --expose-gc.");
}

// The inspector's collectGarbage runs V8's memory-reducing collection (Isolate::LowMemoryNotification).
const inspector = new Session();
inspector.connect();
const reducingCollection = () =>
  new Promise<void>((resolve, reject) =>
    inspector.post("HeapProfiler.collectGarbage", (error) => (error ? reject(error) : resolve())),
  );

let majorSince: number[] = [];
// When the collections made here ran: the observer hears of them later, and they are the reading itself.
const forced: { from: number; to: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { kind } = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail ?? {};
    if (kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    if (forced.some(({ from, to }) => entry.startTime >= from && entry.startTime <= to)) continue;
    // Read as the observer hears of it, a moment after the collection: close to what it left.
    majorSince.push(process.memoryUsage().heapUsed);
  }
}).observe({ entryTypes: ["gc"] });

let heapTotalPeak = 0;
const sampler = setInterval(() => {
  heapTotalPeak = Math.max(heapTotalPeak, getHeapStatistics().total_heap_size);
}, 200);
sampler.unref();

async function measure(): Promise<HeapReading> {
  const from = performance.now();
  // Twice: objects whose finalizers or weak callbacks ran in the first are freed by the second.
  collect?.({ type: "major", execution: "sync" });
  collect?.({ type: "major", execution: "sync" });
  const afterMajorGc = process.memoryUsage().heapUsed;
  await reducingCollection();
  forced.push({ from, to: performance.now() });
  const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
  const reading = { live: heapUsed, afterMajorGc, heapTotal, external, arrayBuffers, rss, heapTotalPeak, majorSince };
  majorSince = [];
  heapTotalPeak = heapTotal;
  return reading;
}

process.on("message", async (request: HeapRequest) => {
  const answer: HeapAnswer =
    request.type === "snapshot"
      ? { type: "snapshot", path: writeHeapSnapshot(request.path) }
      : { type: "measured", reading: await measure() };
  process.send?.(answer);
});
// The channel must not keep the relay running once it stops serving.
process.channel?.unref();
