// Answer groups are looked up by samePromptHash and confirmed by isSamePrompt: both must agree with samePromptKey.
import { describe, expect, it } from "vitest";
import { isSamePrompt, samePromptHash, samePromptKey } from "../../src/datasets/samePrompt";
import { stringHash } from "../../src/datasets/stringHash";
import { rating } from "./fixtureEvents";

const events = [
  rating("up"),
  rating("up", { messageId: "m2" }),
  rating("up", { sessionId: "s2" }),
  rating("up", { prompt: null }),
  rating("up", { prompt: null, messageId: "m2" }),
  rating("up", { prompt: [] }),
  rating("up", { prompt: [{ role: "user", content: "Other question?" }] }),
  rating("up", { prompt: [{ role: "system", content: "What is the capital of Australia?" }] }),
  rating("up", {
    prompt: [
      { role: "user", content: "What is the capital" },
      { role: "user", content: " of Australia?" },
    ],
  }),
  { ...rating("up"), sessionId: undefined },
];

describe("samePromptHash and isSamePrompt", () => {
  it("hash the key samePromptKey builds, without building it", () => {
    for (const event of events) expect(samePromptHash(event)).toBe(stringHash(samePromptKey(event)));
  });

  it("say two events are about the same prompt exactly when their keys are equal", () => {
    for (const a of events) {
      for (const b of events) expect(isSamePrompt(a, b)).toBe(samePromptKey(a) === samePromptKey(b));
    }
  });
});
