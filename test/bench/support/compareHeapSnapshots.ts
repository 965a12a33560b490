// What grew between two V8 heap snapshots (as the ingest benchmark writes with BENCH_HEAP_SNAPSHOTS):
//   npx tsx test/bench/support/compareHeapSnapshots.ts <start.heapsnapshot> <end.heapsnapshot> [rows]
// Objects are grouped by their kind and constructor (strings by kind alone), with their count and own size in
// each snapshot, largest growth first: a structure that holds something per event shows up as a group whose
// count grows with the events sent.
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface Group {
  count: number;
  bytes: number;
}

// Strings, code and arrays of V8's own are summed by kind: their names are their contents or internal.
const BY_KIND = new Set(["string", "concatenated string", "sliced string", "code", "number", "hidden", "array"]);

function groups(path: string): Map<string, Group> {
  const heap = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const type = fields.indexOf("type");
  const name = fields.indexOf("name");
  const size = fields.indexOf("self_size");
  const out = new Map<string, Group>();
  for (let at = 0; at < heap.nodes.length; at += width) {
    const kind = types[heap.nodes[at + type] as number] as string;
    const key = BY_KIND.has(kind) ? `(${kind})` : `${kind} ${heap.strings[heap.nodes[at + name] as number]}`;
    const group = out.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += heap.nodes[at + size] as number;
    out.set(key, group);
  }
  return out;
}

const [startPath, endPath, rowsArg] = process.argv.slice(2);
if (!startPath || !endPath) {
  console.error("Usage: tsx test/bench/support/compareHeapSnapshots.ts <start.heapsnapshot> <end.heapsnapshot> [rows]");
  process.exit(1);
}
const start = groups(startPath);
const end = groups(endPath);
const total = (map: Map<string, Group>) => [...map.values()].reduce((sum, group) => sum + group.bytes, 0);
const rows = [...new Set([...start.keys(), ...end.keys()])]
  .map((key) => {
    const before = start.get(key) ?? { count: 0, bytes: 0 };
    const after = end.get(key) ?? { count: 0, bytes: 0 };
    return { key, before, after, grew: after.bytes - before.bytes };
  })
  .sort((a, b) => b.grew - a.grew)
  .slice(0, Number(rowsArg ?? 25));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(`heap: ${kib(total(start))} → ${kib(total(end))}`);
for (const { key, before, after, grew } of rows) {
  console.log(
    `${(grew >= 0 ? "+" : "") + kib(grew)}`.padStart(12),
    `${before.count} → ${after.count} objects`.padEnd(28),
    `${kib(before.bytes)} → ${kib(after.bytes)}`.padEnd(24),
    key.slice(0, 80),
  );
}
