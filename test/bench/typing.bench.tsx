/**
 * `npm run bench -- typing`: what a keystroke costs in EditableMessage's editor on a 20 KB draft, against a
 * plain text area, in Node with jsdom. Each keystroke sets the value and fires `input` (as a browser does),
 * inside React's `act` so every re-render it causes is counted. Peers: a plain uncontrolled `<textarea>` (the
 * same DOM work with no React at all per keystroke) and a plain controlled one (`value` + `onChange`, what
 * most apps write). Goal: ours costs at most 1.2x either, because the diff runs on Save, never per keystroke.
 * Writes test/bench/results/typing.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { textGenerator } from "./textGenerator";

// jsdom ships no types of its own; the little used here is typed by hand.
type DomWindow = Window & typeof globalThis;
const { JSDOM } = createRequire(import.meta.url)("jsdom") as {
  JSDOM: new (html: string, options: { url: string; pretendToBeVisual: boolean }) => { window: DomWindow };
};
const dom = new JSDOM("<!doctype html><html><body></body></html>", {
  url: "http://localhost/",
  pretendToBeVisual: true,
});
const globals = globalThis as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) globals[key] = (dom.window as unknown as Record<string, unknown>)[key];
}
globals.IS_REACT_ACT_ENVIRONMENT = true;

// React and the kit load after the DOM globals exist.
const { act, useState, createElement } = await import("react");
const { createRoot } = await import("react-dom/client");
const { EditableMessage, FeedbackProvider, memorySink } = await import("../../src");

const DRAFT = textGenerator(7).text(20_000);
const KEYSTROKES = 400;
const ROUNDS = 5;

function PlainControlled() {
  const [value, setValue] = useState(DRAFT);
  return createElement("textarea", {
    "aria-label": "Reply",
    value,
    onChange: (event: { target: { value: string } }) => setValue(event.target.value),
  });
}

const variants = {
  "plain textarea (uncontrolled)": () => createElement("textarea", { "aria-label": "Reply", defaultValue: DRAFT }),
  "plain textarea (controlled)": () => createElement(PlainControlled),
  EditableMessage: () =>
    createElement(
      FeedbackProvider,
      { sink: memorySink() },
      createElement(EditableMessage, { draft: DRAFT, messageId: "m1", defaultEditing: true }),
    ),
};

const valueSetter = Object.getOwnPropertyDescriptor(dom.window.HTMLTextAreaElement.prototype, "value")?.set as (
  this: HTMLTextAreaElement,
  value: string,
) => void;

/** Types `KEYSTROKES` characters at the end of the variant's text area; returns each keystroke's time. */
async function typeInto(render: () => ReturnType<typeof createElement>): Promise<number[]> {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(render()));
  const textarea = container.querySelector("textarea") as HTMLTextAreaElement;
  if (textarea.value.length < 20_000) throw new Error("the text area should hold the 20 KB draft");
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const start = performance.now();
    act(() => {
      valueSetter.call(textarea, `${textarea.value}${"abcde "[i % 6]}`);
      textarea.dispatchEvent(new dom.window.Event("input", { bubbles: true }));
    });
    samples.push(performance.now() - start);
  }
  if (
    !textarea.value.endsWith(
      "abcde "
        .repeat(KEYSTROKES / 6 + 1)
        .slice(0, KEYSTROKES)
        .slice(-6),
    )
  ) {
    throw new Error("the keystrokes did not land");
  }
  await act(async () => root.unmount());
  container.remove();
  return samples;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

// Rounds interleave the variants, so a slow moment of the machine hits them all alike.
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, render] of Object.entries(variants)) {
    const times = await typeInto(render);
    // The first round warms the JIT up and is not counted.
    if (round > 0) samples[name]?.push(...times);
  }
}

const ours = median(samples.EditableMessage ?? []);
const results: Record<string, { medianMs: number; ratio?: number }> = {};
console.log(
  `\ntyping into a ${DRAFT.length}-char draft: median per keystroke (${KEYSTROKES * (ROUNDS - 1)} keystrokes)`,
);
let missed = 0;
for (const [name, times] of Object.entries(samples)) {
  const value = median(times);
  if (name === "EditableMessage") {
    results[name] = { medianMs: value };
    console.log(`  ${name.padEnd(30)} ${(value * 1000).toFixed(1)} µs`);
    continue;
  }
  const ratio = ours / value;
  results[name] = { medianMs: value, ratio };
  const met = ratio <= 1.2;
  if (!met) missed++;
  console.log(
    `  ${name.padEnd(30)} ${(value * 1000).toFixed(1)} µs   EditableMessage / this = ${ratio.toFixed(2)} (goal ≤ 1.2: ${met ? "met" : "MISSED"})`,
  );
}
mkdirSync("test/bench/results", { recursive: true });
writeFileSync(
  "test/bench/results/typing.json",
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, draftChars: DRAFT.length, results }, null, 2)}\n`,
);
console.log(`\nwrote test/bench/results/typing.json${missed ? `; ${missed} goal(s) missed` : "; all goals met"}`);
process.exitCode = missed ? 1 : 0;
