import { createFeedbackClient, memorySink } from "../../src";
import { editEventInput } from "../../src/server";

function client() {
  const sink = memorySink();
  return { sink, client: createFeedbackClient({ sink }) };
}

describe("numbers an analyst can read", () => {
  it("rounds a copy's fraction to 4 decimals", () => {
    const { client: feedback } = client();
    const event = feedback.emit({ type: "copy", source: "selection", chars: 1, fraction: 1 / 3 }, { messageId: "m1" });
    expect(event?.fraction).toBe(0.3333);
  });

  it("makes an abandon's dwellMs an integer", () => {
    const { client: feedback } = client();
    const event = feedback.emit({ type: "abandon", dwellMs: 8500.6, cause: "hidden" }, { messageId: "m1" });
    expect(event?.dwellMs).toBe(8501);
  });

  it("makes an edit's durationMs an integer and rounds its similarity and editRate", async () => {
    const { sink, client: feedback } = client();
    const event = feedback.emit(editEventInput("one two three", "one two four five six seven", 4200.4, "m1"));
    expect(event?.durationMs).toBe(4200);
    expect(event?.stats.similarity).toBe(0.4444); // 2 × 2 kept / (3 + 6) words
    expect(event?.stats.editRate).toBe(0.8333); // (5 added + 1 removed) / 6 final words
    await feedback.flush();
    expect(sink.events[0]).toEqual(event);
  });

  it("rounds what an app emits itself, and keeps what needs no rounding", () => {
    const { client: feedback } = client();
    const stats = {
      wordsAdded: 1,
      wordsRemoved: 0,
      wordsKept: 2,
      editRate: 0.123456,
      similarity: 0.8,
      charsAdded: 3,
      charsRemoved: 0,
    };
    const event = feedback.emit(
      {
        type: "edit",
        draft: "a b",
        final: "a b c",
        diff: [
          [0, "a b"],
          [1, " c"],
        ],
        stats,
        durationMs: 99.5,
        accepted: false,
      },
      { messageId: "m1" },
    );
    expect(event?.stats).toEqual({ ...stats, editRate: 0.1235 });
    expect(event?.durationMs).toBe(100);
    expect(
      feedback.emit({ type: "copy", source: "button", chars: 4, fraction: 1 }, { messageId: "m1" })?.fraction,
    ).toBe(1);
  });
});
