// The dashboard keeps its open summaries up to date by watching the store, and only once someone looks: a
// collector nobody looks at never reads its new events back (on PostgreSQL a look a second over every new row).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { insightsDashboard } from "../../../src/cli/insightsDashboard";
import { jsonlFileSource } from "../../../src/cli/jsonlEvents";
import type { FeedbackEvent } from "../../../src/events/types";
import { event } from "../support/events";

let dir: string;
let server: Server | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-dashboard-watch-"));
});
afterEach(async () => {
  server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

const up = (messageId: string) => event({ type: "rating", value: "up", previous: null }, { messageId });

/** A dashboard over a JSONL file, with a store watch that records when it starts and stops. */
async function dashboardOver(stored: FeedbackEvent[]) {
  const file = path.join(dir, "feedback.jsonl");
  await writeFile(file, stored.map((e) => `${JSON.stringify(e)}\n`).join(""));
  const watch = { started: 0, stopped: 0, tell: undefined as ((events: readonly FeedbackEvent[]) => void) | undefined };
  const dashboard = insightsDashboard({
    source: () => jsonlFileSource(file),
    watch: async (listener) => {
      watch.started++;
      watch.tell = listener;
      return () => {
        watch.stopped++;
      };
    },
    storeName: file,
  });
  server = createServer((request, response) => void dashboard.handle(request, response));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const summary = async () => (await fetch(`${origin}/insights/summary`)).json();
  return { dashboard, watch, summary };
}

describe("the dashboard's watch on the store", () => {
  it("starts when the first summary opens, once, and stops when the dashboard closes", async () => {
    const { dashboard, watch, summary } = await dashboardOver([up("a"), up("b")]);
    expect(watch.started).toBe(0);
    expect((await summary()).thumbs.overall.up).toBe(2);
    expect(watch.started).toBe(1);
    await summary();
    expect(watch.started).toBe(1);
    dashboard.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(watch.stopped).toBe(1);
  });

  it("adds what the store tells after the first pass to the open summary, once", async () => {
    const { dashboard, watch, summary } = await dashboardOver([up("a")]);
    expect((await summary()).thumbs.overall.up).toBe(1);
    watch.tell?.([up("b"), up("c")]);
    expect((await summary()).thumbs.overall.up).toBe(3);
    dashboard.close();
  });

  it("tries again on the next page when the store could not be watched", async () => {
    const file = path.join(dir, "feedback.jsonl");
    await writeFile(file, `${JSON.stringify(up("a"))}\n`);
    let attempts = 0;
    const dashboard = insightsDashboard({
      source: () => jsonlFileSource(file),
      watch: async () => {
        attempts++;
        if (attempts === 1) throw new Error("the database went away");
        return () => {};
      },
      storeName: file,
    });
    server = createServer((request, response) => {
      dashboard.handle(request, response).catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${origin}/insights/summary`)).status).toBe(500);
    const second = await fetch(`${origin}/insights/summary`);
    expect(second.status).toBe(200);
    expect((await second.json()).thumbs.overall.up).toBe(1);
    expect(attempts).toBe(2);
    dashboard.close();
  });
});
