// `npm run bench -- widgets-render`: 1,000 messages, each with thumbs, copy and regenerate. One thumbs click
// must re-render only that message's widgets. React's <Profiler> counts the renders per message; the peer,
// measured in the same run, is the naive list that keeps every rating in the parent's state.
//
// React runs as its profiling build (production code that still calls <Profiler onRender>): the development
// build spends most of its time on its own checks and performance-track logging, which no user runs. This
// file has no JSX, so nothing loads React before the environment below is set.
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { JSDOM } from "jsdom";

process.env.NODE_ENV = "production";
const dom = new JSDOM("<!doctype html><html><body></body></html>", {
  pretendToBeVisual: true,
  url: "http://localhost/",
});
const globals = globalThis as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) globals[key] = (dom.window as unknown as Record<string, unknown>)[key];
}
Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true });

const { createElement, version } = await import("react");
const { flushSync } = await import("react-dom");
const { createRoot } = await import("react-dom/profiling");
const { KitList, KitListWithoutTooltips, NaiveList } = await import("./support/widgetLists");
type List = typeof NaiveList;

const MESSAGES = 1000;
const CLICKS = 21;
const MOUNTS = 3;
const messages = Array.from({ length: MESSAGES }, (_, i) => ({ id: `m${i}`, text: `Answer number ${i}.` }));

interface Measured {
  /** Median time to mount the whole list. */
  mountMs: number;
  /** Median time from a thumbs click to the committed update. */
  clickMedianMs: number;
  /** Messages whose widgets rendered after one click (median click). */
  rowsRenderedPerClick: number;
  /** Profiler renders after one click, summed over all messages (median click). */
  rendersPerClick: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function measure(List: List): Measured {
  const counts = new Map<string, number>();
  const onRender = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  const mounts: number[] = [];
  const times: number[] = [];
  const rows: number[] = [];
  const renders: number[] = [];
  for (let mount = 0; mount < MOUNTS; mount++) {
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    const mountStart = performance.now();
    flushSync(() => root.render(createElement(List, { messages, onRender })));
    mounts.push(performance.now() - mountStart);

    const upButtons = container.querySelectorAll<HTMLButtonElement>('button[aria-label="Good response"]');
    if (upButtons.length !== MESSAGES) throw new Error(`expected ${MESSAGES} thumbs, found ${upButtons.length}`);
    for (let click = 0; click < CLICKS; click++) {
      counts.clear();
      const button = upButtons[(click * 97) % MESSAGES] as HTMLButtonElement;
      const start = performance.now();
      // flushSync: the click's update is committed before the clock stops.
      flushSync(() => button.dispatchEvent(new window.MouseEvent("click", { bubbles: true, cancelable: true })));
      times.push(performance.now() - start);
      rows.push(counts.size);
      renders.push([...counts.values()].reduce((sum, n) => sum + n, 0));
    }
    flushSync(() => root.unmount());
    container.remove();
  }
  return {
    mountMs: median(mounts),
    clickMedianMs: median(times),
    rowsRenderedPerClick: median(rows),
    rendersPerClick: median(renders),
  };
}

// A warm-up each, so compilation and JIT do not count against whichever runs first.
for (const List of [KitList, KitListWithoutTooltips, NaiveList] as List[]) measure(List);
const kit = measure(KitList as List);
const kitWithoutTooltips = measure(KitListWithoutTooltips);
const naive = measure(NaiveList);

const round = (n: number) => Math.round(n * 100) / 100;
const row = (measured: Measured) => ({
  "rows rendered / click": measured.rowsRenderedPerClick,
  "renders / click": measured.rendersPerClick,
  "click → commit ms": round(measured.clickMedianMs),
  "mount ms": round(measured.mountMs),
});
console.log(
  `${MESSAGES} messages; medians of ${CLICKS * MOUNTS} thumbs clicks and ${MOUNTS} mounts (jsdom, React ${version} profiling build)`,
);
console.table({
  "react-feedback-loop widgets": row(kit),
  "same, tooltips off": row(kitWithoutTooltips),
  "naive list (ratings in parent state)": row(naive),
});
const ratios = {
  rowsRendered: round(naive.rowsRenderedPerClick / kit.rowsRenderedPerClick),
  clickTime: round(naive.clickMedianMs / kit.clickMedianMs),
  mountTime: round(naive.mountMs / kit.mountMs),
};
console.log(
  `naive / kit: ${ratios.rowsRendered}× the rows re-rendered per click, ${ratios.clickTime}× the click time, ${ratios.mountTime}× the mount time (above 1: the kit is better)`,
);
mkdirSync("test/bench/results", { recursive: true });
writeFileSync(
  "test/bench/results/widgets-render.json",
  `${JSON.stringify({ messages: MESSAGES, clicks: CLICKS * MOUNTS, mounts: MOUNTS, react: version, kit, kitWithoutTooltips, naive, ratios }, null, 2)}\n`,
);
if (kit.rowsRenderedPerClick !== 1 || kitWithoutTooltips.rowsRenderedPerClick !== 1) {
  console.error(`A thumbs click re-rendered ${kit.rowsRenderedPerClick} messages' widgets; expected 1.`);
  process.exit(1);
}
