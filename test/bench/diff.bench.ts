/**
 * `npm run bench -- diff`: our diffWords against jsdiff's diffWords (`diff`), diff-match-patch and fast-diff
 * on the same seeded texts in the same run. Prints medians and our ratio to each, checks the goals, and
 * writes the figures to test/bench/results/diff.json.
 *
 * Peers differ in what they compute: jsdiff diffs words (our peer in kind), diff-match-patch and fast-diff
 * diff characters (diff-match-patch stops after its own 1 s timeout). All run with their defaults.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { diffWords as jsdiffWords } from "diff";
import DiffMatchPatch from "diff-match-patch";
import fastDiff from "fast-diff";
import { diffWords } from "../../src/diff/diffWords";
import { textGenerator } from "./textGenerator";

interface Timing {
  medianMs: number;
  maxMs: number;
  runs: number;
}

/** Runs `fn` after warm-up until `runs` samples or `budgetMs` of total time, whichever comes first. */
function measure(fn: () => unknown, runs: number, budgetMs: number): Timing {
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    fn();
    if (performance.now() - start > budgetMs / 4) break;
  }
  const samples: number[] = [];
  const began = performance.now();
  while (samples.length < runs && (samples.length < 3 || performance.now() - began < budgetMs)) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const middle = samples.length >> 1;
  const medianMs =
    samples.length % 2
      ? (samples[middle] as number)
      : ((samples[middle - 1] as number) + (samples[middle] as number)) / 2;
  return { medianMs, maxMs: samples[samples.length - 1] as number, runs: samples.length };
}

const generator = textGenerator(20261124);
const base20 = generator.text(20_000);
const edited20 = generator.edit(base20, Math.round(generator.wordCount(base20) * 0.05));
const unrelated20 = generator.text(20_000);
const base200 = generator.text(200_000);
const edited200 = generator.edit(base200, 10);

const dmp = new DiffMatchPatch();
const peers = {
  "jsdiff diffWords": (a: string, b: string) => jsdiffWords(a, b),
  "diff-match-patch": (a: string, b: string) => dmp.diff_main(a, b),
  "fast-diff": (a: string, b: string) => fastDiff(a, b),
};

interface Case {
  name: string;
  draft: string;
  final: string;
  /**
   * `withinDeadline`: the diff under the default 50 ms deadline is the one found with no deadline at all,
   * so the deadline never had to cut the work short.
   */
  goals: { maxMedianMs?: number; withinDeadline?: boolean; minRatioToJsdiff?: number };
}

const cases: Case[] = [
  {
    name: "a: 20 KB, ~5% of words edited",
    draft: base20,
    final: edited20,
    goals: { maxMedianMs: 3, minRatioToJsdiff: 2 },
  },
  {
    name: "b: 20 KB vs an unrelated 20 KB",
    draft: base20,
    final: unrelated20,
    goals: { withinDeadline: true, minRatioToJsdiff: 25 },
  },
  { name: "c: 200 KB, 10 edits", draft: base200, final: edited200, goals: { maxMedianMs: 5 } },
];

const rebuild = (diff: [number, string][], skip: number) =>
  diff
    .filter(([op]) => op !== skip)
    .map(([, text]) => text)
    .join("");

let failures = 0;
const results = [];
for (const testCase of cases) {
  const { draft, final, goals } = testCase;
  const ours = measure(() => diffWords(draft, final), 40, 3_000);
  const { diff, stats } = diffWords(draft, final);
  if (rebuild(diff, 1) !== draft || rebuild(diff, -1) !== final) throw new Error(`${testCase.name}: bad diff`);
  const peerTimings: Record<string, Timing & { ratio: number }> = {};
  for (const [name, run] of Object.entries(peers)) {
    const timing = measure(() => run(draft, final), 15, 8_000);
    peerTimings[name] = { ...timing, ratio: timing.medianMs / ours.medianMs };
  }
  const checks: { goal: string; met: boolean }[] = [];
  if (goals.maxMedianMs !== undefined) {
    checks.push({ goal: `median ≤ ${goals.maxMedianMs} ms`, met: ours.medianMs <= goals.maxMedianMs });
  }
  if (goals.withinDeadline) {
    const unbounded = diffWords(draft, final, { deadlineMs: Number.POSITIVE_INFINITY });
    checks.push({
      goal: "never past the 50 ms deadline (same diff as with no deadline, median under 50 ms)",
      met: JSON.stringify(unbounded.diff) === JSON.stringify(diff) && ours.medianMs < 50,
    });
  }
  if (goals.minRatioToJsdiff !== undefined) {
    const ratio = peerTimings["jsdiff diffWords"]?.ratio ?? 0;
    checks.push({
      goal: `≥ ${goals.minRatioToJsdiff}x faster than jsdiff diffWords`,
      met: ratio >= goals.minRatioToJsdiff,
    });
  }
  failures += checks.filter((check) => !check.met).length;

  console.log(`\n${testCase.name} (${draft.length} vs ${final.length} chars)`);
  console.log(
    `  ours               median ${ours.medianMs.toFixed(2)} ms, max ${ours.maxMs.toFixed(2)} ms (${ours.runs} runs)`,
  );
  console.log(
    `                     ${diff.length} ops, similarity ${stats.similarity.toFixed(3)}, +${stats.wordsAdded} -${stats.wordsRemoved} words`,
  );
  for (const [name, timing] of Object.entries(peerTimings)) {
    console.log(
      `  ${name.padEnd(18)} median ${timing.medianMs.toFixed(2)} ms (${timing.runs} runs): ours is ${timing.ratio.toFixed(1)}x faster`,
    );
  }
  for (const check of checks) console.log(`  goal ${check.met ? "met   " : "MISSED"} ${check.goal}`);
  results.push({
    case: testCase.name,
    chars: [draft.length, final.length],
    ours: { ...ours, ops: diff.length, stats },
    peers: peerTimings,
    goals: checks,
  });
}

mkdirSync("test/bench/results", { recursive: true });
writeFileSync(
  "test/bench/results/diff.json",
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.log(`\nwrote test/bench/results/diff.json${failures ? `; ${failures} goal(s) missed` : "; all goals met"}`);
process.exitCode = failures ? 1 : 0;
