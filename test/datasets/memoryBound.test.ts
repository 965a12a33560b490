// The memory bound: with `maxOpen`, at most that many prompts are held; results stay exact while each answer's
// events are that close together, and an event that comes after its answer was settled is counted, not written.
import { describe, expect, it } from "vitest";
import { toKto } from "../../src/datasets";
import { rating } from "./fixtureEvents";

const question = (n: number) => [{ role: "user", content: `Question ${n}` }];

describe("maxOpen", () => {
  it("gives the exact result when each answer's votes are close together", () => {
    const events = [1, 2, 3, 4].flatMap((n) => [
      rating("up", { at: n, messageId: `m${n}`, prompt: question(n), content: `A${n}` }),
      rating("down", { at: n + 0.5, messageId: `m${n}`, prompt: question(n), content: `A${n}` }),
    ]);
    const kto = toKto(events, { maxOpen: 1 });
    expect([...kto].map((row) => row.label)).toEqual([false, false, false, false]);
    expect(kto.report.late).toBe(0);
  });

  it("counts a vote that arrives after its answer was settled as late instead of writing it twice", () => {
    const events = [
      rating("up", { at: 1, messageId: "m1", prompt: question(1), content: "A1" }),
      rating("up", { at: 2, messageId: "m2", prompt: question(2), content: "A2" }),
      rating("down", { at: 3, messageId: "m1", prompt: question(1), content: "A1" }),
    ];
    const bounded = toKto(events, { maxOpen: 1 });
    expect([...bounded].map((row) => [row.completion, row.label])).toEqual([
      ["A1", true],
      ["A2", true],
    ]);
    expect(bounded.report.late).toBe(1);
    const exact = toKto(events, { maxOpen: Number.POSITIVE_INFINITY });
    // Prompts settle least recently touched first: m1 got the last vote.
    expect([...exact].map((row) => [row.completion, row.label])).toEqual([
      ["A2", true],
      ["A1", false],
    ]);
  });
});
