/**
 * The feedback event contract, version 1.
 *
 * These types are the source of `react-feedback-loop/schema.json`: `npm run schema` generates the JSON Schema
 * from them (the JSDoc tags below become its constraints) and a test fails when the two drift apart.
 */

/** Any JSON value: what `metadata` and a custom event's `value` may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object of the app's own, merged into events as `metadata`. */
export type JsonObject = { [key: string]: JsonValue };

/** One turn of the conversation that produced a message. */
export interface PromptMessage {
  /** Usually `"system"`, `"user"`, `"assistant"` or `"tool"`. */
  role: string;
  content: string;
}

/** The event kinds of contract v1. */
export type FeedbackEventType = "rating" | "copy" | "regenerate" | "edit" | "abandon" | "preference" | "custom";

/** A thumbs vote; `null` means no vote (withdrawn, or none before). */
export type RatingValue = "up" | "down" | null;

/** Fields every event carries. */
export interface EventEnvelope {
  /**
   * UUID v7, made once when the event is created and reused on every retry: the receiver's de-duplication key.
   * @pattern ^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$
   */
  id: string;
  /** Contract version. */
  v: 1;
  /**
   * ISO-8601 UTC time of the user action (client clock).
   * @format date-time
   */
  ts: string;
  /**
   * The assistant message the signal is about.
   * @minLength 1
   */
  messageId: string;
  /**
   * Stable upsert key: `"<messageId>:rating"` for ratings, `"<first id>|<second id>:preference"` for a
   * preference (the two message ids sorted), the event `id` otherwise.
   * @minLength 1
   */
  feedbackKey: string;
  /** The originating trace: 32-hex (OpenTelemetry, Langfuse, Phoenix) or a UUID (LangSmith). */
  traceId?: string;
  /** The originating span / Langfuse observation: 16-hex. */
  spanId?: string;
  /** LangSmith run id (UUID). */
  runId?: string;
  /** Conversation or session. */
  sessionId?: string;
  /** Pseudonymous user id; the app decides. */
  userId?: string;
  /** Application name. */
  app?: string;
  /** Deployment environment, e.g. `"production"`. */
  environment?: string;
  /** The assistant message text as shown, when the scope provides it. */
  content?: string;
  /** The conversation that produced the message, when the scope provides it. */
  prompt?: PromptMessage[];
  /** Free JSON from the app (model, prompt version, experiment arm, ...). */
  metadata?: JsonObject;
  /** Present when a text field was cut at the size limit. */
  truncated?: true;
}

/**
 * An error-mode key of a rating's reasons.
 * @maxLength 64
 */
export type ReasonKey = string;

/** A thumbs vote, or the follow-up form's reasons and comment for it. */
export interface RatingEvent extends EventEnvelope {
  type: "rating";
  value: RatingValue;
  previous: RatingValue;
  /**
   * Error-mode keys such as `"hallucination"`.
   * @maxItems 32
   */
  reasons?: ReasonKey[];
  comment?: string;
}

/** The user copied some or all of the message. */
export interface CopyEvent extends EventEnvelope {
  type: "copy";
  source: "button" | "selection" | "code";
  /**
   * Copied length in characters.
   * @minimum 0
   * @asType integer
   */
  chars: number;
  /**
   * Share of the message copied, 0..1, rounded to 4 decimals.
   * @minimum 0
   * @maximum 1
   */
  fraction: number;
  /** The copied text, only when the app opts in. */
  text?: string;
}

/** The user asked for another answer in place of this one. */
export interface RegenerateEvent extends EventEnvelope {
  type: "regenerate";
  /**
   * 1 for the first regenerate of this message.
   * @minimum 1
   * @asType integer
   */
  attempt: number;
  previousContent?: string;
}

/** One word-level diff operation: -1 removed, 0 kept, 1 added. */
export type DiffOp = [-1 | 0 | 1, string];

/** Word-level statistics of an edit. */
export interface EditStats {
  /**
   * @minimum 0
   * @asType integer
   */
  wordsAdded: number;
  /**
   * @minimum 0
   * @asType integer
   */
  wordsRemoved: number;
  /**
   * @minimum 0
   * @asType integer
   */
  wordsKept: number;
  /**
   * (words added + removed) / max(1, words in final), rounded to 4 decimals.
   * @minimum 0
   */
  editRate: number;
  /**
   * 1 = unchanged; rounded to 4 decimals.
   * @minimum 0
   * @maximum 1
   */
  similarity: number;
  /**
   * @minimum 0
   * @asType integer
   */
  charsAdded: number;
  /**
   * @minimum 0
   * @asType integer
   */
  charsRemoved: number;
}

/** The user edited the assistant's draft into a final text. */
export interface EditEvent extends EventEnvelope {
  type: "edit";
  draft: string;
  final: string;
  diff: DiffOp[];
  stats: EditStats;
  /**
   * Edit started to committed, in whole milliseconds.
   * @minimum 0
   * @asType integer
   */
  durationMs: number;
  /** True when the final text equals the draft. */
  accepted: boolean;
}

/** A shown message got no interaction at all. */
export interface AbandonEvent extends EventEnvelope {
  type: "abandon";
  /**
   * Time the message was visible, in whole milliseconds.
   * @minimum 0
   * @asType integer
   */
  dwellMs: number;
  cause: "hidden" | "unmounted" | "replaced";
}

/** How sure the user's choice between two answers is: asked and picked, inferred, or no difference. */
export type PreferenceStrength = "clear" | "slight" | "tie";

/** The user chose between two answers to the same prompt; `messageId` is the chosen one (for a tie, either). */
export interface PreferenceEvent extends EventEnvelope {
  type: "preference";
  /**
   * The other answer: the one not chosen.
   * @minLength 1
   */
  rejectedMessageId: string;
  /** The trace that produced the other answer, as `traceId` is the chosen one's. */
  rejectedTraceId?: string;
  /** The span that produced the other answer. */
  rejectedSpanId?: string;
  /** The LangSmith run that produced the other answer. */
  rejectedRunId?: string;
  strength: PreferenceStrength;
  /** `"compare"`: asked side by side; `"kept"`: inferred from the version the user went back to and kept. */
  source: "compare" | "kept";
  /** The chosen answer's text, when the scope has it. */
  chosen?: string;
  /** The other answer's text, when the scope has it. */
  rejected?: string;
}

/** An app-defined signal. */
export interface CustomFeedbackEvent extends EventEnvelope {
  type: "custom";
  /**
   * @minLength 1
   */
  name: string;
  value?: JsonValue;
}

/** Any event of contract v1, discriminated by `type`. */
export type FeedbackEvent =
  | RatingEvent
  | CopyEvent
  | RegenerateEvent
  | EditEvent
  | AbandonEvent
  | PreferenceEvent
  | CustomFeedbackEvent;

/** Each event type's event. */
export type FeedbackEventByType = { [K in FeedbackEventType]: Extract<FeedbackEvent, { type: K }> };

/** The event of one `type` (of any type, without the argument). */
export type FeedbackEventOf<T extends FeedbackEventType = FeedbackEventType> = FeedbackEventByType[T];
