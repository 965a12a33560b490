import { createFeedbackClient, type FeedbackEvent, memorySink, validateEvent } from "../../src";

async function emitted(inputs: Parameters<ReturnType<typeof createFeedbackClient>["emit"]>[0][]) {
  const sink = memorySink();
  const client = createFeedbackClient({ sink });
  for (const input of inputs) client.emit(input);
  await client.flush();
  return [...sink.events] as FeedbackEvent[];
}

describe("the preference event", () => {
  it("keys a choice by the two answers, sorted, so a changed choice replaces the earlier one", async () => {
    const [first, changed] = await emitted([
      {
        type: "preference",
        messageId: "answer-b",
        rejectedMessageId: "answer-a",
        strength: "clear",
        source: "compare",
      },
      { type: "preference", messageId: "answer-a", rejectedMessageId: "answer-b", strength: "slight", source: "kept" },
    ]);
    expect(first?.feedbackKey).toBe("answer-a|answer-b:preference");
    expect(changed?.feedbackKey).toBe(first?.feedbackKey);
    expect(first?.id).not.toBe(changed?.id);
  });

  it("is refused without the other answer, or with a strength or source outside its set", () => {
    const valid = {
      id: "01936f3e-8a4c-7b2d-9e1f-0a1b2c3d4e5f",
      v: 1,
      type: "preference",
      ts: "2026-12-06T10:00:00.000Z",
      messageId: "answer-b",
      feedbackKey: "answer-a|answer-b:preference",
      rejectedMessageId: "answer-a",
      strength: "tie",
      source: "compare",
    };
    expect(validateEvent(valid)).toBeUndefined();
    expect(validateEvent({ ...valid, rejectedMessageId: "" })?.field).toBe("rejectedMessageId");
    expect(validateEvent({ ...valid, rejectedMessageId: undefined })?.field).toBe("rejectedMessageId");
    expect(validateEvent({ ...valid, rejectedMessageId: "answer-b" })?.message).toBe(
      "rejectedMessageId must name another answer than messageId",
    );
    expect(validateEvent({ ...valid, strength: "strong" })?.field).toBe("strength");
    expect(validateEvent({ ...valid, source: "vote" })?.field).toBe("source");
  });

  it("cuts both answers' texts at the contract's limit, as every text field", async () => {
    const long = "é".repeat(20_000);
    const [event] = await emitted([
      {
        type: "preference",
        messageId: "answer-b",
        rejectedMessageId: "answer-a",
        strength: "clear",
        source: "compare",
        chosen: long,
        rejected: long,
      },
    ]);
    expect(event?.type).toBe("preference");
    if (event?.type !== "preference") return;
    expect(new TextEncoder().encode(event.chosen).length).toBeLessThanOrEqual(32 * 1024);
    expect(new TextEncoder().encode(event.rejected).length).toBeLessThanOrEqual(32 * 1024);
    expect(event.truncated).toBe(true);
  });
});
