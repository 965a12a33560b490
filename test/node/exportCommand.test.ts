import { once } from "node:events";
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { writeCheckedSeal } from "../../src/cli/checkedSeal";
import { main } from "../../src/cli/main";
import { edit, rating, regenerate } from "../datasets/fixtureEvents";
import { textStream } from "./support/textStream";

async function runExport(args: string[], stdinText = "", cwd = tmpdir()) {
  const stdout = textStream();
  const stderr = textStream();
  // Two-byte pieces: lines and characters split across chunks, as a pipe may deliver them.
  const pieces = Buffer.from(stdinText).reduce<Buffer[]>((all, _byte, index, bytes) => {
    if (index % 2 === 0) all.push(bytes.subarray(index, index + 2));
    return all;
  }, []);
  const code = await main(["export", ...args], {
    stdin: Readable.from(pieces),
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const jsonl = (items: unknown[]) => items.map((item) => `${JSON.stringify(item)}\n`).join("");
const rows = (text: string) =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const fixed = edit("Sydney is the capital.", "Canberra is the capital – ✓.");
const events = [
  fixed,
  rating("down", { at: 1, messageId: "m2", content: "Sydney.", reasons: ["hallucination"] }),
  regenerate({ at: 2, messageId: "m3", previousContent: "Perth." }),
  rating("up", { at: 3, messageId: "m4", content: "Canberra." }),
];

const dir = mkdtempSync(join(tmpdir(), "rfl-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("react-feedback-loop export", () => {
  it("reads stdin and writes TRL pairs to stdout, with a summary on stderr", async () => {
    const { code, stdout, stderr } = await runExport(["--format", "trl"], jsonl(events));
    expect(code).toBe(0);
    expect(rows(stdout)).toEqual([
      {
        prompt: "What is the capital of Australia?",
        chosen: "Canberra is the capital – ✓.",
        rejected: "Sydney is the capital.",
      },
      { prompt: "What is the capital of Australia?", chosen: "Canberra.", rejected: "Sydney." },
      { prompt: "What is the capital of Australia?", chosen: "Canberra.", rejected: "Perth." },
    ]);
    expect(stderr).toBe("export: 4 lines, 4 events, 3 pairs written\n");
  });

  it("skips invalid lines and reports their numbers, then how many more", async () => {
    const broken = Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? "{not json" : '{"v":1}'));
    const input = `${jsonl([fixed])}\n${broken.join("\n")}\n${jsonl([fixed])}`;
    const { code, stdout, stderr } = await runExport(["--format", "trl"], input);
    expect(code).toBe(0);
    expect(rows(stdout)).toHaveLength(1);
    expect(stderr).toContain("12 invalid lines skipped:\n  line 3: not JSON\n  line 4: type is required\n");
    expect(stderr).toContain("  line 12: type is required\n  and 2 more\n");
    expect(stderr).toContain("skipped: 12 invalid lines, 1 duplicate events");
  });

  it("reads --in and writes --out, resolved from the working directory", async () => {
    writeFileSync(join(dir, "feedback.jsonl"), jsonl(events));
    const { code, stdout } = await runExport(
      ["--format", "kto", "--in", "feedback.jsonl", "--out", "kto.jsonl"],
      "",
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(rows(readFileSync(join(dir, "kto.jsonl"), "utf8"))).toEqual([
      { prompt: "What is the capital of Australia?", completion: "Sydney.", label: false },
      { prompt: "What is the capital of Australia?", completion: "Canberra.", label: true },
    ]);
  });

  it("writes regression cases and trl-conversational and openai pairs", async () => {
    const regression = rows((await runExport(["--format", "regression"], jsonl(events))).stdout);
    expect(regression.map((c) => [c.badOutput, c.signal])).toEqual([
      ["Sydney.", "down"],
      ["Perth.", "regenerate"],
    ]);
    const [conversational] = rows((await runExport(["--format", "trl-conversational"], jsonl([fixed]))).stdout);
    expect(conversational.chosen).toEqual([{ role: "assistant", content: "Canberra is the capital – ✓." }]);
    const [preferred] = rows((await runExport(["--format", "preferred-output"], jsonl([fixed]))).stdout);
    expect(preferred).toEqual({
      input: { messages: [{ role: "user", content: "What is the capital of Australia?" }] },
      preferred_output: [{ role: "assistant", content: "Canberra is the capital – ✓." }],
      non_preferred_output: [{ role: "assistant", content: "Sydney is the capital." }],
    });
    // "openai" stays as the old name of the same format.
    const [openai] = rows((await runExport(["--format", "openai"], jsonl([fixed]))).stdout);
    expect(openai).toEqual(preferred);
  });

  it("writes buckets as one JSON document", async () => {
    const { stdout } = await runExport(["--format", "buckets"], jsonl(events));
    expect(JSON.parse(stdout)).toMatchObject({
      negative: 1,
      unlabeled: 0,
      buckets: [{ reason: "hallucination", count: 1, share: 1 }],
    });
  });

  it("writes pairs without a prompt in implicit-prompt form when asked", async () => {
    const promptless = edit("Sydney.", "Canberra.", { prompt: null });
    const skipped = await runExport(["--format", "trl"], jsonl([promptless]));
    expect(skipped.stdout).toBe("");
    expect(skipped.stderr).toContain("skipped: 1 without a prompt");
    const kept = await runExport(["--format", "trl", "--implicit-prompt"], jsonl([promptless]));
    expect(rows(kept.stdout)).toEqual([{ chosen: "Canberra.", rejected: "Sydney." }]);
  });

  it("explains a wrong or missing option and exits with 1", async () => {
    const noFormat = await runExport([]);
    expect(noFormat.code).toBe(1);
    expect(noFormat.stderr).toMatch(
      /^--format must be one of trl, trl-conversational, preferred-output, kto, regression, buckets\./,
    );
    expect((await runExport(["--format", "csv"])).stderr).toContain('(got "csv")');
    expect((await runExport(["--format", "openai", "--implicit-prompt"])).stderr).toContain(
      "--implicit-prompt works with --format trl and trl-conversational only.",
    );
    expect((await runExport(["--format", "trl", "--max-open", "0"])).code).toBe(1);
    expect((await runExport(["--format", "trl", "--verbose"])).stderr).toContain("Unknown option '--verbose'");
    const missing = await runExport(["--format", "trl", "--in", "nowhere.jsonl"], "", dir);
    expect(missing).toMatchObject({ code: 1, stderr: "Cannot read nowhere.jsonl: no such file.\n" });
    const folder = await runExport(["--format", "trl", "--in", "."], "", dir);
    expect(folder).toMatchObject({ code: 1, stderr: "Cannot read .: not a file.\n" });
    const unwritable = await runExport(["--format", "trl", "--out", "no/such/dir/pairs.jsonl"], "", dir);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^Cannot write --out no\/such\/dir\/pairs.jsonl: ENOENT/);
  });

  it("stops quietly when the reader goes away (export | head)", async () => {
    const closed = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const stderr = textStream();
    const io = { stdin: Readable.from([jsonl(events)]), stdout: closed, stderr: stderr.stream, cwd: dir };
    expect(await main(["export", "--format", "trl"], io)).toBe(0);
    expect(stderr.text()).toBe("");
  });

  it("is listed in the CLI's help", async () => {
    const stdout = textStream();
    const io = { stdin: Readable.from([]), stdout: stdout.stream, stderr: textStream().stream, cwd: dir };
    expect(await main(["--help"], io)).toBe(0);
    expect(stdout.text()).toMatch(/export\s+turn collected events into DPO\/KTO training data/);
    expect(await main(["export", "--help"], io)).toBe(0);
    expect(stdout.text()).toContain("Usage: react-feedback-loop export --format <format>");
  });

  it("refuses to write over its input, however the output names it, and leaves the input whole", async () => {
    const input = join(dir, "collected.jsonl");
    writeFileSync(input, jsonl(events));
    mkdirSync(join(dir, "x"), { recursive: true });
    symlinkSync(input, join(dir, "link.jsonl"));
    for (const out of ["collected.jsonl", "./x/../collected.jsonl", "link.jsonl", input]) {
      const run = await runExport(["--format", "trl", "--in", "collected.jsonl", "--out", out], "", dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `Cannot write --out ${out}: it is the input file. Writing there would destroy the events; choose another --out.\n`,
      );
      expect(readFileSync(input, "utf8")).toBe(jsonl(events));
    }
    // The same file piped in as standard input (`export --out f.jsonl < f.jsonl`).
    const stdin = createReadStream(input);
    await once(stdin, "open");
    const stderr = textStream();
    const io = { stdin, stdout: textStream().stream, stderr: stderr.stream, cwd: dir };
    expect(await main(["export", "--format", "trl", "--out", "collected.jsonl"], io)).toBe(1);
    stdin.destroy();
    expect(stderr.text()).toContain("it is the input file");
    expect(readFileSync(input, "utf8")).toBe(jsonl(events));
  });

  it("writes --out whole or not at all: a failed export leaves the earlier file as it was", async () => {
    const out = join(dir, "pairs-kept.jsonl");
    writeFileSync(out, "earlier pairs\n");
    const failing = Readable.from(
      (async function* () {
        yield jsonl(events);
        throw new Error("the input broke off");
      })(),
    );
    const io = { stdin: failing, stdout: textStream().stream, stderr: textStream().stream, cwd: dir };
    await expect(main(["export", "--format", "trl", "--out", "pairs-kept.jsonl"], io)).rejects.toThrow(
      "the input broke off",
    );
    expect(readFileSync(out, "utf8")).toBe("earlier pairs\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    // Through a symlink, the file it points to is replaced and the link kept.
    symlinkSync(out, join(dir, "pairs-link.jsonl"));
    expect((await runExport(["--format", "trl", "--out", "pairs-link.jsonl"], jsonl(events), dir)).code).toBe(0);
    expect(rows(readFileSync(out, "utf8"))).toHaveLength(3);
  });

  it("exits with 1 and writes nothing when no line is an event", async () => {
    const out = join(dir, "nothing.jsonl");
    writeFileSync(out, "earlier pairs\n");
    const invalid = await runExport(["--format", "trl", "--out", "nothing.jsonl"], '{"v":1}\nnot json\n', dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("2 invalid lines skipped:");
    expect(invalid.stderr).toContain("export: no events in standard input (2 lines read), nothing written.\n");
    expect(readFileSync(out, "utf8")).toBe("earlier pairs\n");
    const empty = await runExport(["--format", "buckets"], "");
    expect(empty).toMatchObject({ code: 1, stdout: "" });
  });

  it("says it reads standard input when run on a terminal without --in", async () => {
    const stdin = Object.assign(new Readable({ read() {} }), { isTTY: true });
    const stderr = textStream();
    const io = { stdin, stdout: textStream().stream, stderr: stderr.stream, cwd: dir };
    expect(await main(["export", "--format", "trl"], io)).toBe(1);
    expect(stderr.text()).toMatch(/^export reads the events from standard input: give --in feedback.jsonl, or pipe/);
  });

  it("writes valid UTF-8, with U+FFFD for a lone surrogate, and escapes field names it reports", async () => {
    const broken = edit("Sydney \ud83d is the capital.", "Canberra \udc00 is the capital.");
    const crafted = { ...rating("up", { at: 5, messageId: "m9", content: "x" }), "\u001b]0;pwned\u0007": 1 };
    const { code, stdout, stderr } = await runExport(["--format", "trl"], jsonl([broken, crafted]));
    expect(code).toBe(0);
    const bytes = Buffer.from(stdout, "utf8");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(stdout);
    expect(stdout).not.toMatch(/\\ud[89a-f]/);
    expect(rows(stdout)[0]).toMatchObject({
      chosen: "Canberra \ufffd is the capital.",
      rejected: "Sydney \ufffd is the capital.",
    });
    expect(stderr).not.toContain("\u001b");
    expect(stderr).not.toContain("\u0007");
    expect(stderr).toContain("\\u001b]0;pwned\\u0007 is not a field of this event type");
  });

  it("trusts a file the collector checked and nobody changed since, and checks any other", async () => {
    const file = join(dir, "checked.jsonl");
    const extra = jsonl([{ ...rating("up", { at: 7, messageId: "m7", content: "Canberra!" }), extra: 1 }]);
    // A line that breaks the contract (a field it does not know), in a file vouched for as checked: a file as
    // the collector left it is trusted, so its lines are not validated again and this one goes through...
    writeFileSync(file, `${jsonl(events)}${extra}`);
    await writeCheckedSeal(file, statSync(file, { bigint: true }), { wholeLines: true });
    const trusted = await runExport(["--format", "kto", "--in", "checked.jsonl"], "", dir);
    expect(trusted.stderr).not.toContain("invalid");
    expect(rows(trusted.stdout)).toHaveLength(3);
    // ...and once the file changes, every line is checked again.
    writeFileSync(file, `${jsonl(events)}${extra}\n`);
    const checked = await runExport(["--format", "kto", "--in", "checked.jsonl"], "", dir);
    expect(checked.stderr).toContain("1 invalid line skipped:\n  line 5: extra is not a field of this event type");
    expect(rows(checked.stdout)).toHaveLength(2);
  });

  it("prints the package's version", async () => {
    const stdout = textStream();
    const io = { stdin: Readable.from([]), stdout: stdout.stream, stderr: textStream().stream, cwd: dir };
    expect(await main(["--version"], io)).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(stdout.text()).toBe(`${pkg.version}\n`);
  });
});
