import { round4 } from "./round4";
import type { EventEnvelope, FeedbackEventOf, FeedbackEventType, JsonObject } from "./types";
import { uuidv7 } from "./uuid";

/** Envelope fields the app may set; the kit fills `id`, `v` and `feedbackKey`, and `ts` unless given. */
export type EnvelopeFields = Partial<Omit<EventEnvelope, "id" | "v" | "feedbackKey" | "truncated">>;

/**
 * What `emit` takes for one event type: its `type` and payload, plus any envelope field that should win over
 * the enclosing `FeedbackMessage` and the provider context. Without a type argument, the input of any type.
 *
 * @example
 * ```ts
 * const input: EmitInput<"custom"> = { type: "custom", name: "shared", value: 1 };
 * ```
 */
export type EmitInput<T extends FeedbackEventType = FeedbackEventType> = EmitInputByType[T];

/** Each event type's emit input: its payload and the envelope fields an app may set. */
export type EmitInputByType = {
  [K in FeedbackEventType]: Omit<FeedbackEventOf<K>, keyof EventEnvelope> & EnvelopeFields;
};

/**
 * How an app or a widget emits: the input of one type in, the event of that type as sent out, or `null` when
 * it was not sent. A payload that does not fit its type is a compile error.
 */
export type Emit = <T extends FeedbackEventType>(input: EmitInput<T> & { type: T }) => FeedbackEventOf<T> | null;

/** `Emit` with the envelope fields it fills in under the input's: the message scope, for the provider's engine. */
export type EmitInScope = <T extends FeedbackEventType>(
  input: EmitInput<T> & { type: T },
  scope?: EnvelopeFields,
) => FeedbackEventOf<T> | null;

/** Whether an emit input is of `type`: narrows a generic input to one type's fields. */
export function isInputOf<K extends FeedbackEventType>(
  input: { type: FeedbackEventType },
  type: K,
): input is EmitInput<K> & { type: K } {
  return input.type === type;
}

/** Where an event's envelope comes from, weakest first: provider context, message scope, the emit call. */
export type EnvelopeSource = EnvelopeFields | undefined;

/** `"<a>|<b>"` with the two message ids sorted: one key for a pair of answers, in either order. */
export function answerPairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The upsert key: `"<messageId>:rating"` for ratings (a user's vote replaces itself), `"<a>|<b>:preference"`
 * for a preference (see `answerPairKey`: a changed choice between the same answers replaces the earlier one,
 * whichever was chosen), the event id otherwise.
 */
export function feedbackKeyFor(type: FeedbackEventType, messageId: string, id: string, otherMessageId = ""): string {
  if (type === "rating") return `${messageId}:rating`;
  return type === "preference" ? `${answerPairKey(messageId, otherMessageId)}:preference` : id;
}

// Shares and rates keep 4 decimals, times whole milliseconds: more digits are noise to whoever reads them.
const ROUNDED: Record<string, (value: number) => number> = {
  fraction: round4,
  editRate: round4,
  similarity: round4,
  durationMs: Math.round,
  dwellMs: Math.round,
};

/**
 * The value with its measured numbers rounded as the contract states them (`fraction`, `similarity` and
 * `editRate` to 4 decimals, `durationMs` and `dwellMs` to integers), inside `stats` too. Anything that is not
 * a finite number is left for the contract check to refuse.
 */
function rounded(key: string, value: unknown): unknown {
  if (typeof value === "number") {
    const round = ROUNDED[key];
    return round && Number.isFinite(value) ? round(value) : value;
  }
  if (key !== "stats" || typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const stats: Record<string, unknown> = {};
  for (const [name, stat] of Object.entries(value)) stats[name] = rounded(name, stat);
  return stats;
}

function mergeMetadata(sources: readonly EnvelopeSource[]): JsonObject | undefined {
  let merged: JsonObject | undefined;
  for (const source of sources) {
    if (source?.metadata) merged = { ...merged, ...source.metadata };
  }
  return merged;
}

/** What `createEvent` builds: the input's fields and type over the envelope, not yet checked (see `validateEvent`). */
export type BuiltEvent<T extends FeedbackEventType = FeedbackEventType> = EmitInput<T> & { type: T } & Pick<
    EventEnvelope,
    "id" | "v" | "ts" | "feedbackKey"
  >;

/**
 * Builds an event: envelope fields from each source (later sources win; `metadata` is merged shallowly), then
 * `id`, `v`, `ts` and `feedbackKey`. Fields left `undefined` are omitted, measured numbers rounded (`fraction`,
 * `similarity` and `editRate` to 4 decimals, `durationMs` and `dwellMs` to integers). Whether the result keeps
 * the contract is for `validateEvent` to tell; with a `messageId` in the input it has every field the type needs.
 */
export function createEvent<T extends FeedbackEventType>(
  input: EmitInput<T> & { type: T; messageId: string },
  ...sources: EnvelopeSource[]
): FeedbackEventOf<T>;
export function createEvent<T extends FeedbackEventType>(
  input: EmitInput<T> & { type: T },
  ...sources: EnvelopeSource[]
): BuiltEvent<T>;
export function createEvent<T extends FeedbackEventType>(
  input: EmitInput<T> & { type: T },
  ...sources: EnvelopeSource[]
): BuiltEvent<T> {
  const id = uuidv7();
  const fields: Record<string, unknown> & EnvelopeFields = {};
  for (const source of [...sources, input]) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) fields[key] = rounded(key, value);
    }
  }
  const metadata = mergeMetadata([...sources, input]);
  if (metadata) fields.metadata = metadata;
  // `fields` holds every field of the input that is set: one spelled out as `undefined` is left out.
  return {
    ...(fields as EmitInput<T> & { type: T }),
    id,
    v: 1,
    ts: fields.ts ?? new Date().toISOString(),
    feedbackKey: feedbackKeyFor(
      input.type,
      fields.messageId ?? "",
      id,
      isInputOf(input, "preference") ? input.rejectedMessageId : "",
    ),
  };
}
