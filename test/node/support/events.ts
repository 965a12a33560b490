import { createEvent, type EmitInput, type EnvelopeFields } from "../../../src/events/createEvent";
import type { FeedbackEvent } from "../../../src/events/types";

export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
export const SPAN_ID = "00f067aa0ba902b7";
export const RUN_ID = "0b7a3c1e-5d2f-4f6a-9b8c-1d2e3f4a5b6c";
/** The ids of the other answer of a preference. */
export const REJECTED_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
export const REJECTED_SPAN_ID = "b7ad6b7169203331";
export const REJECTED_RUN_ID = "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

const envelope: EnvelopeFields = {
  messageId: "msg-1",
  traceId: TRACE_ID,
  spanId: SPAN_ID,
  runId: RUN_ID,
  sessionId: "session-1",
  userId: "user-7",
  app: "support-bot",
  environment: "Production EU",
  ts: "2026-11-24T09:00:00.123Z",
  metadata: { model: "gpt-x", promptVersion: 3 },
};

/** One event of `input`'s type with a full envelope (trace, span, run, session, user); `undefined` removes one. */
export function event(input: EmitInput, overrides: EnvelopeFields = {}): FeedbackEvent {
  const made = createEvent(input, envelope, overrides) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete made[key];
  return made as unknown as FeedbackEvent;
}

/** One event of every type and shape the sinks map differently. */
export function everyKind(overrides: EnvelopeFields = {}): FeedbackEvent[] {
  return [
    event({ type: "rating", value: "up", previous: null }, overrides),
    event(
      { type: "rating", value: "down", previous: "up", reasons: ["hallucination", "format"], comment: "Made up a URL" },
      overrides,
    ),
    event({ type: "rating", value: null, previous: "down" }, overrides),
    event({ type: "copy", source: "code", chars: 120, fraction: 0.4 }, overrides),
    event({ type: "regenerate", attempt: 2, previousContent: "old answer" }, overrides),
    event(
      {
        type: "edit",
        draft: "Hello wrld",
        final: "Hello world",
        diff: [
          [0, "Hello "],
          [-1, "wrld"],
          [1, "world"],
        ],
        stats: {
          wordsAdded: 1,
          wordsRemoved: 1,
          wordsKept: 1,
          editRate: 1,
          similarity: 0.5,
          charsAdded: 5,
          charsRemoved: 4,
        },
        durationMs: 4200,
        accepted: false,
      },
      overrides,
    ),
    event({ type: "abandon", dwellMs: 8500, cause: "hidden" }, overrides),
    event({ type: "custom", name: "stars", value: 4 }, overrides),
    event({ type: "custom", name: "shared", value: true }, overrides),
    event({ type: "custom", name: "tone", value: "too formal" }, overrides),
    event({ type: "custom", name: "note", value: { a: [1, 2] } }, overrides),
    event({ type: "custom", name: "opened-sources" }, overrides),
    preference({ strength: "clear", source: "compare" }, overrides),
    preference({ strength: "tie", source: "compare" }, overrides),
  ];
}

/**
 * A preference of "msg-1" (the envelope's answer) over "msg-0", whose trace, span and run are the `REJECTED_*`
 * ids; an override that removes the envelope's trace, span or run removes the other answer's too.
 */
export function preference(
  choice: { strength: "clear" | "slight" | "tie"; source: "compare" | "kept" },
  overrides: EnvelopeFields = {},
): FeedbackEvent {
  const removed = (field: keyof EnvelopeFields) => field in overrides && overrides[field] === undefined;
  return event(
    {
      type: "preference",
      rejectedMessageId: "msg-0",
      ...(removed("traceId") ? {} : { rejectedTraceId: REJECTED_TRACE_ID }),
      ...(removed("spanId") ? {} : { rejectedSpanId: REJECTED_SPAN_ID }),
      ...(removed("runId") ? {} : { rejectedRunId: REJECTED_RUN_ID }),
      ...choice,
      chosen: "Canberra.",
      rejected: "Sydney.",
    },
    overrides,
  );
}

export const sendOptions = () => ({ signal: new AbortController().signal, keepalive: false });
