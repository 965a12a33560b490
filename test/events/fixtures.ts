import type { EmitInput } from "../../src/events/createEvent";

/** One emit input per event type, as an app or a widget would pass them. */
export const inputsByType: Record<string, EmitInput> = {
  rating: {
    type: "rating",
    value: "down",
    previous: "up",
    reasons: ["hallucination", "format"],
    comment: "Wrong year.",
  },
  copy: { type: "copy", source: "selection", chars: 12, fraction: 0.25, text: "Paris, 1889." },
  regenerate: { type: "regenerate", attempt: 2, previousContent: "The tower opened in 1887." },
  edit: {
    type: "edit",
    draft: "The tower opened in 1887.",
    final: "The tower opened in 1889.",
    diff: [
      [0, "The tower opened in "],
      [-1, "1887"],
      [1, "1889"],
      [0, "."],
    ],
    stats: {
      wordsAdded: 1,
      wordsRemoved: 1,
      wordsKept: 4,
      editRate: 0.4,
      similarity: 0.8,
      charsAdded: 4,
      charsRemoved: 4,
    },
    durationMs: 5400,
    accepted: false,
  },
  abandon: { type: "abandon", dwellMs: 12_000, cause: "hidden" },
  preference: {
    type: "preference",
    rejectedMessageId: "msg-41",
    rejectedTraceId: "0af7651916cd43dd8448eb211c80319c",
    rejectedSpanId: "b7ad6b7169203331",
    strength: "clear",
    source: "compare",
    chosen: "The Eiffel Tower opened in 1889.",
    rejected: "The Eiffel Tower opened in 1887.",
  },
  custom: { type: "custom", name: "shared", value: { channel: "email", count: 1 } },
};

/** The scope of a typical assistant message: ids, trace, content and prompt. */
export const messageScope = {
  messageId: "msg-42",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  content: "The Eiffel Tower opened in 1889.",
  prompt: [{ role: "user", content: "When did the Eiffel Tower open?" }],
  metadata: { model: "gpt-x", promptVersion: 3 },
};
