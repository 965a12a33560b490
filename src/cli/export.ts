import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import {
  bucketBuilder,
  type DatasetBuilder,
  type DatasetReport,
  DEFAULT_MAX_OPEN,
  ktoBuilder,
  preferencePairBuilder,
  regressionBuilder,
} from "../datasets";
import { validateEvent } from "../events/validate";
import type { Command, CommandIO } from "./command";
import { invalidLines } from "./invalidLines";
import { progressLine } from "./progress";
import { LINE_TOO_LONG, readLines } from "./readLines";

const FORMATS = ["trl", "trl-conversational", "openai", "kto", "regression", "buckets"] as const;
type ExportFormat = (typeof FORMATS)[number];

const ROW_NAMES: Record<ExportFormat, string> = {
  trl: "pairs",
  "trl-conversational": "pairs",
  openai: "pairs",
  kto: "KTO rows",
  regression: "regression cases",
  buckets: "down-voted answers",
};

const USAGE = `Usage: react-feedback-loop export --format <format> [--in feedback.jsonl] [--out file]

Turns the collector's JSONL (one event per line) into training and test data, reading it as a stream.

  --format <format>   trl                 DPO pairs {prompt, chosen, rejected} for TRL's DPOTrainer
                      trl-conversational  the same with message lists
                      openai              OpenAI preference fine-tuning lines
                      kto                 {prompt, completion, label} rows for TRL's KTOTrainer
                      regression          {prompt, badOutput, reasons, comment, traceId, spanId} cases
                      buckets             down-voted answers counted per error mode (one JSON document)
  --in <file>         JSONL to read (default: standard input)
  --out <file>        where to write (default: standard output)
  --implicit-prompt   write pairs in implicit-prompt form, keeping pairs that have no prompt (TRL formats)
  --max-open <n>      prompts held open at once, the memory bound (default ${DEFAULT_MAX_OPEN.toLocaleString("en-US")};
                      Infinity is exact on any input, with memory that grows with it)

Invalid lines are skipped and reported on stderr with their line numbers.

Example:
  npx react-feedback-loop export --format trl --in feedback.jsonl --out pairs.jsonl`;

function fail(io: CommandIO, message: string): number {
  io.stderr.write(`${message}\n\n${USAGE}\n`);
  return 1;
}

// The builder that reads the events, and for buckets the one JSON document it ends with.
function builderFor(
  format: ExportFormat,
  implicitPrompt: boolean,
  maxOpen: number,
): { builder: DatasetBuilder<unknown>; result?: () => unknown } {
  // Lines are validated here, one by one, to report their numbers: the builders need not check again.
  const options = { validate: false, maxOpen };
  if (format === "kto") return { builder: ktoBuilder(options) };
  if (format === "regression") return { builder: regressionBuilder(options) };
  if (format === "buckets") {
    const builder = bucketBuilder(options);
    return { builder, result: builder.result };
  }
  return { builder: preferencePairBuilder({ ...options, format, implicitPrompt }) };
}

function skippedSummary(report: DatasetReport, invalid: number): string {
  const parts: [number, string][] = [
    [invalid, "invalid lines"],
    [report.duplicates, "duplicate events"],
    [report.withoutPrompt, "without a prompt"],
    [report.withoutText, "without the answer's text"],
    [report.unchanged, "unchanged edits"],
    [report.withdrawn, "withdrawn votes"],
    [report.late, "late events past --max-open"],
  ];
  const listed = parts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count.toLocaleString("en-US")} ${what}`);
  return listed.length > 0 ? `; skipped: ${listed.join(", ")}` : "";
}

async function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (text.length > 0 && !output.write(text)) await once(output, "drain");
}

async function run(args: string[], io: CommandIO): Promise<number> {
  let values: { format?: string; in?: string; out?: string; "implicit-prompt"?: boolean; "max-open"?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: "string" },
        in: { type: "string" },
        out: { type: "string" },
        "implicit-prompt": { type: "boolean" },
        "max-open": { type: "string" },
      },
    }));
  } catch (error) {
    return fail(io, error instanceof Error ? error.message : String(error));
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !FORMATS.includes(format)) {
    return fail(
      io,
      `--format must be one of ${FORMATS.join(", ")}${values.format ? ` (got "${values.format}")` : ""}.`,
    );
  }
  const maxOpen = values["max-open"] === undefined ? DEFAULT_MAX_OPEN : Number(values["max-open"]);
  if (!(maxOpen >= 1)) return fail(io, `--max-open must be a number of at least 1 (got "${values["max-open"]}").`);
  const implicitPrompt = values["implicit-prompt"] === true;
  if (implicitPrompt && format !== "trl" && format !== "trl-conversational") {
    return fail(io, "--implicit-prompt works with --format trl and trl-conversational only.");
  }

  let input: AsyncIterable<Uint8Array | string> = io.stdin as AsyncIterable<Uint8Array | string>;
  let totalBytes: number | undefined;
  if (values.in !== undefined) {
    const path = resolve(io.cwd, values.in);
    try {
      const file = await stat(path);
      if (!file.isFile()) throw new Error("not a file");
      totalBytes = file.size;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      io.stderr.write(`Cannot read --in ${values.in}: ${reason}.\n`);
      return 1;
    }
    // Bytes, not text: readLines copies ASCII chunks as they are, far cheaper than decoding UTF-8.
    input = createReadStream(path, { highWaterMark: 1024 * 1024 });
  } else if ((io.stdin as { isTTY?: boolean }).isTTY) {
    return fail(io, "Give the events with --in feedback.jsonl, or pipe them in.");
  }
  let output = io.stdout;
  if (values.out !== undefined) {
    const file = createWriteStream(resolve(io.cwd, values.out));
    try {
      await once(file, "open");
    } catch (error) {
      io.stderr.write(`Cannot write --out ${values.out}: ${(error as Error).message}\n`);
      return 1;
    }
    output = file;
  }

  const { builder, result } = builderFor(format, implicitPrompt, maxOpen);
  const invalid = invalidLines();
  const progress = progressLine(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, { totalBytes });
  let lineNumber = 0;
  // A write error also arrives as an 'error' event; awaiting 'drain' turns it into a rejection below.
  const ignore = () => {};
  output.on("error", ignore);
  try {
    const rows: unknown[] = [];
    for await (const { lines, bytesRead } of readLines(input)) {
      for (const line of lines) {
        lineNumber++;
        if (line === LINE_TOO_LONG) {
          invalid.add(lineNumber, "longer than any event of the contract");
          continue;
        }
        let event: unknown;
        try {
          event = JSON.parse(line);
        } catch {
          // Blank lines are no events and no errors either.
          if (line.trim().length > 0) invalid.add(lineNumber, "not JSON");
          continue;
        }
        const problem = validateEvent(event);
        if (problem) {
          invalid.add(lineNumber, problem.message);
          continue;
        }
        builder.add(event, rows);
      }
      await write(output, serialize(rows));
      progress.update(bytesRead, lineNumber);
    }
    builder.end(rows);
    if (result) await write(output, `${JSON.stringify(result(), null, 2)}\n`);
    else await write(output, serialize(rows));
    if (output !== io.stdout) {
      output.end();
      await finished(output);
    }
  } catch (error) {
    progress.done();
    // The reader went away (`export ... | head`): stop quietly, as other command-line tools do.
    if ((error as NodeJS.ErrnoException).code === "EPIPE") return 0;
    throw error;
  } finally {
    output.off("error", ignore);
  }
  progress.done();

  const { report } = builder;
  io.stderr.write(invalid.summary());
  io.stderr.write(
    `export: ${lineNumber.toLocaleString("en-US")} lines, ${report.events.toLocaleString("en-US")} events, ${report.rows.toLocaleString("en-US")} ${ROW_NAMES[format]} written${skippedSummary(report, invalid.count)}\n`,
  );
  return 0;
}

/** Rows as JSONL; empties `rows` so the next chunk starts afresh. */
function serialize(rows: unknown[]): string {
  let text = "";
  for (const row of rows) text += `${JSON.stringify(row)}\n`;
  rows.length = 0;
  return text;
}

/** `react-feedback-loop export`: the collector's JSONL to DPO pairs, KTO rows, a regression set or error-mode buckets. */
export const exportCommand: Command = {
  summary: "turn collected events into DPO/KTO training data, a regression set or error-mode buckets",
  usage: USAGE,
  run,
};
