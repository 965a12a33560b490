// `export` with preference events in the store: pairs in every pair format, KTO rows, and one decision per pair.
import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { PROMPT, preference, rating } from "../datasets/fixtureEvents";
import { textStream } from "./support/textStream";

async function runExport(args: string[], events: unknown[]) {
  const stdout = textStream();
  const stderr = textStream();
  const code = await main(["export", ...args], {
    stdin: Readable.from([events.map((event) => `${JSON.stringify(event)}\n`).join("")]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: tmpdir(),
  });
  const rows = stdout
    .text()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return { code, rows, stderr: stderr.text() };
}

const QUESTION = PROMPT[0]?.content;

// The user voted m1 up and m2 down, then, asked side by side, chose m2; on another prompt they kept m4 over
// m3 and then said m3 and m4 were about the same when asked.
const events = [
  rating("up", { at: 1, messageId: "m1", content: "Sydney." }),
  rating("down", { at: 2, messageId: "m2", content: "Canberra." }),
  preference({ at: 3 }),
  preference({
    at: 4,
    messageId: "m4",
    rejectedMessageId: "m3",
    source: "kept",
    strength: "slight",
    chosen: "Darwin.",
    rejected: "Perth.",
    sessionId: "s2",
  }),
  preference({
    at: 5,
    messageId: "m3",
    rejectedMessageId: "m4",
    strength: "tie",
    chosen: "Perth.",
    rejected: "Darwin.",
    sessionId: "s2",
  }),
];

describe("react-feedback-loop export with preferences", () => {
  it("writes one TRL pair per pair of answers, the compare choice over the votes, and no pair for a tie", async () => {
    const { code, rows, stderr } = await runExport(["--format", "trl"], events);
    expect(code).toBe(0);
    expect(rows).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
    expect(stderr).toMatch(/^export: 5 lines, 5 events, 1 pairs? written; skipped: 1 ties between two answers\n$/);
  });

  it("writes the same decision in the conversational and preferred-output formats", async () => {
    const conversational = await runExport(["--format", "trl-conversational"], events);
    expect(conversational.rows).toEqual([
      {
        prompt: PROMPT,
        chosen: [{ role: "assistant", content: "Canberra." }],
        rejected: [{ role: "assistant", content: "Sydney." }],
      },
    ]);
    const preferred = await runExport(["--format", "preferred-output"], events);
    expect(preferred.rows).toEqual([
      {
        input: { messages: PROMPT },
        preferred_output: [{ role: "assistant", content: "Canberra." }],
        non_preferred_output: [{ role: "assistant", content: "Sydney." }],
      },
    ]);
  });

  it("writes KTO rows: the chosen answer desirable, the other undesirable, nothing for the tie", async () => {
    const { code, rows } = await runExport(["--format", "kto"], events);
    expect(code).toBe(0);
    expect(rows).toEqual([
      { prompt: QUESTION, completion: "Canberra.", label: true },
      { prompt: QUESTION, completion: "Sydney.", label: false },
    ]);
  });

  it("gives the same pairs under a tight --max-open when each prompt's events come together", async () => {
    const many = Array.from({ length: 40 }, (_, n) =>
      preference({
        at: n,
        messageId: `b${n}`,
        rejectedMessageId: `a${n}`,
        prompt: [{ role: "user", content: `Question ${n}` }],
        chosen: `Good ${n}`,
        rejected: `Bad ${n}`,
      }),
    );
    const bounded = await runExport(["--format", "trl", "--max-open", "2"], many);
    const exact = await runExport(["--format", "trl", "--max-open", "Infinity"], many);
    expect(bounded.rows).toHaveLength(40);
    expect(new Set(bounded.rows.map((row) => JSON.stringify(row)))).toEqual(
      new Set(exact.rows.map((row) => JSON.stringify(row))),
    );
    expect(bounded.stderr).not.toContain("late");
  });
});
