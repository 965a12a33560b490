// The page of the widgets-render benchmark: bundled by esbuild with React's production profiling build and run
// in Chromium, where layout and style cost what they cost for a user (jsdom has neither).
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/profiling";
import { KitList, NaiveList, PlainList } from "./widgetLists";

const LISTS = { kit: KitList, plain: PlainList, naive: NaiveList } as const;
export type ListName = keyof typeof LISTS;

const messages = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `m${i}`, text: `Answer number ${i}: a short reply.` }));

/** Mounts `count` messages of one list; returns the milliseconds to a committed, laid-out page, and unmounts. */
function mount(name: ListName, count: number): number {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  const start = performance.now();
  flushSync(() => root.render(createElement(LISTS[name], { messages: messages(count), onRender: () => {} })));
  // Style and layout are part of what a user waits for.
  void container.offsetHeight;
  const ms = performance.now() - start;
  root.unmount();
  container.remove();
  return ms;
}

/** Clicks a thumb of one message `clicks` times; per click, how many messages' widgets rendered. */
function rowsRenderedPerClick(name: ListName, count: number, clicks: number): number[] {
  const counts = new Map<string, number>();
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      createElement(LISTS[name], {
        messages: messages(count),
        onRender: (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1),
      }),
    ),
  );
  const buttons = container.querySelectorAll<HTMLButtonElement>('button[aria-label="Good response"]');
  if (buttons.length !== count) throw new Error(`expected ${count} thumbs, found ${buttons.length}`);
  const rows: number[] = [];
  for (let click = 0; click < clicks; click++) {
    counts.clear();
    flushSync(() => (buttons[(click * 97) % count] as HTMLButtonElement).click());
    rows.push(counts.size);
  }
  root.unmount();
  container.remove();
  return rows;
}

Object.assign(window, { bench: { mount, rowsRenderedPerClick } });
