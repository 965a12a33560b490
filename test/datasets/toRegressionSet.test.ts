import { describe, expect, it } from "vitest";
import { toRegressionSet } from "../../src/datasets";
import { PROMPT, rating, regenerate } from "./fixtureEvents";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("toRegressionSet", () => {
  it("writes one case per down-voted answer with its reasons, comment and trace", () => {
    const events = [
      rating("down", {
        content: "Sydney.",
        reasons: ["hallucination"],
        comment: "It is Canberra",
        traceId: TRACE,
        spanId: SPAN,
      }),
    ];
    expect([...toRegressionSet(events)]).toEqual([
      {
        prompt: PROMPT,
        badOutput: "Sydney.",
        reasons: ["hallucination"],
        comment: "It is Canberra",
        traceId: TRACE,
        spanId: SPAN,
        messageId: "m1",
        signal: "down",
      },
    ]);
  });

  it("writes a case per regenerated answer, with null for what the events did not say", () => {
    expect([...toRegressionSet([regenerate({ previousContent: "Perth." })])]).toEqual([
      {
        prompt: PROMPT,
        badOutput: "Perth.",
        reasons: [],
        comment: null,
        traceId: null,
        spanId: null,
        messageId: "m1",
        signal: "regenerate",
      },
    ]);
  });

  it("writes one case for an answer both voted down and replaced", () => {
    const events = [
      rating("down", { at: 1, content: "Sydney.", reasons: ["hallucination"] }),
      regenerate({ at: 2, previousContent: "Sydney." }),
    ];
    expect([...toRegressionSet(events)].map((c) => [c.badOutput, c.signal])).toEqual([["Sydney.", "down"]]);
  });

  it("leaves out an answer voted up, even when the user then asked for another", () => {
    const events = [rating("up", { at: 1, content: "Canberra." }), regenerate({ at: 2, previousContent: "Canberra." })];
    expect([...toRegressionSet(events)]).toEqual([]);
  });

  it("skips and counts a case without a prompt: it cannot be run again", () => {
    const cases = toRegressionSet([rating("down", { prompt: null, content: "Sydney." })]);
    expect([...cases]).toEqual([]);
    expect(cases.report.withoutPrompt).toBe(1);
  });
});
