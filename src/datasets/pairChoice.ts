import type { PreferenceEvent, PreferenceStrength } from "../events/types";
import { isLaterRating } from "./latestRating";

/** One answer as the datasets know it: its message id and, when an event carried it, its text. */
export interface KnownAnswer {
  messageId: string;
  content: string | undefined;
}

/** The standing choice between two answers (one `feedbackKey`): only the fields the datasets write. */
export interface PairChoice {
  feedbackKey: string;
  ts: string;
  id: string;
  source: PreferenceEvent["source"];
  strength: PreferenceStrength;
  chosen: KnownAnswer;
  rejected: KnownAnswer;
}

/**
 * How much a signal says about two answers, highest first: the user asked side by side (`compare`), then the
 * version they went back to and kept (`kept`), then votes and regenerates, which judge each answer on its own.
 */
export const SIGNAL_RANK = { compare: 3, kept: 2, vote: 1 } as const;

/** A preference event as the choice it states. */
export function pairChoiceOf(event: PreferenceEvent): PairChoice {
  return {
    feedbackKey: event.feedbackKey,
    ts: event.ts,
    id: event.id,
    source: event.source,
    strength: event.strength,
    chosen: { messageId: event.messageId, content: event.chosen ?? event.content },
    rejected: { messageId: event.rejectedMessageId, content: event.rejected },
  };
}

/**
 * True when `candidate` replaces `current` as the choice that decides a pair: a stronger source, or the same
 * source and a later choice (by `ts`, then id).
 */
export function outranks(candidate: PairChoice, current: PairChoice): boolean {
  const difference = SIGNAL_RANK[candidate.source] - SIGNAL_RANK[current.source];
  return difference > 0 || (difference === 0 && isLaterRating(candidate, current));
}

/** Sort order of choices: the one that decides first. */
export function strongestFirst(a: PairChoice, b: PairChoice): number {
  if (outranks(a, b)) return -1;
  return outranks(b, a) ? 1 : 0;
}

/**
 * True when two answers are the same answer: the same text when both texts are known (as `judgeAnswers` counts
 * answers), else the same message id.
 */
export function isSameAnswer(a: KnownAnswer, b: KnownAnswer): boolean {
  return a.content !== undefined && b.content !== undefined ? a.content === b.content : a.messageId === b.messageId;
}

/** True when two pairs are about the same two answers, in either order. */
export function isSamePair(a: readonly [KnownAnswer, KnownAnswer], b: readonly [KnownAnswer, KnownAnswer]): boolean {
  return (
    (isSameAnswer(a[0], b[0]) && isSameAnswer(a[1], b[1])) || (isSameAnswer(a[0], b[1]) && isSameAnswer(a[1], b[0]))
  );
}
