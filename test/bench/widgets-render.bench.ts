// `npm run bench -- widgets-render`: a long chat in Chromium. 1,000 messages, each with thumbs, copy and
// regenerate, mount against the same messages with four plain icon buttons each (a <button> around an inline
// SVG, as any chat kit draws its actions), measured alternately in the same page; and one thumbs click must
// re-render only that message's widgets (React's <Profiler> counts renders per message; the naive list that
// keeps every rating in its parent's state is there to show what the count looks like when it does not).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../support/chromium";

const MESSAGES = 1000;
const ROUNDS = 15;
const CLICKS = 21;
// The ratio the kit's mount may reach against the plain buttons.
const MOUNT_RATIO_LIMIT = 1.5;

const bundle = await build({
  entryPoints: ["test/bench/support/widgetsRenderPage.tsx"],
  bundle: true,
  write: false,
  format: "iife",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  alias: { "react-dom/client": "react-dom/profiling" },
  logLevel: "error",
});
const script = bundle.outputFiles[0]?.text ?? "";

const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.setContent("<!doctype html><html><head></head><body></body></html>");
await page.addStyleTag({ content: readFileSync("src/styles/styles.css", "utf8") });
await page.addScriptTag({ content: script });

type Bench = {
  mount(name: string, count: number): number;
  rowsRenderedPerClick(name: string, count: number, clicks: number): number[];
};
const mount = (name: string) =>
  page.evaluate(([n, count]) => (window as unknown as { bench: Bench }).bench.mount(n, count), [
    name,
    MESSAGES,
  ] as const);

// A warm-up each, so compilation and JIT count against neither.
await mount("kit");
await mount("plain");
const times: Record<"kit" | "plain", number[]> = { kit: [], plain: [] };
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first, so a slow moment of the machine falls on both.
  const order = round % 2 === 0 ? (["kit", "plain"] as const) : (["plain", "kit"] as const);
  for (const name of order) times[name].push(await mount(name));
}
const rowsPerClick = (name: string) =>
  page.evaluate(
    ([n, count, clicks]) => (window as unknown as { bench: Bench }).bench.rowsRenderedPerClick(n, count, clicks),
    [name, MESSAGES, CLICKS] as const,
  );
const kitRows = await rowsPerClick("kit");
const naiveRows = await rowsPerClick("naive");
const version = await browser.version();
await browser.close();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
const round2 = (n: number) => Math.round(n * 100) / 100;
// The middle half of the mounts, so a reader sees how much a shared machine moved them.
function quartiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round2(sorted[Math.floor((sorted.length - 1) * q)] as number);
  return `${at(0.25)}–${at(0.75)}`;
}
const kitMs = median(times.kit);
const plainMs = median(times.plain);
const ratio = round2(kitMs / plainMs);
const kitRowsMedian = median(kitRows);

console.log(
  `${MESSAGES} messages, medians of ${ROUNDS} mounts each, alternated (Chromium ${version}, React production)`,
);
console.table({
  "thumbs + copy + regenerate (react-feedback-loop)": {
    "mount ms": round2(kitMs),
    "middle half": quartiles(times.kit),
    "rows rendered / click": kitRowsMedian,
  },
  "four plain icon buttons": {
    "mount ms": round2(plainMs),
    "middle half": quartiles(times.plain),
    "rows rendered / click": "-",
  },
  "naive list (ratings in parent state)": {
    "mount ms": "-",
    "middle half": "-",
    "rows rendered / click": median(naiveRows),
  },
});
console.log(`kit / plain mount time: ${ratio}× (at most ${MOUNT_RATIO_LIMIT}× wanted)`);
mkdirSync("test/bench/results", { recursive: true });
writeFileSync(
  "test/bench/results/widgets-render.json",
  `${JSON.stringify({ messages: MESSAGES, rounds: ROUNDS, chromium: version, mountMs: times, kitMs, plainMs, ratio, kitRows, naiveRows }, null, 2)}\n`,
);
let failed = false;
if (kitRowsMedian !== 1) {
  console.error(`A thumbs click re-rendered ${kitRowsMedian} messages' widgets; expected 1.`);
  failed = true;
}
if (ratio > MOUNT_RATIO_LIMIT) {
  console.error(`The kit mounts in ${ratio}× the time of plain buttons; at most ${MOUNT_RATIO_LIMIT}× wanted.`);
  failed = true;
}
process.exit(failed ? 1 : 0);
