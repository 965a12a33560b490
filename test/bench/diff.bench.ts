/**
 * `npm run bench -- diff`: our diffWords against jsdiff's diffWords (`diff`), diff-match-patch and fast-diff
 * on the same seeded texts in the same run: every text family of diffFamilies.ts (prose, code, lists, chat;
 * generated and real; several languages), an unrelated pair and a long, lightly edited text. Prints medians
 * and our ratio to each peer, checks the goals, and writes the figures to test/bench/results/diff.json.
 *
 * Peers differ in what they compute: jsdiff diffs words (our peer in kind), diff-match-patch and fast-diff
 * diff characters (diff-match-patch stops after its own 1 s timeout). All run with their defaults.
 *
 * The machine may be shared, so the contenders take turns within each round rather than each running its
 * samples in one block, and each sample is the process's CPU time (user + system) over the call rather than
 * the wall-clock time: on a busy machine a call of 10 ms is far likelier to be preempted than one of 1 ms, which
 * would flatter the faster contender. Wall-clock medians are printed and recorded too.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { diffWords as jsdiffWords } from "diff";
import DiffMatchPatch from "diff-match-patch";
import fastDiff from "fast-diff";
import { diffWords } from "../../src/diff/diffWords";
import { textFamilies } from "./diffFamilies";
import { editWords, textGenerator } from "./textGenerator";

interface Timing {
  /** Median CPU time of a call. */
  medianMs: number;
  maxMs: number;
  /** Median wall-clock time of a call. */
  wallMedianMs: number;
  runs: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const median = (sorted: number[]) => {
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Times each contender in rounds after one warm-up round. Each round runs every contender once (ours
 * `oursPerRound` times: it is the fast one, and its median deserves as many samples); rounds go on until
 * `rounds` are done or `budgetMs` is spent, at least 3.
 */
function measure(contenders: Record<string, () => unknown>, rounds: number, budgetMs: number, oursPerRound = 3) {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const wallSamples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const time = (name: string) => {
    const wallStart = performance.now();
    const start = cpuMs();
    contenders[name]?.();
    const cpu = cpuMs() - start;
    wallSamples[name]?.push(performance.now() - wallStart);
    return cpu;
  };
  for (const name of names) for (let i = 0; i < 3 && time(name) < budgetMs / 20; i++);
  for (const name of names) (wallSamples[name] as number[]).length = 0;
  const began = performance.now();
  for (let round = 0; round < rounds && (round < 3 || performance.now() - began < budgetMs); round++) {
    // Rotate who goes first, so no contender always runs right after the same one.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] as string;
      const repeat = name === "ours" ? oursPerRound : 1;
      for (let i = 0; i < repeat; i++) samples[name]?.push(time(name));
    }
  }
  const timings: Record<string, Timing> = {};
  for (const name of names) {
    const sorted = (samples[name] as number[]).sort((a, b) => a - b);
    const wall = (wallSamples[name] as number[]).sort((a, b) => a - b);
    timings[name] = {
      medianMs: median(sorted),
      maxMs: sorted[sorted.length - 1] as number,
      wallMedianMs: median(wall),
      runs: sorted.length,
    };
  }
  return timings;
}

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

const generator = textGenerator(20261124);
const base20 = generator.text(20_000);
const unrelated20 = generator.text(20_000);
const base200 = generator.text(200_000);

const cases: Case[] = [
  ...textFamilies().map((family) => ({
    name: `${family.kind}: ${family.name} (${family.origin}, ${family.locale}), 5% of words edited`,
    draft: family.draft,
    final: family.final,
    goals: { minRatioToJsdiff: 2 },
  })),
  {
    name: "20 KB vs an unrelated 20 KB",
    draft: base20,
    final: unrelated20,
    goals: { withinDeadline: true, minRatioToJsdiff: 25 },
  },
  {
    name: "200 KB, 10 edits",
    draft: base200,
    final: editWords(base200, 10, 200),
    goals: { maxMedianMs: 5 },
  },
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
  const timings = measure(
    {
      ours: () => diffWords(draft, final),
      ...Object.fromEntries(Object.entries(peers).map(([name, run]) => [name, () => run(draft, final)])),
    },
    15,
    8_000,
  );
  const ours = timings.ours as Timing;
  // Checked after the timings, warm, so that a first call's compilation is not what meets the deadline.
  const { diff, stats } = diffWords(draft, final);
  if (rebuild(diff, 1) !== draft || rebuild(diff, -1) !== final) throw new Error(`${testCase.name}: bad diff`);
  const peerTimings: Record<string, Timing & { ratio: number }> = {};
  for (const name of Object.keys(peers)) {
    const timing = timings[name] as Timing;
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
    `  ours               median ${ours.medianMs.toFixed(2)} ms CPU (wall ${ours.wallMedianMs.toFixed(2)} ms), max ${ours.maxMs.toFixed(2)} ms (${ours.runs} runs)`,
  );
  console.log(
    `                     ${diff.length} ops, similarity ${stats.similarity.toFixed(3)}, +${stats.wordsAdded} -${stats.wordsRemoved} words`,
  );
  for (const [name, timing] of Object.entries(peerTimings)) {
    console.log(
      `  ${name.padEnd(18)} median ${timing.medianMs.toFixed(2)} ms CPU (wall ${timing.wallMedianMs.toFixed(2)} ms, ${timing.runs} runs): ours is ${timing.ratio.toFixed(1)}x faster`,
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

// One line per case, to read the run at a glance: CPU medians in ms, then our ratio to each peer.
console.log(`\n${"case".padEnd(72)} ${"ours".padStart(7)} ${"jsdiff".padStart(8)} ratio   dmp ratio  fast-diff ratio`);
for (const { case: name, ours, peers: timings } of results) {
  const cell = (peer: string) => {
    const timing = timings[peer] as Timing & { ratio: number };
    return `${timing.medianMs.toFixed(2).padStart(8)} ${timing.ratio.toFixed(1).padStart(5)}x`;
  };
  console.log(
    `${name.slice(0, 72).padEnd(72)} ${ours.medianMs.toFixed(2).padStart(7)} ${cell("jsdiff diffWords")} ${cell("diff-match-patch")} ${cell("fast-diff")}`,
  );
}

mkdirSync("test/bench/results", { recursive: true });
writeFileSync(
  "test/bench/results/diff.json",
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.log(`\nwrote test/bench/results/diff.json${failures ? `; ${failures} goal(s) missed` : "; all goals met"}`);
process.exitCode = failures ? 1 : 0;
