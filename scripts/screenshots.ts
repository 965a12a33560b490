// `npm run screenshots`: a PNG of every story at 390 and 1,280 px, light and dark, in screenshots/ (ignored by
// git), taken with Debian's Chromium from a static Storybook build served on a loopback port. Compare the
// folder before and after a change to the look. The story console test (test/node/storyConsole.test.ts)
// builds, serves and opens stories the same way, through the functions exported here.
//
//   npm run screenshots                        build Storybook, then every story, both widths, both schemes
//   npm run screenshots -- --only demo-chat    only the stories whose id contains "demo-chat"
//   npm run screenshots -- --rtl --width 320   right to left, and any widths (repeat --width)
//   npm run screenshots -- --no-build          reuse storybook-static/ from the last build

import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../test/support/chromium";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** One entry of Storybook's `index.json` that is a story (not a docs page). */
export interface StoryEntry {
  id: string;
  title: string;
  name: string;
}

/** Builds the static Storybook into `outDir` (React's development warnings kept: see .storybook/main.ts). */
export function buildStorybook(outDir = path.join(root, "storybook-static")): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/storybook/dist/bin/dispatcher.js"), "build", "--quiet", "-o", outDir],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" } },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(outDir) : reject(new Error(`storybook build exited with ${code}:\n${output}`)),
    );
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** Serves `dir` on 127.0.0.1 (`port` 0 picks a free one); `close()` stops it. */
export async function serveStatic(dir: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    // The browser asks for a favicon Storybook's preview never names: no content, rather than a 404 in the console.
    if (pathname === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const file = path.join(dir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    const found = file.startsWith(dir) ? await stat(file).catch(() => null) : null;
    if (!found?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every story in the served Storybook's `index.json`, in sidebar order. */
export async function storyEntries(baseUrl: string): Promise<StoryEntry[]> {
  const index = (await (await fetch(`${baseUrl}/index.json`)).json()) as {
    entries: Record<string, StoryEntry & { type: string }>;
  };
  return Object.values(index.entries)
    .filter((entry) => entry.type === "story")
    .map(({ id, title, name }) => ({ id, title, name }));
}

type RenderPhase = "finished" | "errored" | "aborted";

/**
 * Waits until the preview shows a new render of story `id` (a new render object, or the same one remounted:
 * new elements in the root) and it has finished, play function included.
 */
async function settled(page: Page, id: string): Promise<RenderPhase> {
  const phase = await page.waitForFunction(
    (storyId) => {
      const w = window as unknown as {
        __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
        __previousRender?: unknown;
        __previousElement?: unknown;
      };
      const render = w.__STORYBOOK_PREVIEW__?.currentRender;
      const element = document.getElementById("storybook-root")?.firstElementChild;
      const fresh = render !== w.__previousRender || (element && element !== w.__previousElement);
      if (!render || !fresh || render.id !== storyId) return false;
      return ["finished", "errored", "aborted"].includes(render.phase ?? "") ? render.phase : false;
    },
    id,
    { timeout: 60_000, polling: 50 },
  );
  // Let the last streamed words and transitions settle before anyone looks.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
  return (await phase.jsonValue()) as RenderPhase;
}

/**
 * Loads the preview iframe on story `id` and waits for it. `globals` are Storybook globals such as
 * `{ dir: "rtl" }`. Axe runs in the story tests, so here it is left for the panel (`a11y.manual`): each story
 * then renders in a fraction of a second instead of several.
 */
export async function openPreview(page: Page, baseUrl: string, id: string, globals: Record<string, string> = {}) {
  const all = { "a11y.manual": "!true", ...globals };
  const param = Object.entries(all)
    .map(([key, value]) => `${key}:${value}`)
    .join(";");
  await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${param}`);
  return settled(page, id);
}

/**
 * Shows story `id` in the already open preview, as the sidebar does (no page load), or renders it again from
 * scratch when it is already shown; resolves with the phase its render ended in.
 */
export async function showStory(page: Page, id: string): Promise<RenderPhase> {
  await page.evaluate((storyId) => {
    const w = window as unknown as {
      __STORYBOOK_PREVIEW__: {
        currentRender?: { id?: string; phase?: string };
        onSetCurrentStory(selection: { storyId: string; viewMode: "story" }): Promise<void>;
        onForceRemount(selection: { storyId: string }): Promise<void>;
      };
      __previousRender?: unknown;
      __previousElement?: unknown;
    };
    const preview = w.__STORYBOOK_PREVIEW__;
    w.__previousRender = preview.currentRender;
    w.__previousElement = document.getElementById("storybook-root")?.firstElementChild;
    const render = preview.currentRender;
    if (render?.id === storyId) {
      // The same render object runs again: mark its last phase stale so its end is not taken for this one's.
      render.phase = "remounting";
      void preview.onForceRemount({ storyId });
    } else void preview.onSetCurrentStory({ storyId, viewMode: "story" });
  }, id);
  return settled(page, id);
}

function option(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === name && process.argv[i + 1]) values.push(process.argv[i + 1] as string);
  });
  return values;
}

async function main() {
  const started = Date.now();
  const outDir = path.join(root, "screenshots");
  const staticDir = path.join(root, "storybook-static");
  const widths = option("--width").map(Number);
  const only = option("--only")[0];
  const rtl = process.argv.includes("--rtl");
  if (!process.argv.includes("--no-build")) {
    console.log("Building Storybook…");
    await buildStorybook(staticDir);
  }
  const server = await serveStatic(staticDir, Number(process.env.SCREENSHOTS_PORT ?? 0));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const stories = (await storyEntries(server.url)).filter((story) => !only || story.id.includes(only));
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const first = stories[0];
    if (first) await openPreview(page, server.url, first.id, rtl ? { dir: "rtl" } : {});
    let count = 0;
    for (const story of stories) {
      for (const width of widths.length > 0 ? widths : [1280, 390]) {
        // Rendered once per width, so each layout runs its play function at the size it is shown at; the
        // colour scheme switches in place, as it does when a user changes it.
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: "light" });
        const phase = await showStory(page, story.id);
        if (phase !== "finished") console.warn(`${story.id} at ${width} px: its render ended ${phase}`);
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          const file = `${story.id}__${width}_${scheme}${rtl ? "_rtl" : ""}.png`;
          await page.screenshot({ path: path.join(outDir, file), fullPage: true });
          count++;
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`${count} screenshots of ${stories.length} stories in ${path.relative(root, outDir)}/ (${seconds} s)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
