import { parseArgs } from "node:util";
import { DEFAULT_MAX_OPEN } from "../datasets/eventIntake";
import { regressionBuilder } from "../datasets/toRegressionSet";
import type { RegressionCase } from "../datasets/types";
import type { DatasetSpec, DatasetTarget } from "../sinks/vendor/datasets/datasetTarget";
import { langfuseDataset } from "../sinks/vendor/datasets/langfuseDataset";
import { langsmithDataset } from "../sinks/vendor/datasets/langsmithDataset";
import { phoenixDataset } from "../sinks/vendor/datasets/phoenixDataset";
import { type RegressionItem, regressionItem } from "../sinks/vendor/datasets/regressionItem";
import { DEFAULT_RETRY, type RetryPolicy, VendorRefusal, vendorHttp } from "../sinks/vendor/datasets/vendorHttp";
import { langsmithRunId } from "../sinks/vendor/langsmithFeedback";
import type { Command, CommandIO } from "./command";
import { maxOpenOption, openEventInput, refuse } from "./eventInput";
import type { EventSource } from "./eventStore";
import { invalidLines } from "./invalidLines";

const VENDORS = ["langfuse", "langsmith", "phoenix"] as const;
type Vendor = (typeof VENDORS)[number];

const USAGE = `Usage: react-feedback-loop push --to <vendor> --dataset <name> [--in feedback.jsonl] [options]

Builds the regression set (answers voted down or regenerated, with their prompts) from the collected events and
upserts it into a dataset of your evaluation tool, so the next prompt or model can be run against real failures.
Each item: the prompt as input, the user's corrected answer (from an edit) as expected output when there is one,
the bad answer, its reasons and comment as metadata, and a link to the trace that produced it. Item ids come from
the dataset and the message: pushing again adds only new failures.

  --to <vendor>        langfuse    LANGFUSE_BASE_URL (default https://cloud.langfuse.com), LANGFUSE_PUBLIC_KEY,
                                   LANGFUSE_SECRET_KEY
                       langsmith   LANGSMITH_API_KEY, LANGSMITH_ENDPOINT (default https://api.smith.langchain.com),
                                   LANGSMITH_WORKSPACE_ID when the key reaches several workspaces
                       phoenix     PHOENIX_BASE_URL or PHOENIX_HOST (default http://localhost:6006), PHOENIX_API_KEY
                                   when authentication is on
  --dataset <name>     the dataset to create or add to
  --in <file>          JSONL to read (default: standard input)
  --reason <key>       push only answers the user gave this reason (repeatable: any of them)
  --description <text> the dataset's description, when it is created
  --dry-run            print the requests that would be sent (stdout, one JSON per line) and send nothing
  --max-open <n>       prompts held open at once, the memory bound (default ${DEFAULT_MAX_OPEN.toLocaleString("en-US")})

408, 429 and 5xx answers are tried again with backoff; any other refusal stops the push with the vendor's words.

Example:
  LANGFUSE_PUBLIC_KEY=pk-lf-… LANGFUSE_SECRET_KEY=sk-lf-… \\
    npx react-feedback-loop push --to langfuse --dataset support-regressions --in feedback.jsonl --reason hallucination`;

const DEFAULT_DESCRIPTION = "Answers users voted down or regenerated, with their prompts (react-feedback-loop)";

const count = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

function fail(io: CommandIO, message: string): number {
  io.stderr.write(`${message}\n\n${USAGE}\n`);
  return 1;
}

type Env = Record<string, string | undefined>;

/** Phoenix's client reads PHOENIX_BASE_URL, or PHOENIX_HOST (a host name, or a URL) with PHOENIX_PORT. */
function phoenixBaseUrl(env: Env): string {
  if (env.PHOENIX_BASE_URL) return env.PHOENIX_BASE_URL;
  const host = env.PHOENIX_HOST;
  if (!host) return "http://localhost:6006";
  if (/^https?:\/\//.test(host)) return host;
  return `http://${host}:${env.PHOENIX_PORT ?? "6006"}`;
}

/** The vendor's dataset API with its credentials, or a sentence naming the variable that is missing. */
function targetFor(vendor: Vendor, dataset: DatasetSpec, env: Env, retry: RetryPolicy, dryRun: boolean) {
  const need = (name: string): string => {
    const value = env[name];
    if (!value && !dryRun) throw new Error(`Set ${name} to push to ${vendor}.`);
    return value ?? "";
  };
  if (vendor === "langfuse") {
    const publicKey = need("LANGFUSE_PUBLIC_KEY");
    const secretKey = need("LANGFUSE_SECRET_KEY");
    const call = vendorHttp({
      vendor: "Langfuse",
      baseUrl: env.LANGFUSE_BASE_URL ?? env.LANGFUSE_HOST ?? "https://cloud.langfuse.com",
      headers: { authorization: `Basic ${btoa(`${publicKey}:${secretKey}`)}` },
      secrets: [publicKey, secretKey],
      retry,
    });
    return langfuseDataset(dataset, call);
  }
  if (vendor === "langsmith") {
    const apiKey = need("LANGSMITH_API_KEY");
    const apiUrl = env.LANGSMITH_ENDPOINT ?? "https://api.smith.langchain.com";
    const headers: Record<string, string> = { "x-api-key": apiKey };
    if (env.LANGSMITH_WORKSPACE_ID) headers["x-tenant-id"] = env.LANGSMITH_WORKSPACE_ID;
    const call = vendorHttp({ vendor: "LangSmith", baseUrl: apiUrl, headers, secrets: [apiKey], retry });
    return langsmithDataset(dataset, call, apiUrl);
  }
  const apiKey = env.PHOENIX_API_KEY;
  const call = vendorHttp({
    vendor: "Phoenix",
    baseUrl: phoenixBaseUrl(env),
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    secrets: apiKey ? [apiKey] : [],
    retry,
  });
  return phoenixDataset(dataset, call);
}

/**
 * Reads the events once: the regression set, plus what the set itself does not carry and the vendors want (the
 * final text of the user's latest edit of each answer, and the answer's LangSmith run).
 */
async function readItems(
  source: EventSource,
  dataset: string,
  maxOpen: number,
  onInvalid: (n: number, r: string) => void,
) {
  const builder = regressionBuilder({ validate: false, maxOpen });
  const cases: RegressionCase[] = [];
  const corrections = new Map<string, string>();
  const runIds = new Map<string, string>();
  let records = 0;
  for await (const batch of source.read(onInvalid)) {
    records = batch.records;
    for (const event of batch.events) {
      if (event.type === "edit" && !event.accepted) corrections.set(event.messageId, event.final);
      const runId = langsmithRunId(event);
      if (runId) runIds.set(event.messageId, runId);
      builder.add(event, cases);
    }
  }
  builder.end(cases);
  const items = (reasons: readonly string[]): RegressionItem[] =>
    cases
      .filter((testCase) => reasons.length === 0 || testCase.reasons.some((reason) => reasons.includes(reason)))
      .map((testCase) =>
        regressionItem(dataset, testCase, {
          correction: corrections.get(testCase.messageId),
          runId: runIds.get(testCase.messageId),
        }),
      );
  return { items, records, report: builder.report };
}

// Progress lines come at most this often, and once at the end: a long push tells how far it is, a short one
// prints one line.
const PROGRESS_INTERVAL_MS = 1000;

function progress(stderr: NodeJS.WritableStream, total: number, now: () => number = Date.now) {
  let last = now();
  return (done: number) => {
    if (done < total && now() - last < PROGRESS_INTERVAL_MS) return;
    last = now();
    stderr.write(`push: ${done.toLocaleString("en-US")} of ${count(total, "item")}\n`);
  };
}

/** Options a test gives instead of the process's: the environment, and a faster retry. */
export interface PushCommandOptions {
  env?: Env;
  retry?: RetryPolicy;
}

/** `react-feedback-loop push`, reading credentials from `options.env` (default: the process's environment). */
export function createPushCommand(options: PushCommandOptions = {}): Command {
  async function run(args: string[], io: CommandIO): Promise<number> {
    let values: {
      to?: string;
      dataset?: string;
      in?: string;
      reason?: string[];
      description?: string;
      "dry-run"?: boolean;
      "max-open"?: string;
    };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          to: { type: "string" },
          dataset: { type: "string" },
          in: { type: "string" },
          reason: { type: "string", multiple: true },
          description: { type: "string" },
          "dry-run": { type: "boolean" },
          "max-open": { type: "string" },
        },
      }));
    } catch (error) {
      return fail(io, error instanceof Error ? error.message : String(error));
    }
    const vendor = values.to as Vendor | undefined;
    if (!vendor || !VENDORS.includes(vendor)) {
      return fail(io, `--to must be one of ${VENDORS.join(", ")}${values.to ? ` (got "${values.to}")` : ""}.`);
    }
    if (!values.dataset) return fail(io, "--dataset names the dataset to fill.");
    const maxOpen = maxOpenOption(values["max-open"]);
    if (typeof maxOpen !== "number") return refuse(io, maxOpen, USAGE);
    const dryRun = values["dry-run"] === true;
    const dataset: DatasetSpec = { name: values.dataset, description: values.description ?? DEFAULT_DESCRIPTION };

    let target: DatasetTarget;
    try {
      target = targetFor(vendor, dataset, options.env ?? process.env, options.retry ?? DEFAULT_RETRY, dryRun);
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    const source = await openEventInput("push", values.in, io);
    if ("problem" in source) return refuse(io, source, USAGE);

    const invalid = invalidLines();
    const read = await readItems(source, dataset.name, maxOpen, (line, reason) => invalid.add(line, reason));
    const items = read.items(values.reason ?? []);
    io.stderr.write(invalid.summary());
    const corrected = items.filter((item) => item.expectedOutput).length;
    const bucket = values.reason ? ` with reason ${values.reason.join(" or ")}` : "";
    io.stderr.write(
      `push: ${count(read.records, "record")}, ${count(items.length, "regression case")}${bucket} (${corrected.toLocaleString("en-US")} with the user's corrected answer)\n`,
    );

    if (dryRun) {
      for (const request of target.plan(items)) io.stdout.write(`${JSON.stringify(request)}\n`);
      io.stderr.write(`push: dry run, nothing sent to ${target.vendor}\n`);
      return 0;
    }
    try {
      const report = await target.push(items, progress(io.stderr, items.length));
      const already = report.alreadyThere > 0 ? `, ${report.alreadyThere.toLocaleString("en-US")} already there` : "";
      io.stderr.write(
        `push: ${count(report.sent, "item")} sent to ${target.vendor} dataset "${dataset.name}"${already}\n`,
      );
      return 0;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`push stopped: ${message}${error instanceof VendorRefusal ? "" : " Run it again to go on."}\n`);
      return 1;
    }
  }
  return {
    summary: "upsert the regression set into a Langfuse, LangSmith or Phoenix dataset",
    usage: USAGE,
    run,
  };
}

/** `react-feedback-loop push`: the regression set into a vendor dataset. */
export const pushCommand: Command = createPushCommand();
