import { cutText, MAX_TEXT_BYTES, truncateEvent } from "../../src/events/limits";
import type { RatingEvent } from "../../src/events/types";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("text limits", () => {
  it("leaves short text alone and cuts long text at the byte limit", () => {
    expect(cutText("hello", 10)).toBe("hello");
    expect(cutText("a".repeat(40_000))).toHaveLength(MAX_TEXT_BYTES);
  });

  it("never splits a character", () => {
    const text = "é😀中".repeat(5000);
    const cut = cutText(text, 1001);
    expect(bytes(cut)).toBeLessThanOrEqual(1001);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut).not.toContain("\uFFFD");
  });

  it("cuts every text field of an event and marks it truncated", () => {
    const long = "x".repeat(MAX_TEXT_BYTES + 10);
    const event: RatingEvent = {
      id: "0190e7b0-0000-7000-8000-000000000000",
      v: 1,
      type: "rating",
      ts: "2026-01-01T00:00:00.000Z",
      messageId: "m",
      feedbackKey: "m:rating",
      value: "down",
      previous: null,
      comment: long,
      content: long,
      prompt: [{ role: "user", content: long }],
    };
    const cut = truncateEvent(event);
    expect(cut.truncated).toBe(true);
    expect(cut.comment).toHaveLength(MAX_TEXT_BYTES);
    expect(cut.content).toHaveLength(MAX_TEXT_BYTES);
    expect(cut.prompt?.[0]?.content).toHaveLength(MAX_TEXT_BYTES);
    expect(event.comment).toHaveLength(MAX_TEXT_BYTES + 10);
    const short = { ...event, comment: "ok", content: "ok", prompt: [] };
    expect(truncateEvent(short)).toBe(short);
  });
});
