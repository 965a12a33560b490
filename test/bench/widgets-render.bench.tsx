// `npm run bench -- widgets-render`: 1,000 messages, each with thumbs, copy and regenerate. One thumbs click
// must re-render only that message's widgets. React's <Profiler> counts the renders per message; the peer,
// measured in the same run, is the naive list that keeps every rating in the parent's state.
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { JSDOM } from "jsdom";

// A DOM for React before react-dom is imported.
const dom = new JSDOM("<!doctype html><html><body></body></html>", {
  pretendToBeVisual: true,
  url: "http://localhost/",
});
const globals = globalThis as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) globals[key] = (dom.window as unknown as Record<string, unknown>)[key];
}
Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true });
globals.IS_REACT_ACT_ENVIRONMENT = true;

const React = await import("react");
const { createRoot } = await import("react-dom/client");
const { CopyButton, FeedbackMessage, FeedbackProvider, memorySink, RegenerateButton, ThumbsFeedback } = await import(
  "../../src/index"
);
const { act, Profiler, useState } = React;

const MESSAGES = 1000;
const CLICKS = 21;
const messages = Array.from({ length: MESSAGES }, (_, i) => ({ id: `m${i}`, text: `Answer number ${i}.` }));

type Counts = Map<string, number>;
const countInto =
  (counts: Counts) =>
  (id: string): void => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  };

function KitList({ onRender }: { onRender: (id: string) => void }) {
  return (
    <FeedbackProvider sink={memorySink()}>
      {messages.map((message) => (
        <FeedbackMessage key={message.id} messageId={message.id} content={message.text}>
          <p>{message.text}</p>
          <Profiler id={message.id} onRender={onRender}>
            <ThumbsFeedback followUpOn={[]} />
            <CopyButton />
            <RegenerateButton onRegenerate={() => {}} />
          </Profiler>
        </FeedbackMessage>
      ))}
    </FeedbackProvider>
  );
}

type Rating = "up" | "down" | null;

function NaiveRow({ text, rating, onRate }: { text: string; rating: Rating; onRate: (value: Rating) => void }) {
  return (
    <div>
      <p>{text}</p>
      <button type="button" aria-label="Good response" aria-pressed={rating === "up"} onClick={() => onRate("up")}>
        +
      </button>
      <button type="button" aria-label="Bad response" aria-pressed={rating === "down"} onClick={() => onRate("down")}>
        -
      </button>
      <button type="button">Copy</button>
      <button type="button">Regenerate</button>
    </div>
  );
}

function NaiveList({ onRender }: { onRender: (id: string) => void }) {
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  return (
    <>
      {messages.map((message) => (
        <Profiler key={message.id} id={message.id} onRender={onRender}>
          <NaiveRow
            text={message.text}
            rating={ratings[message.id] ?? null}
            onRate={(value) =>
              setRatings((current) => ({ ...current, [message.id]: current[message.id] === value ? null : value }))
            }
          />
        </Profiler>
      ))}
    </>
  );
}

interface Measured {
  mountMs: number;
  clickMedianMs: number;
  /** Messages whose widgets rendered after one click (the median click). */
  rowsRenderedPerClick: number;
  /** Profiler renders after one click, summed over all messages (the median click). */
  rendersPerClick: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function measure(List: typeof KitList): Promise<Measured> {
  const container = document.createElement("div");
  document.body.append(container);
  const counts: Counts = new Map();
  const root = createRoot(container);
  const mountStart = performance.now();
  await act(async () => root.render(<List onRender={countInto(counts)} />));
  const mountMs = performance.now() - mountStart;

  const upButtons = container.querySelectorAll<HTMLButtonElement>('button[aria-label="Good response"]');
  if (upButtons.length !== MESSAGES) throw new Error(`expected ${MESSAGES} thumbs, found ${upButtons.length}`);
  const times: number[] = [];
  const rows: number[] = [];
  const renders: number[] = [];
  for (let click = 0; click < CLICKS; click++) {
    counts.clear();
    const button = upButtons[(click * 97) % MESSAGES] as HTMLButtonElement;
    const start = performance.now();
    await act(async () => {
      button.dispatchEvent(new window.MouseEvent("click", { bubbles: true, cancelable: true }));
    });
    times.push(performance.now() - start);
    rows.push(counts.size);
    renders.push([...counts.values()].reduce((sum, n) => sum + n, 0));
  }
  await act(async () => root.unmount());
  container.remove();
  return {
    mountMs,
    clickMedianMs: median(times),
    rowsRenderedPerClick: median(rows),
    rendersPerClick: median(renders),
  };
}

// One warm-up each, so module compilation and JIT do not count against whichever runs first.
await measure(KitList);
await measure(NaiveList);
const kit = await measure(KitList);
const naive = await measure(NaiveList);

const round = (n: number) => Math.round(n * 100) / 100;
console.log(`${MESSAGES} messages, median of ${CLICKS} thumbs clicks (jsdom, React ${React.version})`);
console.table({
  "react-feedback-loop widgets": {
    "rows rendered / click": kit.rowsRenderedPerClick,
    "renders / click": kit.rendersPerClick,
    "click → commit ms": round(kit.clickMedianMs),
    "mount ms": round(kit.mountMs),
  },
  "naive list (ratings in parent state)": {
    "rows rendered / click": naive.rowsRenderedPerClick,
    "renders / click": naive.rendersPerClick,
    "click → commit ms": round(naive.clickMedianMs),
    "mount ms": round(naive.mountMs),
  },
});
const ratios = {
  rowsRendered: round(naive.rowsRenderedPerClick / kit.rowsRenderedPerClick),
  clickTime: round(naive.clickMedianMs / kit.clickMedianMs),
};
console.log(
  `naive / kit: ${ratios.rowsRendered}× the rows re-rendered, ${ratios.clickTime}× the click time (above 1: the kit is better)`,
);
mkdirSync("test/bench/results", { recursive: true });
writeFileSync(
  "test/bench/results/widgets-render.json",
  `${JSON.stringify({ messages: MESSAGES, clicks: CLICKS, react: React.version, kit, naive, ratios }, null, 2)}\n`,
);
if (kit.rowsRenderedPerClick !== 1) {
  console.error(`A thumbs click re-rendered ${kit.rowsRenderedPerClick} messages' widgets; expected 1.`);
  process.exit(1);
}
