import type { EventEnvelope, FeedbackEvent, FeedbackEventType, JsonObject } from "./types";
import { uuidv7 } from "./uuid";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Envelope fields the app may set; the kit fills `id`, `v` and `feedbackKey`, and `ts` unless given. */
export type EnvelopeFields = Partial<Omit<EventEnvelope, "id" | "v" | "feedbackKey" | "truncated">>;

/**
 * What `emit` takes: an event's `type` and payload, plus any envelope field that should win over the
 * enclosing `FeedbackMessage` and the provider context.
 *
 * @example
 * ```ts
 * const input: EmitInput = { type: "custom", name: "shared", value: 1 };
 * ```
 */
export type EmitInput = DistributiveOmit<FeedbackEvent, keyof EventEnvelope> & EnvelopeFields;

/** Where an event's envelope comes from, weakest first: provider context, message scope, the emit call. */
export type EnvelopeSource = EnvelopeFields | undefined;

/** `"<messageId>:rating"` for ratings (a user's vote replaces itself), the event id otherwise. */
export function feedbackKeyFor(type: FeedbackEventType, messageId: string, id: string): string {
  return type === "rating" ? `${messageId}:rating` : id;
}

function mergeMetadata(sources: readonly EnvelopeSource[]): JsonObject | undefined {
  let merged: JsonObject | undefined;
  for (const source of sources) {
    if (source?.metadata) merged = { ...merged, ...source.metadata };
  }
  return merged;
}

/**
 * Builds a finished event: envelope fields from each source (later sources win; `metadata` is merged
 * shallowly), then `id`, `v`, `ts` and `feedbackKey`. Fields left `undefined` are omitted.
 */
export function createEvent(input: EmitInput, ...sources: EnvelopeSource[]): FeedbackEvent {
  const id = uuidv7();
  const event: Record<string, unknown> = {};
  for (const source of [...sources, input]) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) event[key] = value;
    }
  }
  const metadata = mergeMetadata([...sources, input]);
  if (metadata) event.metadata = metadata;
  event.id = id;
  event.v = 1;
  event.ts ??= new Date().toISOString();
  event.feedbackKey = feedbackKeyFor(input.type, String(event.messageId ?? ""), id);
  return event as unknown as FeedbackEvent;
}
