// Small, readable event fixtures for the dataset tests: each builder fills the envelope so a test states only
// what its rule is about. Times count in seconds from a fixed start so the order of events is plain to see.

import type {
  EditEvent,
  PreferenceEvent,
  PromptMessage,
  RatingEvent,
  RatingValue,
  RegenerateEvent,
} from "../../src/events/types";
import { uuidv7 } from "../../src/events/uuid";

const START = Date.parse("2026-03-01T12:00:00.000Z");

export const PROMPT: PromptMessage[] = [{ role: "user", content: "What is the capital of Australia?" }];

interface Envelope {
  at?: number;
  messageId?: string;
  /** `null` for an event without a prompt. */
  prompt?: PromptMessage[] | null;
  sessionId?: string;
  content?: string;
  traceId?: string;
  spanId?: string;
}

function envelope({ at = 0, messageId = "m1", prompt = PROMPT, sessionId = "s1", ...rest }: Envelope, type: string) {
  const time = START + at * 1000;
  const id = uuidv7(time);
  return {
    id,
    v: 1 as const,
    ts: new Date(time).toISOString(),
    messageId,
    feedbackKey: type === "rating" ? `${messageId}:rating` : id,
    sessionId,
    ...(prompt ? { prompt } : {}),
    ...rest,
  };
}

export function rating(
  value: RatingValue,
  fields: Envelope & { reasons?: string[]; comment?: string; previous?: RatingValue } = {},
): RatingEvent {
  const { reasons, comment, previous = null, ...rest } = fields;
  return {
    ...envelope(rest, "rating"),
    type: "rating",
    value,
    previous,
    ...(reasons ? { reasons } : {}),
    ...(comment ? { comment } : {}),
  };
}

export function regenerate(fields: Envelope & { previousContent?: string; attempt?: number } = {}): RegenerateEvent {
  const { previousContent, attempt = 1, ...rest } = fields;
  return {
    ...envelope(rest, "regenerate"),
    type: "regenerate",
    attempt,
    ...(previousContent ? { previousContent } : {}),
  };
}

export function edit(draft: string, final: string, fields: Envelope = {}): EditEvent {
  return {
    ...envelope(fields, "edit"),
    type: "edit",
    draft,
    final,
    diff: [
      [-1, draft],
      [1, final],
    ],
    stats: {
      wordsAdded: 1,
      wordsRemoved: 1,
      wordsKept: 0,
      editRate: draft === final ? 0 : 1,
      similarity: draft === final ? 1 : 0,
      charsAdded: final.length,
      charsRemoved: draft.length,
    },
    durationMs: 1200,
    accepted: draft === final,
  };
}

/**
 * The user chose `messageId` (default "m2") over `rejectedMessageId` (default "m1"); `chosen` and `rejected`
 * are the two texts, `null` to leave one out.
 */
export function preference(
  fields: Envelope & {
    rejectedMessageId?: string;
    strength?: PreferenceEvent["strength"];
    source?: PreferenceEvent["source"];
    chosen?: string | null;
    rejected?: string | null;
  } = {},
): PreferenceEvent {
  const {
    rejectedMessageId = "m1",
    strength = "clear",
    source = "compare",
    chosen = "Canberra.",
    rejected = "Sydney.",
    messageId = "m2",
    ...rest
  } = fields;
  return {
    ...envelope({ messageId, ...rest }, "preference"),
    feedbackKey: `${[messageId, rejectedMessageId].sort().join("|")}:preference`,
    type: "preference",
    rejectedMessageId,
    strength,
    source,
    ...(chosen !== null ? { chosen } : {}),
    ...(rejected !== null ? { rejected } : {}),
  };
}

/** Yields the events one by one from an async generator, as a stream of parsed lines would. */
export async function* streamOf<T>(events: readonly T[]): AsyncGenerator<T> {
  for (const event of events) {
    await Promise.resolve();
    yield event;
  }
}
