import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { toKto } from "../datasets/toKto";
import { toPreferencePairs } from "../datasets/toPreferencePairs";
import { toRegressionSet } from "../datasets/toRegressionSet";
import type { FeedbackEvent } from "../events/types";
import { DashboardApp } from "../insights/dashboard/DashboardApp";
import { isSplitField } from "../insights/splitValue";
import { createSummarizer, dayOf, type Summarizer } from "../insights/summarize";
import type { SummarizeOptions } from "../insights/types";
import type { EventSource, EventStore } from "./eventStore";

export interface InsightsDashboardOptions {
  /** The store as it is now: each selection reads it once, and counts what is no event as invalid. */
  source: () => Promise<EventSource>;
  /**
   * Starts hearing the events stored from now on (see `EventStore.watch`): called when the first selection
   * opens, so a collector nobody looks at never reads its new events back.
   */
  watch: EventStore["watch"];
  /** Shown in the page's header: the file or the database, never a password. */
  storeName: string;
  /** A URL template with `{traceId}`: each trace link on the page. */
  traceUrl?: string;
}

// How often a page with a live stream gets the new summary, at most: a burst of events is one update.
const PUSH_EVERY_MS = 1000;
// Open selections kept up to date as events arrive; past this, the least recently used one with no page
// watching it is dropped (reopening it costs one pass over the store).
const MAX_LIVE_SELECTIONS = 4;
const DOWNLOADS = {
  trl: (events: AsyncIterable<FeedbackEvent>) => toPreferencePairs(events, { format: "trl" }),
  kto: (events: AsyncIterable<FeedbackEvent>) => toKto(events),
  regression: (events: AsyncIterable<FeedbackEvent>) => toRegressionSet(events),
} as const;

// The built browser script and styles sit beside the built CLI; a run from source finds them in dist/.
function assetsDir(): string | null {
  const candidates = [new URL("./", import.meta.url), new URL("../../dist/", import.meta.url)];
  const found = candidates.find((dir) => existsSync(new URL("dashboard.js", dir)));
  return found ? fileURLToPath(found) : null;
}

interface LiveSelection {
  key: string;
  options: SummarizeOptions;
  summarizer: Summarizer;
  /** Settles when the first pass over the store is done. */
  ready: Promise<void>;
  /** Events stored while the first pass runs: added after it, unless the pass read them itself. */
  pending: Map<string, FeedbackEvent> | null;
  pages: Set<ServerResponse>;
  changed: boolean;
  used: number;
}

function selectionFrom(url: URL): SummarizeOptions | string {
  const options: SummarizeOptions = {};
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to");
  const splitBy = url.searchParams.get("splitBy");
  if (from) {
    if (!day.test(from)) return "from must be a day, YYYY-MM-DD.";
    options.from = from;
  }
  if (to) {
    if (!day.test(to)) return "to must be a day, YYYY-MM-DD.";
    options.to = to;
  }
  if (splitBy) {
    if (!isSplitField(splitBy)) return 'splitBy must be "app", "environment" or "metadata.<key>".';
    options.splitBy = splitBy;
  }
  return options;
}

const inRange = (event: FeedbackEvent, { from, to }: SummarizeOptions) => {
  const day = dayOf(event.ts);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
};

// The files the page loads, built beside the CLI.
const ASSETS: Record<string, [name: string, type: string]> = {
  "/insights/dashboard.js": ["dashboard.js", "text/javascript; charset=utf-8"],
  "/insights/styles.css": ["styles.css", "text/css; charset=utf-8"],
  "/insights/insights.css": ["insights.css", "text/css; charset=utf-8"],
};

// JSON inside a <script> element: `<` escaped so no text from an event can close the element.
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * The collector's dashboard: `GET /` renders the insights of the whole store on the server (one pass over it),
 * `GET /insights/stream` pushes each selection's new summary as events arrive (server-sent events), and
 * `GET /insights/download` streams the TRL, KTO and regression files for a range. New events are added to the
 * open summaries as the collector stores them, so a refresh never reads the store again.
 */
export function insightsDashboard({ source, watch, storeName, traceUrl }: InsightsDashboardOptions) {
  const live = new Map<string, LiveSelection>();
  let clock = 0;
  const assets = assetsDir();
  // Started by the first selection and kept while the dashboard is open: the open selections stay up to date.
  let watching: Promise<() => void> | undefined;

  // Resolves once the store's new events reach the open selections; a store that could not be watched is tried
  // again by the next selection.
  function listening(): Promise<() => void> {
    watching ??= watch(add).catch((error: unknown) => {
      watching = undefined;
      throw error;
    });
    return watching;
  }

  /** Adds events the collector has just stored to every open summary, and marks them for the next push. */
  function add(events: readonly FeedbackEvent[]) {
    for (const selection of live.values()) {
      for (const event of events) {
        if (!inRange(event, selection.options)) continue;
        if (selection.pending) selection.pending.set(event.id, event);
        else selection.summarizer.add(event);
        selection.changed = true;
      }
    }
  }

  function open(options: SummarizeOptions): LiveSelection {
    const key = JSON.stringify([options.from ?? "", options.to ?? "", options.splitBy ?? ""]);
    const existing = live.get(key);
    if (existing) {
      existing.used = ++clock;
      return existing;
    }
    if (live.size >= MAX_LIVE_SELECTIONS) {
      const idle = [...live.values()].filter((s) => s.pages.size === 0).sort((a, b) => a.used - b.used)[0];
      if (idle) live.delete(idle.key);
    }
    const summarizer = createSummarizer(options);
    const selection: LiveSelection = {
      key,
      options,
      summarizer,
      ready: Promise.resolve(),
      pending: new Map(),
      pages: new Set(),
      changed: false,
      used: ++clock,
    };
    selection.ready = (async () => {
      // Listening first, so what is stored while the pass reads is heard (and kept in `pending`), not lost.
      await listening();
      const store = await source();
      for await (const { events } of store.read(() => summarizer.addInvalid())) {
        const pending = selection.pending as Map<string, FeedbackEvent>;
        for (const event of events) {
          if (pending.size > 0) pending.delete(event.id);
          summarizer.add(event);
        }
      }
      for (const event of selection.pending?.values() ?? []) summarizer.add(event);
      selection.pending = null;
    })().catch((error: unknown) => {
      // A store that could not be read is read again by the next page, not remembered as failed.
      live.delete(key);
      throw error;
    });
    live.set(key, selection);
    return selection;
  }

  const timer = setInterval(() => {
    for (const selection of live.values()) {
      if (!selection.changed || selection.pending !== null) continue;
      selection.changed = false;
      const data = `data: ${JSON.stringify(selection.summarizer.summary())}\n\n`;
      for (const page of selection.pages) page.write(data);
    }
  }, PUSH_EVERY_MS);
  timer.unref();

  async function page(response: ServerResponse, options: SummarizeOptions) {
    const selection = open(options);
    await selection.ready;
    const summary = selection.summarizer.summary();
    const props = { summary, splitFields: summary.splitFields, storeName, ...(traceUrl ? { traceUrl } : {}) };
    const markup = renderToString(createElement(DashboardApp, props));
    const script = assets
      ? '<script type="module" src="insights/dashboard.js"></script>'
      : "<p>Live updates need the built dashboard script: run <code>npm run build</code>.</p>";
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy":
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      "x-content-type-options": "nosniff",
    });
    response.end(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feedback insights · react-feedback-loop</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="insights/styles.css">
<link rel="stylesheet" href="insights/insights.css">
</head>
<body class="rfl-dashboard-page">
<div id="rfl-dashboard">${markup}</div>
<script type="application/json" id="rfl-dashboard-props">${scriptJson(props)}</script>
${script}
</body>
</html>`);
  }

  async function asset(response: ServerResponse, name: string, type: string) {
    if (!assets) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Run `npm run build` first.\n");
      return;
    }
    const body = await readFile(`${assets}${name}`);
    response.writeHead(200, { "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff" });
    response.end(body);
  }

  async function* eventsIn(options: SummarizeOptions): AsyncGenerator<FeedbackEvent> {
    const store = await source();
    for await (const { events } of store.read(() => {})) {
      for (const event of events) if (inRange(event, options)) yield event;
    }
  }

  async function download(response: ServerResponse, options: SummarizeOptions, format: string) {
    if (!(format in DOWNLOADS)) {
      response
        .writeHead(400, { "content-type": "text/plain; charset=utf-8" })
        .end("format must be trl, kto or regression.\n");
      return;
    }
    const name = `${format}${options.from ? `-from-${options.from}` : ""}${options.to ? `-to-${options.to}` : ""}.jsonl`;
    response.writeHead(200, {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    });
    for await (const row of DOWNLOADS[format as keyof typeof DOWNLOADS](eventsIn(options))) {
      if (!response.write(`${JSON.stringify(row)}\n`)) await new Promise((resolve) => response.once("drain", resolve));
    }
    response.end();
  }

  function stream(request: IncomingMessage, response: ServerResponse, options: SummarizeOptions) {
    const selection = open(options);
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    response.write(": connected\n\n");
    selection.pages.add(response);
    // The page may have been rendered before events arrived: send the current summary once the pass is done.
    void selection.ready.then(() => {
      if (!response.writableEnded) response.write(`data: ${JSON.stringify(selection.summarizer.summary())}\n\n`);
    });
    request.on("close", () => selection.pages.delete(response));
  }

  return {
    /**
     * Answers the dashboard's routes; resolves to false for any other request (the events endpoint).
     */
    async handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
      if (request.method !== "GET") return false;
      const url = new URL(request.url ?? "/", "http://localhost");
      const route = url.pathname;
      if (route !== "/" && !route.startsWith("/insights/")) return false;
      const file = ASSETS[route];
      if (file) {
        await asset(response, file[0], file[1]);
        return true;
      }
      const options = selectionFrom(url);
      if (typeof options === "string") {
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`${options}\n`);
        return true;
      }
      if (route === "/") await page(response, options);
      else if (route === "/insights/summary") {
        const selection = open(options);
        await selection.ready;
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        response.end(JSON.stringify(selection.summarizer.summary()));
      } else if (route === "/insights/stream") stream(request, response, options);
      else if (route === "/insights/download") await download(response, options, url.searchParams.get("format") ?? "");
      else response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found.\n");
      return true;
    },

    /** Ends every live stream, stops the push timer and stops hearing the store. */
    close() {
      clearInterval(timer);
      void watching?.then(
        (stop) => stop(),
        () => {},
      );
      watching = undefined;
      for (const selection of live.values()) for (const page of selection.pages) page.end();
      live.clear();
    },
  };
}

/** The dashboard a collector serves beside its events endpoint. */
export type InsightsDashboard = ReturnType<typeof insightsDashboard>;
