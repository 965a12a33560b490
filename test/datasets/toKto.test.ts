import { describe, expect, it } from "vitest";
import { toKto } from "../../src/datasets";
import { PROMPT, rating, regenerate, streamOf } from "./fixtureEvents";

describe("toKto", () => {
  const events = [
    rating("up", { at: 1, messageId: "m1", content: "Canberra." }),
    rating("down", {
      at: 2,
      messageId: "m2",
      content: "Sydney.",
      prompt: [{ role: "user", content: "Largest city?" }],
    }),
    regenerate({ at: 3, messageId: "m3", previousContent: "Perth." }),
  ];

  it("writes one row per vote, label true for up and false for down; regenerates are no votes", () => {
    expect([...toKto(events)]).toEqual([
      { prompt: PROMPT[0]?.content, completion: "Canberra.", label: true },
      { prompt: "Largest city?", completion: "Sydney.", label: false },
    ]);
  });

  it("writes message lists in the conversational format", () => {
    const [row] = [...toKto(events, { format: "trl-conversational" })];
    expect(row).toEqual({ prompt: PROMPT, completion: [{ role: "assistant", content: "Canberra." }], label: true });
  });

  it("skips and counts votes without a prompt or without the answer's text", async () => {
    const kto = toKto(
      streamOf([rating("up", { prompt: null, content: "Canberra." }), rating("down", { messageId: "m2" })]),
    );
    const rows = [];
    for await (const row of kto) rows.push(row);
    expect(rows).toEqual([]);
    expect(kto.report).toMatchObject({ withoutPrompt: 1, withoutText: 1, rows: 0 });
  });
});
