// Preference events in the exports: each pair of answers is decided once, by the strongest signal about the two.
import { describe, expect, it } from "vitest";
import { toKto, toPreferencePairs } from "../../src/datasets";
import { PROMPT, preference, rating, regenerate, streamOf } from "./fixtureEvents";

const QUESTION = PROMPT[0]?.content;
const trl = (events: unknown[]) => [...toPreferencePairs(events as never[], { format: "trl" })];
const labels = (events: unknown[]) =>
  [...toKto(events as never[])].map((row) => [row.completion, row.label] as [unknown, boolean]);

describe("a preference becomes a pair in every pair format", () => {
  const choice = preference({ at: 5 });

  it("TRL standard: the chosen answer over the other, for the event's prompt", () => {
    expect(trl([choice])).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
  });

  it("TRL conversational", () => {
    expect([...toPreferencePairs([choice], { format: "trl-conversational" })]).toEqual([
      {
        prompt: PROMPT,
        chosen: [{ role: "assistant", content: "Canberra." }],
        rejected: [{ role: "assistant", content: "Sydney." }],
      },
    ]);
  });

  it("preferred-output (Azure OpenAI, Together, Fireworks)", () => {
    expect([...toPreferencePairs([choice], { format: "preferred-output" })]).toEqual([
      {
        input: { messages: PROMPT },
        preferred_output: [{ role: "assistant", content: "Canberra." }],
        non_preferred_output: [{ role: "assistant", content: "Sydney." }],
      },
    ]);
  });

  it("a kept version makes a pair too, and a pair without a prompt is skipped and counted", () => {
    expect(trl([preference({ source: "kept", strength: "slight" })])).toHaveLength(1);
    const promptless = toPreferencePairs([preference({ prompt: null })], { format: "trl" });
    expect([...promptless]).toEqual([]);
    expect(promptless.report.withoutPrompt).toBe(1);
  });

  it("takes a missing text from a rating or regenerate of the same answer, else counts it", () => {
    const events = [
      regenerate({ at: 1, messageId: "m1", previousContent: "Perth." }),
      rating("up", { at: 2, messageId: "m2", content: "Darwin." }),
      preference({ at: 3, chosen: null, rejected: null }),
    ];
    expect(trl(events)).toEqual([{ prompt: QUESTION, chosen: "Darwin.", rejected: "Perth." }]);
    const unknown = toPreferencePairs([preference({ chosen: null })], { format: "trl" });
    expect([...unknown]).toEqual([]);
    expect(unknown.report.withoutText).toBe(1);
  });
});

describe("a tie makes no pair and no KTO rows", () => {
  it("writes nothing and counts the tie", () => {
    const tie = preference({ strength: "tie" });
    const pairs = toPreferencePairs([tie], { format: "trl" });
    expect([...pairs]).toEqual([]);
    expect(pairs.report).toMatchObject({ ties: 1, rows: 0 });
    const kto = toKto([tie]);
    expect([...kto]).toEqual([]);
    expect(kto.report.ties).toBe(1);
  });

  it("asked side by side, it outranks the votes on those two answers: no pair from them either", () => {
    const events = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra." }),
      preference({ at: 3, strength: "tie" }),
    ];
    expect(trl(events)).toEqual([]);
  });

  it("says nothing about either answer on its own: their votes still make KTO rows", () => {
    const events = [
      rating("up", { at: 1, messageId: "m2", content: "Canberra." }),
      preference({ at: 3, strength: "tie" }),
    ];
    expect(labels(events)).toEqual([["Canberra.", true]]);
  });
});

describe("a compare choice outranks a kept one and a vote for the same two answers", () => {
  it("over a later kept choice the other way: one pair, the compare one", () => {
    const events = [
      preference({ at: 1, source: "compare" }),
      preference({
        at: 9,
        source: "kept",
        strength: "slight",
        messageId: "m1",
        rejectedMessageId: "m2",
        chosen: "Sydney.",
        rejected: "Canberra.",
      }),
    ];
    expect(trl(events)).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
    expect(trl([...events].reverse())).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
  });

  it("over votes that say the opposite: one pair, the compare one", () => {
    const events = [
      rating("up", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("down", { at: 2, messageId: "m2", content: "Canberra." }),
      preference({ at: 3 }),
    ];
    expect(trl(events)).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
  });

  it("over votes that agree: still one pair, not two", () => {
    const events = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra." }),
      preference({ at: 3 }),
    ];
    expect(trl(events)).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
  });

  it("a kept choice outranks votes and regenerates in turn", () => {
    const events = [
      regenerate({ at: 1, messageId: "m2", previousContent: "Canberra." }),
      rating("up", { at: 2, messageId: "m1", content: "Sydney." }),
      preference({ at: 3, source: "kept", strength: "slight" }),
    ];
    expect(trl(events)).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." }]);
  });

  it("leaves the votes about other answers alone", () => {
    const events = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra." }),
      rating("down", { at: 3, messageId: "m3", content: "Perth." }),
      preference({ at: 4, strength: "tie" }),
    ];
    expect(trl(events)).toEqual([{ prompt: QUESTION, chosen: "Canberra.", rejected: "Perth." }]);
  });
});

describe("within one source, the latest choice for the pair wins", () => {
  it("a changed mind replaces the earlier choice (same feedbackKey), whatever the line order", () => {
    const first = preference({ at: 1 });
    const changed = preference({
      at: 2,
      messageId: "m1",
      rejectedMessageId: "m2",
      chosen: "Sydney.",
      rejected: "Canberra.",
    });
    expect(changed.feedbackKey).toBe(first.feedbackKey);
    const expected = [{ prompt: QUESTION, chosen: "Sydney.", rejected: "Canberra." }];
    expect(trl([first, changed])).toEqual(expected);
    expect(trl([changed, first])).toEqual(expected);
    expect(labels([first, changed])).toEqual([
      ["Sydney.", true],
      ["Canberra.", false],
    ]);
  });

  it("a later tie takes a choice back", () => {
    expect(trl([preference({ at: 1 }), preference({ at: 2, strength: "tie" })])).toEqual([]);
  });
});

describe("KTO rows from preferences", () => {
  it("the chosen answer is desirable and the other undesirable", () => {
    expect(labels([preference()])).toEqual([
      ["Canberra.", true],
      ["Sydney.", false],
    ]);
  });

  it("labels each answer once, by the strongest signal about it", () => {
    const events = [
      rating("up", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("down", { at: 2, messageId: "m3", content: "Perth." }),
      preference({ at: 3 }),
    ];
    // m1 was voted up, but the user chose m2 over it side by side; m3 keeps its vote.
    expect(labels(events)).toEqual([
      ["Canberra.", true],
      ["Sydney.", false],
      ["Perth.", false],
    ]);
  });

  it("reads a stream and holds at most maxOpen prompts; a choice after its prompt settled is late", async () => {
    const other = [{ role: "user", content: "And of Canada?" }];
    const events = [
      preference({ at: 1 }),
      rating("up", { at: 2, messageId: "m9", content: "Ottawa.", prompt: other }),
      preference({ at: 3, strength: "tie" }),
    ];
    const kto = toKto(streamOf(events), { maxOpen: 1 });
    const rows = [];
    for await (const row of kto) rows.push(row);
    expect(rows.map((row) => row.completion)).toEqual(["Canberra.", "Sydney.", "Ottawa."]);
    expect(kto.report).toMatchObject({ late: 1, ties: 0 });
  });
});
