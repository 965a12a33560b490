import type { FeedbackEvent, JsonValue, PreferenceEvent } from "../../events/types";

/**
 * One event seen the way evaluation tools see feedback: a named score with an optional label, comment and
 * correction. Every vendor sink starts from this, so Langfuse, LangSmith, Phoenix and OpenTelemetry agree on
 * names and values.
 */
export interface FeedbackSignal {
  /**
   * `user_feedback`, `user_copy`, `user_regenerate`, `user_edit`, `user_abandon`, `user_preference`, or a custom
   * event's name.
   */
  name: string;
  /** The closest Langfuse data type; other vendors read `score` and `label`. */
  kind: "BOOLEAN" | "NUMERIC" | "CATEGORICAL";
  /** Numeric value (1/0 for BOOLEAN); absent for a withdrawn vote and for categories. */
  score?: number;
  /** Human-readable value: `up`/`down`/`withdrawn`, the copy source, a category. */
  label?: string;
  /** The user's own words. */
  comment?: string;
  /** What the output should have been: an edit's final text. */
  correction?: string;
  /** True for a rating whose vote was taken back. */
  withdrawn?: boolean;
  /** Details of this event type, flat JSON. */
  details: Record<string, JsonValue>;
}

/** Score names of the built-in event types. */
export const SIGNAL_NAMES = {
  rating: "user_feedback",
  copy: "user_copy",
  regenerate: "user_regenerate",
  edit: "user_edit",
  abandon: "user_abandon",
  preference: "user_preference",
} as const;

function withoutUndefined(record: Record<string, JsonValue | undefined>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

/** Maps an event to its signal. */
export function toSignal(event: FeedbackEvent): FeedbackSignal {
  switch (event.type) {
    case "rating": {
      const details = withoutUndefined({ previous: event.previous, reasons: event.reasons });
      if (event.value === null) {
        return { name: SIGNAL_NAMES.rating, kind: "BOOLEAN", label: "withdrawn", withdrawn: true, details };
      }
      return {
        name: SIGNAL_NAMES.rating,
        kind: "BOOLEAN",
        score: event.value === "up" ? 1 : 0,
        label: event.value,
        ...(event.comment ? { comment: event.comment } : {}),
        details,
      };
    }
    case "copy":
      return {
        name: SIGNAL_NAMES.copy,
        kind: "NUMERIC",
        score: event.fraction,
        label: event.source,
        details: withoutUndefined({ source: event.source, chars: event.chars, text: event.text }),
      };
    case "regenerate":
      return {
        name: SIGNAL_NAMES.regenerate,
        kind: "NUMERIC",
        score: event.attempt,
        details: withoutUndefined({ attempt: event.attempt, previousContent: event.previousContent }),
      };
    case "edit":
      return {
        name: SIGNAL_NAMES.edit,
        kind: "NUMERIC",
        score: event.stats.similarity,
        label: event.accepted ? "unchanged" : "edited",
        correction: event.final,
        details: { ...event.stats, durationMs: event.durationMs, accepted: event.accepted },
      };
    case "abandon":
      return {
        name: SIGNAL_NAMES.abandon,
        kind: "NUMERIC",
        score: event.dwellMs / 1000,
        label: event.cause,
        details: { dwellMs: event.dwellMs, cause: event.cause },
      };
    case "preference":
      return preferenceSignal(event, "chosen");
    case "custom":
      return customSignal(event.name, event.value);
  }
}

/** Which answer of a preference a record is about. */
export type PreferenceSide = "chosen" | "rejected";

// Scores of a preference's two answers: the chosen 1, the other 0; a tie is half a preference for each, so the
// two answers' mean stays 0.5 whatever the user picked, and a chart of the score reads "as good as the other".
const PREFERENCE_SCORE = { chosen: 1, rejected: 0 } as const;
const TIE_SCORE = 0.5;

/**
 * The signal of one answer of a preference: `user_preference`, 1 for the chosen answer and 0 for the other
 * (0.5 for both on a tie), labelled `chosen`, `rejected` or `tie`, with the strength, the source and the other
 * answer's id in the details.
 */
export function preferenceSignal(event: PreferenceEvent, side: PreferenceSide): FeedbackSignal {
  const tie = event.strength === "tie";
  return {
    name: SIGNAL_NAMES.preference,
    kind: "NUMERIC",
    score: tie ? TIE_SCORE : PREFERENCE_SCORE[side],
    label: tie ? "tie" : side,
    details: {
      side,
      strength: event.strength,
      source: event.source,
      otherMessageId: side === "chosen" ? event.rejectedMessageId : event.messageId,
    },
  };
}

function customSignal(name: string, value: JsonValue | undefined): FeedbackSignal {
  if (typeof value === "number") return { name, kind: "NUMERIC", score: value, details: {} };
  if (typeof value === "boolean") return { name, kind: "BOOLEAN", score: value ? 1 : 0, details: {} };
  if (typeof value === "string") return { name, kind: "CATEGORICAL", label: value, details: {} };
  // No value, null, an object or an array: the signal is that it happened; the value travels in the details.
  return { name, kind: "BOOLEAN", score: 1, details: value === undefined ? {} : { value } };
}

/** Envelope fields worth keeping next to every vendor record, so it can be joined back to the event. */
export function envelopeDetails(event: FeedbackEvent): Record<string, JsonValue> {
  return withoutUndefined({
    eventId: event.id,
    eventType: event.type,
    feedbackKey: event.feedbackKey,
    messageId: event.messageId,
    ts: event.ts,
    userId: event.userId,
    sessionId: event.sessionId,
    app: event.app,
    environment: event.environment,
    truncated: event.truncated,
    appMetadata: event.metadata,
  });
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

/** A trace id as 32 lowercase hex digits (a UUID loses its dashes), or `undefined` when it is not one. */
export function hexTraceId(traceId: string | undefined): string | undefined {
  if (!traceId) return undefined;
  const hex = traceId.replace(/-/g, "").toLowerCase();
  return HEX32.test(hex) && !/^0+$/.test(hex) ? hex : undefined;
}

/** A span id as 16 lowercase hex digits, or `undefined` when it is not one. */
export function hexSpanId(spanId: string | undefined): string | undefined {
  if (!spanId) return undefined;
  const hex = spanId.toLowerCase();
  return HEX16.test(hex) && !/^0+$/.test(hex) ? hex : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its usual dashed form. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}
