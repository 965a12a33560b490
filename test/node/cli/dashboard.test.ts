// The collector's dashboard, as a person meets it: `serve` on a JSONL file with a few hand-counted events and a
// broken line, the page in real Chromium, then more events posted to the collector and the page changing.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import type { FeedbackEvent } from "../../../src/events/types";
import { uuidv7 } from "../../../src/events/uuid";
import { insightsFixture } from "../../insights/insightsFixture";
import { chromiumLaunchOptions } from "../../support/chromium";
import { requireBuild } from "../built";
import { runServeToExit, type ServeProcess, startServe } from "../support/serveProcess";

const TRACE_URL = "https://cloud.langfuse.com/project/P/traces/{traceId}";

let dir: string;
let browser: Browser;

beforeAll(async () => {
  requireBuild();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-dashboard-"));
});
afterEach(async () => {
  if (running && running.child.exitCode === null) running.child.kill("SIGKILL");
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

let running: ServeProcess | undefined;

/** `serve` on the folder's files; resolves with the dashboard's URL (the collector's root). */
async function serve(...args: string[]) {
  running = await startServe(args, dir);
  return { origin: running.url.replace(/feedback$/, ""), output: running.output };
}

const lines = (events: FeedbackEvent[]) => events.map((event) => `${JSON.stringify(event)}\n`).join("");

describe("the collector's dashboard", () => {
  it("shows the hand-counted figures of the store, text as text, and changes as events arrive", async () => {
    await writeFile(path.join(dir, "feedback.jsonl"), `${lines(insightsFixture())}{"cut short\n`);
    const { origin } = await serve("--file", "feedback.jsonl", "--trace-url", TRACE_URL);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(String(error)));
    await page.goto(`${origin}?splitBy=metadata.model`);

    await page.getByText("17 events about 9 answers.").waitFor();
    await page.getByText("1 line was not an event and skipped.").waitFor();
    await page.getByRole("status").getByText("Live").waitFor();
    const thumbs = page.getByRole("figure", { name: "Thumbs-up share" });
    await thumbs.getByRole("button", { name: "Show as table" }).click();
    const rows = await thumbs.getByRole("row").allInnerTexts();
    expect(rows.map((row) => row.split("\t").map((cell) => cell.trim()))).toEqual([
      ["metadata.model", "Share", "95% interval", "Up", "Down"],
      ["All answers", "33.3%", "6.1%–79.2%", "1", "2"],
      ["model-a", "50.0%", "9.5%–90.5%", "1", "1"],
      ["model-b", "0.0%", "0.0%–79.3%", "0", "1"],
    ]);
    // The comment is shown as the user typed it: its markup is text, not an element.
    const comment = page.getByText("Invented a <b>flag</b>").first();
    await comment.waitFor();
    expect(await page.locator(".rfl-insights b").count()).toBe(0);
    const trace = page.getByRole("link", { name: "View trace m2" }).first();
    expect(await trace.getAttribute("href")).toBe(`https://cloud.langfuse.com/project/P/traces/02${"a".repeat(30)}`);

    // A new answer voted up: the page follows without a reload.
    const now = Date.parse("2026-12-02T12:00:00.000Z");
    const vote = {
      id: uuidv7(now),
      v: 1,
      ts: new Date(now).toISOString(),
      type: "rating",
      messageId: "m10",
      feedbackKey: "m10:rating",
      value: "up",
      previous: null,
      metadata: { model: "model-a" },
    };
    const posted = await fetch(`${origin}feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: [vote] }),
    });
    expect(posted.status).toBe(200);
    await page.getByText("18 events about 10 answers.").waitFor();
    await page.getByRole("row", { name: /model-a\s+66\.7%/ }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("passes axe in light and dark, left to right and right to left", async () => {
    await writeFile(path.join(dir, "feedback.jsonl"), lines(insightsFixture()));
    const { origin } = await serve("--file", "feedback.jsonl", "--trace-url", TRACE_URL);
    for (const colorScheme of ["light", "dark"] as const) {
      for (const dir of ["ltr", "rtl"]) {
        // The page's own policy allows only its own scripts; the checker is added from outside it.
        const context = await browser.newContext({ colorScheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${origin}?splitBy=metadata.model`);
        await page.getByRole("status").getByText("Live").waitFor();
        await page.evaluate((direction) => {
          document.documentElement.dir = direction;
        }, dir);
        await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
          ).axe.run();
          return result.violations.map((violation) => violation.id);
        });
        expect({ colorScheme, dir, violations }).toEqual({ colorScheme, dir, violations: [] });
        await context.close();
      }
    }
  });

  it("reads the chart's bars from the keyboard", async () => {
    await writeFile(path.join(dir, "feedback.jsonl"), lines(insightsFixture()));
    const { origin } = await serve("--file", "feedback.jsonl");
    const page = await browser.newPage();
    await page.goto(origin);
    await page.getByRole("status").getByText("Live").waitFor();
    const chart = page.getByRole("group", { name: "Signals per day" });
    await chart.focus();
    await page.keyboard.press("End");
    await chart.getByText("2026-12-02: Up 1, Down 0, Copy 2, Regenerate 0, Edit 2, Abandon 1").first().waitFor();
    await page.keyboard.press("Home");
    await chart.getByText("2026-12-01: Up 2, Down 2, Copy 1, Regenerate 3, Edit 0, Abandon 0").first().waitFor();
    await page.close();
  });

  it("downloads the datasets for a range, and answers a summary as JSON", async () => {
    await writeFile(path.join(dir, "feedback.jsonl"), lines(insightsFixture()));
    const { origin } = await serve("--file", "feedback.jsonl");
    const summary = await (await fetch(`${origin}insights/summary?from=2026-12-02`)).json();
    expect(summary).toMatchObject({ from: "2026-12-02", events: 7, answers: 5 });
    const download = await fetch(`${origin}insights/download?format=kto&from=2026-12-01&to=2026-12-01`);
    expect(download.headers.get("content-disposition")).toBe(
      'attachment; filename="kto-from-2026-12-01-to-2026-12-01.jsonl"',
    );
    // The fixture's events carry no prompt, which every KTO row needs: the file is empty, not an error.
    expect(await download.text()).toBe("");
    expect((await fetch(`${origin}insights/summary?splitBy=model`)).status).toBe(400);
    expect((await fetch(`${origin}insights/download?format=csv`)).status).toBe(400);
  });

  it("refuses a trace URL template without {traceId} at start, with a sentence", async () => {
    const { code, errors } = await runServeToExit(["--trace-url", "https://cloud.langfuse.com/project/P/traces"], dir);
    expect(errors).toContain("--trace-url must contain {traceId}");
    expect(code).toBe(1);
  });
});
