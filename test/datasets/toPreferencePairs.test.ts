import { describe, expect, it } from "vitest";
import { toPreferencePairs } from "../../src/datasets";
import { FeedbackError } from "../../src/errors";
import { edit, PROMPT, rating, regenerate, streamOf } from "./fixtureEvents";

const QUESTION = PROMPT[0]?.content;

describe("toPreferencePairs from edits", () => {
  const fixed = edit("Sydney is the capital.", "Canberra is the capital.");

  it("writes TRL standard pairs: the user's final text over the model's draft", () => {
    expect([...toPreferencePairs([fixed], { format: "trl" })]).toEqual([
      { prompt: QUESTION, chosen: "Canberra is the capital.", rejected: "Sydney is the capital." },
    ]);
  });

  it("writes TRL conversational pairs", () => {
    expect([...toPreferencePairs([fixed], { format: "trl-conversational" })]).toEqual([
      {
        prompt: PROMPT,
        chosen: [{ role: "assistant", content: "Canberra is the capital." }],
        rejected: [{ role: "assistant", content: "Sydney is the capital." }],
      },
    ]);
  });

  it("writes TRL conversational pairs in implicit-prompt form", () => {
    expect([...toPreferencePairs([fixed], { format: "trl-conversational", implicitPrompt: true })]).toEqual([
      {
        chosen: [...PROMPT, { role: "assistant", content: "Canberra is the capital." }],
        rejected: [...PROMPT, { role: "assistant", content: "Sydney is the capital." }],
      },
    ]);
  });

  it("writes OpenAI preference fine-tuning lines", () => {
    expect([...toPreferencePairs([fixed], { format: "openai" })]).toEqual([
      {
        input: { messages: PROMPT },
        preferred_output: [{ role: "assistant", content: "Canberra is the capital." }],
        non_preferred_output: [{ role: "assistant", content: "Sydney is the capital." }],
      },
    ]);
  });

  it("flattens a conversation into role-labelled blocks for the standard format", () => {
    const prompt = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Capital of Australia?" },
    ];
    const [pair] = [...toPreferencePairs([edit("Sydney.", "Canberra.", { prompt })], { format: "trl" })];
    expect(pair).toEqual({
      prompt: "system: Be brief.\n\nuser: Capital of Australia?",
      chosen: "Canberra.",
      rejected: "Sydney.",
    });
  });

  it("refuses implicitPrompt with the OpenAI format, saying why", () => {
    expect(() => toPreferencePairs([], { format: "openai", implicitPrompt: true })).toThrow(FeedbackError);
    expect(() => toPreferencePairs([], { format: "openai", implicitPrompt: true })).toThrow(/needs the input messages/);
  });
});

describe("toPreferencePairs from regenerates and votes on the same prompt", () => {
  it("prefers the up-voted new answer over the one the user replaced", () => {
    const events = [
      regenerate({ at: 1, messageId: "m1", previousContent: "Sydney." }),
      rating("up", { at: 9, messageId: "m2", content: "Canberra." }),
    ];
    expect([...toPreferencePairs(events, { format: "trl" })]).toEqual([
      { prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." },
    ]);
  });

  it("prefers an up-voted answer over a down-voted one", () => {
    const events = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra." }),
    ];
    expect([...toPreferencePairs(events, { format: "trl" })]).toEqual([
      { prompt: QUESTION, chosen: "Canberra.", rejected: "Sydney." },
    ]);
  });

  it("pairs answers of one message id across regenerations (the app kept the id)", () => {
    const events = [
      regenerate({ at: 1, previousContent: "Sydney.", attempt: 1 }),
      regenerate({ at: 2, previousContent: "Melbourne.", attempt: 2 }),
      rating("up", { at: 3, content: "Canberra." }),
    ];
    expect(
      [...toPreferencePairs(events, { format: "trl" })].map((pair) => "rejected" in pair && pair.rejected),
    ).toEqual(["Sydney.", "Melbourne."]);
  });

  it("does not reject an answer the user voted up before asking for another", () => {
    const events = [
      rating("up", { at: 1, messageId: "m1", content: "Canberra." }),
      regenerate({ at: 2, messageId: "m1", previousContent: "Canberra." }),
    ];
    expect([...toPreferencePairs(events, { format: "trl" })]).toEqual([]);
  });

  it("needs the same session and identical prompt messages", () => {
    const otherSession = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney.", sessionId: "s1" }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra.", sessionId: "s2" }),
    ];
    const otherWording = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra.", prompt: [{ role: "user", content: "Capital?" }] }),
    ];
    expect([...toPreferencePairs(otherSession, { format: "trl" })]).toEqual([]);
    expect([...toPreferencePairs(otherWording, { format: "trl" })]).toEqual([]);
  });

  it("reads an async stream and reports when it ends", async () => {
    const events = [
      rating("down", { at: 1, messageId: "m1", content: "Sydney." }),
      rating("up", { at: 2, messageId: "m2", content: "Canberra." }),
      edit("Sydney.", "Canberra."),
    ];
    const pairs = toPreferencePairs(streamOf(events), { format: "trl" });
    const rows = [];
    for await (const pair of pairs) rows.push(pair);
    expect(rows).toHaveLength(2);
    expect(pairs.report).toMatchObject({ events: 3, rows: 2, duplicates: 0, invalid: 0 });
  });
});
