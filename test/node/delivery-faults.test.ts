// Delivery under faults, in real Chromium against a local endpoint: server errors, a server down across a
// reload, Retry-After, two tabs, a tab hidden mid-batch, and no IndexedDB. Each test prints
// `sent / received / duplicates / lost`, counted by event id on the server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { DeliveryOptions } from "../../src";
import { chromiumLaunchOptions } from "../support/chromium";
import { startIngest, startPageServer } from "./support/faultServer";

const here = path.dirname(fileURLToPath(import.meta.url));

type Ingest = Awaited<ReturnType<typeof startIngest>>;
type PageServer = Awaited<ReturnType<typeof startPageServer>>;
interface Harness {
  emit(count: number, textBytes?: number): string[];
  flush(): Promise<void>;
  errors(): { kind: string; message: string; count: number }[];
  sends(): { keepalive: boolean; bytes: number; count: number }[];
  storedCount(): Promise<number>;
  hide(): void;
}
declare const harness: Harness;

let browser: Browser;
let pages: PageServer;
let ingest: Ingest;
let context: BrowserContext;

// Retries come quickly here, so the tests stay short; the policy is the same as in production.
const fast: DeliveryOptions = { backoffBaseMs: 100, backoffMaxMs: 400, batchDelayMs: 50 };

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [path.join(here, "support/deliveryHarness.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  pages = await startPageServer(bundled.outputFiles[0]?.text ?? "");
  browser = await chromium.launch(chromiumLaunchOptions);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pages?.stop();
});

beforeEach(async () => {
  ingest = await startIngest();
  context = await browser.newContext();
});

afterEach(async () => {
  await context.close();
  await ingest.stop();
});

async function openHarness(config: { delivery?: DeliveryOptions; beacon?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  const query = encodeURIComponent(JSON.stringify({ ingest: ingest.url, ...config }));
  await page.goto(`${pages.origin}/?config=${query}`);
  await page.waitForFunction(() => "harness" in window);
  return page;
}

/** Polls `condition` until it holds; fails after `tries` polls (a bound, not a speed requirement). */
async function until(condition: () => boolean | Promise<boolean>, what: string, tries = 1200) {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Counts by id what the server stored, prints the line, and returns the counts. */
function tally(name: string, sent: readonly string[]) {
  const received = ingest.received();
  const counts = new Map<string, number>();
  for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
  const duplicates = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
  const lost = sent.filter((id) => !counts.has(id)).length;
  console.log(`[${name}] sent ${sent.length} / received ${counts.size} / duplicates ${duplicates} / lost ${lost}`);
  return { received: counts.size, duplicates, lost };
}

// Generous bounds for a busy machine: these tests are about what arrives, never about how fast.
describe("delivery faults in Chromium", { timeout: 120_000 }, () => {
  it("(a) 500 for the first requests, then 200: every event arrives exactly once", async () => {
    ingest.setProgram((n) => ({ status: n < 4 ? 500 : 200 }));
    const page = await openHarness({ delivery: fast });
    const sent = await page.evaluate(() => harness.emit(100));
    await page.evaluate(() => harness.flush());
    const result = tally("a: 500 then 200", sent);
    expect(ingest.requests.filter((request) => request.status === 500)).toHaveLength(4);
    expect(result).toEqual({ received: 100, duplicates: 0, lost: 0 });
    expect(await page.evaluate(() => harness.storedCount())).toBe(0);
  });

  it("(b) server down, page reloaded, server up: everything arrives", async () => {
    await ingest.stop();
    const page = await openHarness({ delivery: fast });
    const sent = await page.evaluate(() => harness.emit(60));
    await until(async () => (await page.evaluate(() => harness.storedCount())) === 60, "the events to be stored");
    await until(
      async () => (await page.evaluate(() => harness.errors())).some((error) => error.kind === "sink"),
      "a failed try",
    );
    await page.reload();
    await page.waitForFunction(() => "harness" in window);
    await ingest.restart();
    await until(() => new Set(ingest.received()).size === 60, "every event to arrive after the restart");
    await until(async () => (await page.evaluate(() => harness.storedCount())) === 0, "the stored queue to empty");
    const result = tally("b: down, reload, up", sent);
    expect(result.lost).toBe(0);
    expect(result.duplicates).toBe(0);
  });

  it("(c) 429 with Retry-After: the next try waits as told", async () => {
    ingest.setProgram((n) => (n === 0 ? { status: 429, headers: { "Retry-After": "2" } } : { status: 200 }));
    const page = await openHarness({ delivery: fast });
    const sent = await page.evaluate(() => harness.emit(5));
    await page.evaluate(() => harness.flush());
    const [first, second] = ingest.requests;
    const gap = (second?.at ?? 0) - (first?.at ?? 0);
    console.log(`[c: 429 Retry-After 2] gap between tries ${gap} ms (asked 2000)`);
    expect(first?.status).toBe(429);
    expect(gap).toBeGreaterThanOrEqual(2000);
    expect(tally("c: 429 Retry-After 2", sent)).toEqual({ received: 5, duplicates: 0, lost: 0 });
  });

  it("(d) two tabs of one origin, both sending through failures: no duplicates", async () => {
    ingest.setProgram((n) => ({ status: n % 3 === 0 ? 503 : 200 }));
    const tabA = await openHarness({ delivery: { ...fast, batchSize: 7 } });
    const tabB = await openHarness({ delivery: { ...fast, batchSize: 7 } });
    const sent: string[] = [];
    for (let round = 0; round < 5; round++) {
      sent.push(...(await tabA.evaluate(() => harness.emit(20))));
      sent.push(...(await tabB.evaluate(() => harness.emit(20))));
    }
    await Promise.all([tabA.evaluate(() => harness.flush()), tabB.evaluate(() => harness.flush())]);
    expect(ingest.requests.some((request) => request.status === 503)).toBe(true);
    expect(tally("d: two live tabs", sent)).toEqual({ received: 200, duplicates: 0, lost: 0 });
  });

  it("(d2) a tab closed while the server is down: the other tab sends what it left", async () => {
    const tabA = await openHarness({ delivery: fast });
    const tabB = await openHarness({ delivery: fast });
    await ingest.stop();
    const sent = await tabA.evaluate(() => harness.emit(30));
    await until(async () => (await tabB.evaluate(() => harness.storedCount())) === 30, "tab A's events stored");
    await tabA.close();
    await ingest.restart();
    await tabB.evaluate(() => harness.flush());
    await until(async () => (await tabB.evaluate(() => harness.storedCount())) === 0, "the stored queue to empty");
    // A closing page's last requests go unanswered, so what they carried may arrive twice (receivers keep
    // the first copy by id); nothing may be missing.
    expect(tally("d2: closed tab taken over", sent).lost).toBe(0);
  });

  it("(e) tab hidden mid-batch: keepalive chunks each under 64 KiB, nothing lost", async () => {
    // The first request is held open until the page has been hidden, so a batch is in flight meanwhile.
    let release = () => {};
    const hidden = new Promise<void>((resolve) => {
      release = resolve;
    });
    ingest.setProgram((n) => ({ status: 200, ...(n === 0 ? { until: hidden } : {}) }));
    const page = await openHarness({ beacon: true, delivery: { batchSize: 50, batchDelayMs: 60_000 } });
    const sent = await page.evaluate(() => harness.emit(50, 100));
    await until(() => ingest.requests.length === 1, "the first batch to be in flight");
    sent.push(...(await page.evaluate(() => harness.emit(40, 4000))));
    await page.evaluate(() => harness.hide());
    release();
    await page.evaluate(() => harness.flush());
    const exits = (await page.evaluate(() => harness.sends())).filter((send) => send.keepalive);
    const onWire = ingest.requests.filter((request) => request.contentType.startsWith("text/plain"));
    console.log(
      `[e: hidden mid-batch] keepalive chunks ${exits.length}, largest ${Math.max(...onWire.map((r) => r.bytes))} bytes`,
    );
    expect(exits.length).toBeGreaterThan(1);
    expect(onWire).toHaveLength(exits.length);
    for (const request of onWire) expect(request.bytes).toBeLessThan(64 * 1024);
    expect(tally("e: hidden mid-batch", sent)).toEqual({ received: 90, duplicates: 0, lost: 0 });
  });

  it("(f) IndexedDB unavailable: memory fallback, reported once, still delivered", async () => {
    await context.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", {
        configurable: true,
        get() {
          throw new DOMException("The user denied permission to access the database.", "SecurityError");
        },
      });
    });
    ingest.setProgram((n) => ({ status: n < 2 ? 503 : 200 }));
    const page = await openHarness({ delivery: fast });
    const sent = await page.evaluate(() => harness.emit(40));
    await page.evaluate(() => harness.flush());
    const storageErrors = (await page.evaluate(() => harness.errors())).filter((error) => error.kind === "storage");
    expect(storageErrors).toHaveLength(1);
    expect(tally("f: no IndexedDB", sent)).toEqual({ received: 40, duplicates: 0, lost: 0 });
  });
});
