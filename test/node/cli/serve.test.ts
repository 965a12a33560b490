import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { main } from "../../../src/cli/main";
import { everyKind } from "../support/events";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../src/cli/bin.ts");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

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

/** Starts `react-feedback-loop serve` as a real process and resolves with its URL once it listens. */
async function start(...args: string[]) {
  const child = spawn(process.execPath, ["--import", tsx, bin, "serve", "--port", "0", ...args], { cwd: dir });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /http:\/\/\S+\/feedback/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout.on("data", look);
    child.once("exit", () => reject(new Error(`serve exited early: ${output}`)));
  });
  return { child, url, exited, output: () => output };
}

const post = (url: string, events: unknown[]) =>
  fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ events }) });

const fileLines = async (file: string) => (await readFile(file, "utf8")).split("\n").filter(Boolean);

describe("react-feedback-loop serve", () => {
  it("collects each event once into the JSONL file, across retries and restarts, and stops on SIGTERM and SIGINT", async () => {
    const file = path.join(dir, "feedback.jsonl");
    const [a, b, c] = everyKind();
    const first = await start("--file", "feedback.jsonl");
    expect(first.output()).toContain(`→ ${file} (0 events so far)`);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feedback$/);
    expect((await post(first.url, [a, b])).status).toBe(200);
    expect((await post(first.url, [a])).status).toBe(200);
    expect((await fileLines(file)).map((line) => JSON.parse(line).id)).toEqual([a?.id, b?.id]);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("Stopped. 2 events");

    const second = await start("--file", file);
    expect(second.output()).toContain("(2 events so far)");
    const response = await post(second.url, [a, c]);
    expect(await response.json()).toEqual({ accepted: [a?.id, c?.id], retry: [], rejected: [] });
    expect((await fileLines(file)).map((line) => JSON.parse(line).id)).toEqual([a?.id, b?.id, c?.id]);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
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
