// The rules every dataset follows, each shown on a fixture small enough to check by eye.
import { describe, expect, it } from "vitest";
import { bucketByErrorMode, toKto, toPreferencePairs, toRegressionSet } from "../../src/datasets";
import { edit, PROMPT, rating } from "./fixtureEvents";

describe("the latest rating per feedbackKey wins", () => {
  it("by ts, whatever order the lines come in", () => {
    const laterDown = rating("down", { at: 20, content: "Sydney.", reasons: ["hallucination"] });
    const earlierUp = rating("up", { at: 10, content: "Sydney." });
    const kto = toKto([laterDown, earlierUp]);
    expect([...kto]).toEqual([{ prompt: PROMPT[0]?.content, completion: "Sydney.", label: false }]);
  });

  it("by id when two ratings share a ts (UUID v7 ids sort by creation)", () => {
    const first = rating("up", { at: 10, content: "Canberra." });
    const second = rating("down", { at: 10, content: "Canberra." });
    expect(second.id > first.id).toBe(true);
    expect([...toKto([second, first])].map((row) => row.label)).toEqual([false]);
    expect([...toKto([first, second])].map((row) => row.label)).toEqual([false]);
  });

  it("keeps the reasons of the follow-up form, which is the later rating", () => {
    const click = rating("down", { at: 1, content: "Sydney." });
    const form = rating("down", { at: 5, content: "Sydney.", reasons: ["hallucination"], comment: "It is Canberra" });
    const [testCase] = [...toRegressionSet([click, form])];
    expect(testCase).toMatchObject({ reasons: ["hallucination"], comment: "It is Canberra" });
  });
});

describe("a withdrawn vote counts as none", () => {
  it("counts a withdrawn vote, and an answer without its text, of a prompt with no other answer", () => {
    const withdrawn = toPreferencePairs([rating(null, { at: 2, content: "Canberra.", previous: "up" })], {
      format: "trl",
    });
    expect([...withdrawn]).toEqual([]);
    expect(withdrawn.report).toMatchObject({ withdrawn: 1, withoutText: 0, rows: 0 });
    const untold = toPreferencePairs([rating("up", { at: 1 })], { format: "trl" });
    expect([...untold]).toEqual([]);
    expect(untold.report).toMatchObject({ withdrawn: 0, withoutText: 1, rows: 0 });
  });

  it("writes no row for a vote taken back, and counts it", () => {
    const up = rating("up", { at: 1, content: "Canberra." });
    const withdrawn = rating(null, { at: 2, content: "Canberra.", previous: "up" });
    const kto = toKto([up, withdrawn]);
    expect([...kto]).toEqual([]);
    expect(kto.report.withdrawn).toBe(1);
    expect(bucketByErrorMode([rating("down", { at: 1, reasons: ["format"] }), rating(null, { at: 2 })]).negative).toBe(
      0,
    );
  });
});

describe("the same event id twice counts once", () => {
  it("writes one pair for an edit delivered twice, and counts the duplicate", () => {
    const once = edit("Sydney is the capital.", "Canberra is the capital.");
    const pairs = toPreferencePairs([once, { ...once }], { format: "trl" });
    expect([...pairs]).toHaveLength(1);
    expect(pairs.report).toMatchObject({ events: 2, duplicates: 1, rows: 1 });
  });

  it("counts a retried down vote once in the buckets", () => {
    const vote = rating("down", { reasons: ["length"] });
    const { buckets, report } = bucketByErrorMode([vote, vote, vote]);
    expect(buckets).toEqual([expect.objectContaining({ reason: "length", count: 1 })]);
    expect(report.duplicates).toBe(2);
  });
});

describe("an unchanged edit makes no pair", () => {
  it("skips accepted: true and counts it", () => {
    const pairs = toPreferencePairs([edit("Canberra.", "Canberra.")], { format: "trl" });
    expect([...pairs]).toEqual([]);
    expect(pairs.report.unchanged).toBe(1);
  });
});

describe("a pair without a prompt", () => {
  const promptless = edit("Sydney.", "Canberra.", { prompt: null });

  it("is skipped and counted", () => {
    const pairs = toPreferencePairs([promptless], { format: "trl" });
    expect([...pairs]).toEqual([]);
    expect(pairs.report.withoutPrompt).toBe(1);
  });

  it("is written in implicit-prompt form when asked, like every other pair of that file", () => {
    const withPrompt = edit("Sydney.", "Canberra.");
    const pairs = toPreferencePairs([promptless, withPrompt], { format: "trl", implicitPrompt: true });
    expect([...pairs]).toEqual([
      { chosen: "Canberra.", rejected: "Sydney." },
      { chosen: `${PROMPT[0]?.content}\n\nCanberra.`, rejected: `${PROMPT[0]?.content}\n\nSydney.` },
    ]);
    expect(pairs.report.withoutPrompt).toBe(0);
  });
});

describe("an invalid event", () => {
  it("is skipped and counted, and the rest goes on", () => {
    const pairs = toPreferencePairs([{ type: "edit" } as never, edit("Sydney.", "Canberra.")], { format: "trl" });
    expect([...pairs]).toHaveLength(1);
    expect(pairs.report).toMatchObject({ events: 2, invalid: 1, rows: 1 });
  });
});
