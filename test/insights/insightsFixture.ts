// A small, hand-countable day of feedback for the insights tests and stories: every figure the dashboard shows
// can be counted from this list by eye (the expected values in summarize.test.ts are counted that way).

import type { FeedbackEvent, JsonObject } from "../../src/events/types";
import { uuidv7 } from "../../src/events/uuid";

type Payload = { [key: string]: unknown; type: FeedbackEvent["type"] };

let clock = Date.parse("2026-12-01T09:00:00.000Z");

function at(day: 1 | 2, messageId: string, model: string | null, payload: Payload): FeedbackEvent {
  clock += 60_000;
  const time = Date.parse(`2026-12-0${day}T09:00:00.000Z`) + (clock % 86_400_000);
  const id = uuidv7(time);
  const metadata: JsonObject | undefined = model === null ? undefined : { model };
  return {
    id,
    v: 1,
    ts: new Date(time).toISOString(),
    messageId,
    feedbackKey: payload.type === "rating" ? `${messageId}:rating` : id,
    traceId: `${messageId.replace(/\D/g, "").padStart(2, "0")}${"a".repeat(30)}`,
    app: "support-bot",
    content: `Answer ${messageId}`,
    ...(metadata ? { metadata } : {}),
    ...payload,
  } as FeedbackEvent;
}

const stats = (similarity: number, changed: number) => ({
  wordsAdded: changed / 2,
  wordsRemoved: changed / 2,
  wordsKept: 10,
  editRate: changed / 10,
  similarity,
  charsAdded: changed * 3,
  charsRemoved: changed * 3,
});

/** Nine answers over two days, two models: see the comment at the top of the file. */
export function insightsFixture(): FeedbackEvent[] {
  clock = Date.parse("2026-12-01T09:00:00.000Z");
  return [
    // 2026-12-01
    at(1, "m1", "model-a", { type: "rating", value: "up", previous: null }),
    at(1, "m1", "model-a", { type: "copy", source: "button", chars: 9, fraction: 1 }),
    at(1, "m2", "model-a", { type: "rating", value: "down", previous: null }),
    at(1, "m2", "model-a", {
      type: "rating",
      value: "down",
      previous: "down",
      reasons: ["hallucination"],
      comment: "Invented a <b>flag</b>",
    }),
    at(1, "m3", "model-b", { type: "rating", value: "up", previous: null }),
    at(1, "m3", "model-b", { type: "rating", value: "down", previous: "up" }),
    at(1, "m3", "model-b", { type: "rating", value: "down", previous: "down", reasons: ["format"] }),
    at(1, "m4", "model-b", { type: "regenerate", attempt: 1 }),
    at(1, "m4", "model-b", { type: "regenerate", attempt: 2 }),
    at(1, "m4", "model-b", { type: "regenerate", attempt: 3 }),
    // 2026-12-02
    at(2, "m5", "model-a", {
      type: "edit",
      draft: "Fine as it is",
      final: "Fine as it is",
      diff: [[0, "Fine as it is"]],
      stats: stats(1, 0),
      durationMs: 1200,
      accepted: true,
    }),
    at(2, "m6", "model-b", {
      type: "edit",
      draft: "The old answer",
      final: "A rewritten answer",
      diff: [
        [-1, "The old"],
        [1, "A rewritten"],
        [0, " answer"],
      ],
      stats: stats(0.2, 12),
      durationMs: 30_000,
      accepted: false,
    }),
    at(2, "m7", "model-a", { type: "abandon", dwellMs: 4500, cause: "hidden" }),
    at(2, "m8", "model-b", { type: "rating", value: "up", previous: null }),
    at(2, "m8", "model-b", { type: "rating", value: null, previous: "up" }),
    at(2, "m9", null, { type: "copy", source: "code", chars: 30, fraction: 0.3 }),
    at(2, "m9", null, { type: "copy", source: "selection", chars: 12, fraction: 0.12 }),
  ];
}

function choice(
  day: 1 | 2,
  chosen: string,
  rejected: string,
  source: "compare" | "kept",
  strength: "clear" | "slight" | "tie",
): FeedbackEvent {
  return at(day, chosen, "model-a", {
    type: "preference",
    feedbackKey: `${[chosen, rejected].sort().join("|")}:preference`,
    rejectedMessageId: rejected,
    source,
    strength,
  });
}

/**
 * Four choices between two answers, to add to `insightsFixture()`: on the first day m10 over m11 asked side by
 * side, then the same pair changed to m11 (both counted: they are two choices); on the second day m12 and m13
 * "about the same", and m14 kept over m15.
 */
export function preferenceFixture(): FeedbackEvent[] {
  return [
    choice(1, "m10", "m11", "compare", "clear"),
    choice(1, "m11", "m10", "compare", "clear"),
    choice(2, "m12", "m13", "compare", "tie"),
    choice(2, "m14", "m15", "kept", "slight"),
  ];
}
