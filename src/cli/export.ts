import { resolve } from "node:path";
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
import type { Command, CommandIO } from "./command";
import { maxOpenOption, openEventInput, refuse } from "./eventInput";
import { type ExportOutput, openExportOutput } from "./exportOutput";
import { invalidLines } from "./invalidLines";
import { progressLine } from "./progress";
import { rowWriter } from "./rowWriter";
import { wellFormedJson } from "./safeText";

const FORMATS = ["trl", "trl-conversational", "preferred-output", "kto", "regression", "buckets"] as const;
// The old name of "preferred-output", still accepted.
const OPENAI_ALIAS = "openai";
type ExportFormat = (typeof FORMATS)[number] | typeof OPENAI_ALIAS;

const ROW_NAMES: Record<ExportFormat, string> = {
  trl: "pairs",
  "trl-conversational": "pairs",
  "preferred-output": "pairs",
  openai: "pairs",
  kto: "KTO rows",
  regression: "regression cases",
  buckets: "down-voted answers",
};

const USAGE = `Usage: react-feedback-loop export --format <format> [--in feedback.jsonl] [--out file]

Turns the collector's JSONL (one event per line) into training and test data, reading it as a stream.

  --format <format>   trl                 DPO pairs {prompt, chosen, rejected} for TRL's DPOTrainer
                      trl-conversational  the same with message lists
                      preferred-output    {input, preferred_output, non_preferred_output} lines for preference
                                          fine-tuning on Azure OpenAI, Together or Fireworks ("openai" is
                                          its old name)
                      kto                 {prompt, completion, label} rows for TRL's KTOTrainer
                      regression          {prompt, badOutput, reasons, comment, traceId, spanId} cases
                      buckets             down-voted answers counted per error mode (one JSON document)
  --in <store>        a JSONL file or a postgres:// URL to read (default: standard input, piped in)
  --out <file>        where to write (default: standard output)
  --implicit-prompt   write pairs in implicit-prompt form, keeping pairs that have no prompt (TRL formats)
  --max-open <n>      prompts held open at once, the memory bound (default ${DEFAULT_MAX_OPEN.toLocaleString("en-US")};
                      Infinity is exact on any input, with memory that grows with it)

Invalid lines are skipped and reported on stderr with their line numbers; with no event at all, nothing is
written and the exit code is 1. --out is written to a temporary file, renamed over it once complete, and may
not be the --in file.

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
  distinctIds: boolean,
): { builder: DatasetBuilder<unknown>; result?: () => unknown } {
  // The source validates each line (or knows its file was checked) and reports line numbers: the builders need
  // not check again. A store of distinct ids (the collector's) leaves no retried delivery to drop.
  const options = { validate: false, deduplicate: !distinctIds, maxOpen };
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
    [report.ties, "ties between two answers"],
    [report.late, "late events past --max-open"],
  ];
  const listed = parts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count.toLocaleString("en-US")} ${what}`);
  return listed.length > 0 ? `; skipped: ${listed.join(", ")}` : "";
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
  if (!format || !(FORMATS.includes(format as (typeof FORMATS)[number]) || format === OPENAI_ALIAS)) {
    return fail(
      io,
      `--format must be one of ${FORMATS.join(", ")}${values.format ? ` (got "${values.format}")` : ""}.`,
    );
  }
  const maxOpen = maxOpenOption(values["max-open"]);
  if (typeof maxOpen !== "number") return refuse(io, maxOpen, USAGE);
  const implicitPrompt = values["implicit-prompt"] === true;
  if (implicitPrompt && format !== "trl" && format !== "trl-conversational") {
    return fail(io, "--implicit-prompt works with --format trl and trl-conversational only.");
  }

  const source = await openEventInput("export", values.in, io);
  if ("problem" in source) return refuse(io, source, USAGE);
  let output: ExportOutput = { stream: io.stdout, commit: async () => {}, discard: async () => {} };
  if (values.out !== undefined) {
    const input = values.in !== undefined ? resolve(io.cwd, values.in) : (io.stdin as { fd?: number }).fd;
    try {
      output = await openExportOutput(resolve(io.cwd, values.out), values.out, input);
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
  }

  const { builder, result } = builderFor(format, implicitPrompt, maxOpen, source.distinctIds === true);
  const invalid = invalidLines();
  const progress = progressLine(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, {
    totalBytes: source.totalBytes,
  });
  let records = 0;
  const stream = output.stream;
  // A write error also arrives as an 'error' event; awaiting 'drain' turns it into a rejection below.
  const ignore = () => {};
  stream.on("error", ignore);
  try {
    const rows: unknown[] = [];
    const writer = rowWriter(stream);
    // Events of a type the builder does not read may be left out unparsed: counted as the builder would.
    for await (const batch of source.read((record, reason) => invalid.add(record, reason), builder.reads)) {
      builder.report.events += batch.leftOut ?? 0;
      for (const event of batch.events) builder.add(event, rows);
      records = batch.records;
      writeRows(writer, rows);
      await writer.drained();
      progress.update(batch.bytesRead ?? 0, records);
    }
    builder.end(rows);
    progress.done();
    if (builder.report.events === 0) {
      await output.discard();
      io.stderr.write(invalid.summary());
      io.stderr.write(
        `export: no events in ${source.location} (${records.toLocaleString("en-US")} lines read), nothing written.\n`,
      );
      return 1;
    }
    if (result) writer.add(`${wellFormedJson(result(), 2)}\n`);
    else writeRows(writer, rows);
    await writer.flush();
    await output.commit();
  } catch (error) {
    progress.done();
    await output.discard();
    // The reader went away (`export ... | head`): stop quietly, as other command-line tools do.
    if ((error as NodeJS.ErrnoException).code === "EPIPE") return 0;
    throw error;
  } finally {
    stream.off("error", ignore);
  }

  const { report } = builder;
  io.stderr.write(invalid.summary());
  io.stderr.write(
    `export: ${records.toLocaleString("en-US")} lines, ${report.events.toLocaleString("en-US")} events, ${report.rows.toLocaleString("en-US")} ${ROW_NAMES[format]} written${skippedSummary(report, invalid.count)}\n`,
  );
  return 0;
}

/** Rows as JSONL lines; empties `rows` so the next batch starts afresh. */
function writeRows(writer: ReturnType<typeof rowWriter>, rows: unknown[]): void {
  for (const row of rows) writer.add(`${wellFormedJson(row)}\n`);
  rows.length = 0;
}

/** `react-feedback-loop export`: the collector's JSONL to DPO pairs, KTO rows, a regression set or error-mode buckets. */
export const exportCommand: Command = {
  summary: "turn collected events into DPO/KTO training data, a regression set or error-mode buckets",
  usage: USAGE,
  run,
};
