import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../../src/cli/main";
import { writeEventsFile } from "../../bench/generateEvents";
import { event, everyKind } from "../support/events";
import { type LaunchOptions, launchServe, startServe } from "../support/serveProcess";

let dir: string;
let children: ChildProcessWithoutNullStreams[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "rfl-serve-"));
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  children = [];
  await rm(dir, { recursive: true, force: true });
});

/** Runs `react-feedback-loop serve` in the test's folder, killed after the test if still running. */
function launch(args: string[], options?: LaunchOptions) {
  const started = launchServe(args, dir, options);
  children.push(started.child);
  return started;
}

/** Starts serve in the test's folder and resolves once it listens (killed after the test). */
async function start(args: string[], options?: LaunchOptions) {
  const started = await startServe(args, dir, options);
  children.push(started.child);
  return started;
}

const post = (url: string, events: unknown[]) =>
  fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ events }) });

const fileLines = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean);

describe("react-feedback-loop serve", () => {
  it("collects each event once into the JSONL file, across retries and restarts, and stops on SIGTERM and SIGINT", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const [a, b, c] = everyKind();
    const first = await start(["--file", "feedback.jsonl"]);
    expect(first.output()).toContain(`→ ${file} (0 events so far)`);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feedback$/);
    expect((await post(first.url, [a, b])).status).toBe(200);
    expect((await post(first.url, [a])).status).toBe(200);
    expect((await fileLines(file)).map((line) => JSON.parse(line).id)).toEqual([a?.id, b?.id]);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("Stopped. 2 events");

    const second = await start(["--file", file]);
    expect(second.output()).toContain("(2 events so far)");
    const response = await post(second.url, [a, c]);
    expect(await response.json()).toEqual({ accepted: [a?.id, c?.id], retry: [], rejected: [] });
    expect((await fileLines(file)).map((line) => JSON.parse(line).id)).toEqual([a?.id, b?.id, c?.id]);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });
});

describe("serve's store", () => {
  it("refuses a second collector on the same file with a sentence, and takes over a lock its holder left", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const first = await start(["--file", file]);
    const second = launch(["--file", "feedback.jsonl"]);
    expect(await second.exited).toBe(1);
    expect(second.errors()).toBe(
      `${file} is in use by another process (pid ${first.child.pid}, per ${file}.lock). Stop it first, or use another file.\n`,
    );
    expect(second.output()).toBe("");
    // Killed without a chance to clean up: the lock stays behind, naming a process that no longer runs.
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await readFile(`${file}.lock`, "utf8")).toBe(`${first.child.pid}\n`);
    const third = await start(["--file", file]);
    expect((await post(third.url, everyKind().slice(0, 1))).status).toBe(200);
  });

  it("fails at start with a sentence when the file cannot be written", async () => {
    const run = launch(["--file", "missing-dir/x.jsonl"]);
    expect(await run.exited).toBe(1);
    expect(run.errors()).toBe(
      `Cannot collect into ${path.join(dir, "missing-dir/x.jsonl")}: the folder ${path.join(dir, "missing-dir")} does not exist.\n`,
    );
    expect(run.output()).not.toContain("Collecting");
  });

  it("logs each refused request and each storage failure as one line on stderr", async () => {
    const { url, errors } = await start(["--file", "feedback.jsonl"]);
    expect((await fetch(url, { method: "POST", body: "{not json" })).status).toBe(400);
    const [good] = everyKind();
    const crafted = { ...good, id: "0192f0c1-0000-7000-8000-000000000001", "\u001b[31mred": 1 };
    expect((await post(url, [good, crafted])).status).toBe(207);
    const lines = errors().trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z refused POST \/feedback from no origin: 400 the body is not JSON$/);
    expect(lines[1]).toContain("refused POST /feedback from no origin: 207 1 of 2 event(s) rejected");
    // A field name from the request reaches the log escaped, never as a terminal escape sequence.
    expect(lines[1]).toContain("\\u001b[31mred");
    expect(errors()).not.toContain("\u001b");
  });

  it("cuts a write that failed (file too large, as on a full disk) back to the last whole line", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const small = (n: number) =>
      event({ type: "copy", source: "button", chars: 3, fraction: 1 }, { messageId: `m-${n}` });
    const large = (n: number) => ({ ...small(100 + n), content: "An answer that goes on. ".repeat(400) });
    await writeFile(file, Array.from({ length: 10 }, (_, n) => `${JSON.stringify(small(n))}\n`).join(""));
    const before = (await stat(file)).size;
    // The file may grow to 24 KiB: a batch of three 10 KB events is cut short by the limit.
    const { url, errors } = await start(["--file", file], { shell: "ulimit -f 24;" });
    const failed = await post(url, [large(1), large(2), large(3)]);
    expect(failed.status).toBe(503);
    expect((await stat(file)).size).toBe(before);
    expect(errors()).toMatch(/could not store 3 event\(s\) in \S+feedback\.jsonl; answered "retry": EFBIG/);
    const next = small(50);
    expect((await post(url, [next])).status).toBe(200);
    const stored = (await fileLines(file)).map((line) => JSON.parse(line).id);
    expect(stored).toHaveLength(11);
    expect(stored.at(-1)).toBe(next.id);
    // The failed write is the one line logged: cutting it back is the collector's own change, not another's.
    expect(errors().trimEnd().split("\n")).toHaveLength(1);
  });

  it("starts on a file larger than its whole heap: the file is streamed and only ids are kept", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const bytes = await writeEventsFile(file, 150_000, 7);
    expect(bytes).toBeGreaterThan(90 * 1024 * 1024);
    const { url, output } = await start(["--file", file], { nodeFlags: ["--max-old-space-size=48"] });
    expect(output()).toMatch(/\((1[34]\d,\d{3}|1[34]\d{4}) events so far\)/);
    expect((await fetch(url)).status).toBe(200);
  });
});

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  return { io: { stdin: new PassThrough(), stdout, stderr, cwd: dir }, out: () => out, err: () => err };
}

describe("serve's arguments", () => {
  it("is listed in the CLI help and explains itself with --help", async () => {
    const help = io();
    expect(await main(["--help"], help.io)).toBe(0);
    expect(help.out()).toMatch(/serve\s+collect feedback locally/);
    const usage = io();
    expect(await main(["serve", "--help"], usage.io)).toBe(0);
    expect(usage.out()).toContain("--file <path>");
  });

  it.each([
    [["--port", "http"], "--port must be a number"],
    [["--colour", "red"], 'Unknown option "--colour"'],
    [["--file"], "--file needs a value"],
  ])("refuses %j with a sentence and exit code 1", async (args, message) => {
    const run = io();
    expect(await main(["serve", ...args], run.io)).toBe(1);
    expect(run.err()).toContain(message);
  });
});
