import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = path.join(root, "src/cli/bin.ts");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** A `react-feedback-loop serve` process started by a test. */
export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** Its /feedback URL, once it listens. */
  url: string;
  exited: Promise<number | null>;
  output(): string;
  errors(): string;
}

/**
 * Starts `react-feedback-loop serve <args>` as a real process on a free port. Resolves once it listens, or
 * rejects with its output when it exits first (use `startExpectingExit` for a start-up that should fail).
 */
export async function startServe(args: string[], cwd: string, options?: LaunchOptions): Promise<ServeProcess> {
  const started = launchServe(args, cwd, options);
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /http:\/\/\S+\/feedback/.exec(started.output());
      if (match) resolve(match[0]);
    };
    started.child.stdout.on("data", look);
    started.child.once("exit", () => reject(new Error(`serve exited early: ${started.output()}${started.errors()}`)));
  });
  return { ...started, url };
}

/** Starts serve and waits for it to exit; resolves with its exit code and output. */
export async function runServeToExit(args: string[], cwd: string) {
  const started = launchServe(args, cwd);
  const code = await started.exited;
  return { code, output: started.output(), errors: started.errors() };
}

/** How to start it: `shell` runs before it in bash (as `ulimit -f 32;`), `nodeFlags` go to Node. */
export interface LaunchOptions {
  shell?: string;
  nodeFlags?: string[];
}

/** Starts `react-feedback-loop serve <args>` as a real process on a free port, without waiting for anything. */
export function launchServe(args: string[], cwd: string, { shell = "", nodeFlags = [] }: LaunchOptions = {}) {
  const command = [process.execPath, ...nodeFlags, "--import", tsx, bin, "serve", "--port", "0", ...args];
  // The dashboard renders JSX from source here: tsx needs the project's tsconfig, not the working folder's.
  const env = { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") };
  const child = shell
    ? spawn("bash", ["-c", `${shell} exec "$@"`, "bash", ...command], { cwd, env })
    : spawn(command[0] as string, command.slice(1), { cwd, env });
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    errors += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output, errors: () => errors };
}
