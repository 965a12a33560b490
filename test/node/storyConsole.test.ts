// Every story in Storybook's index.json, opened in Chromium from a fresh static build (React's development
// warnings kept), must log no console error and no React warning, throw nothing, and finish its play function.
// The same build, server and story switching as `npm run screenshots` (scripts/screenshots.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import {
  buildStorybook,
  openPreview,
  type StoryEntry,
  serveStatic,
  showStory,
  storyEntries,
} from "../../scripts/screenshots";
import { chromiumLaunchOptions } from "../support/chromium";

let outDir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
let stories: StoryEntry[];

/** What a story logged that it must not: console errors, React's warnings, uncaught errors, a failed render. */
interface Problem {
  story: string;
  kind: string;
  text: string;
}
const problems: Problem[] = [];
let current = "(loading)";

// The kit's own warnings (a sink that retries) are what those stories show on purpose. React's warnings about
// `act` concern the play function's harness (Storybook wraps its simulated events in act), not anything a
// person using the story can cause. Any other error or warning is a problem.
const isHarness = (text: string) => /inside an `act` scope/.test(text);
const isOwnWarning = (text: string) => text.startsWith("[react-feedback-loop]");

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), "rfl-storybook-"));
  await buildStorybook(outDir);
  server = await serveStatic(outDir);
  stories = await storyEntries(server.url);
  browser = await chromium.launch(chromiumLaunchOptions);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (message) => {
    const type = message.type();
    const text = message.text();
    const problem = type === "error" || (type === "warning" && !isOwnWarning(text));
    if (problem && !isHarness(text)) {
      problems.push({ story: current, kind: `console.${type}`, text: text.slice(0, 500) });
    }
  });
  page.on("pageerror", (error) => problems.push({ story: current, kind: "uncaught", text: error.message }));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

test("the index lists the demo chat first, and every story renders without a console error", async () => {
  expect(stories[0]?.id).toBe("demo-chat--chat");
  expect(stories.length).toBeGreaterThan(20);
  const first = stories[0] as StoryEntry;
  current = first.id;
  await openPreview(page, server.url, first.id);
  for (const story of stories) {
    current = story.id;
    const phase = await showStory(page, story.id);
    if (phase !== "finished") problems.push({ story: story.id, kind: "render", text: `ended ${phase}` });
  }
  expect(problems).toEqual([]);
}, 600_000);

test("the All states stories still show every state after the timers that end them would have run", async () => {
  await showStory(page, "widgets-thumbsfeedback--all-states");
  await showStory(page, "widgets-copybutton--all-states");
  const copyFailed = page.getByRole("button", { name: "Copy failed" });
  await expect(copyFailed.getAttribute("data-state")).resolves.toBe("failed");
  // Longer than "Copied" and the thank-you stay in an app (1.5 and 4 seconds).
  await page.waitForTimeout(4_500);
  await expect(copyFailed.getAttribute("data-state")).resolves.toBe("failed");
  await showStory(page, "widgets-thumbsfeedback--all-states");
  await page.waitForTimeout(4_500);
  await expect(page.getByText("Thanks for your feedback").isVisible()).resolves.toBe(true);
}, 120_000);
