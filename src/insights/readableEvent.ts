import type { FeedbackEvent } from "../events/types";

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isVote = (value: unknown) => value === "up" || value === "down" || value === null;

// "2026-12-01T09:00:00Z" at the least: checked by shape, as Date.parse per event would cost more than the rest.
const isIsoTime = (ts: unknown): ts is string =>
  typeof ts === "string" &&
  ts.length >= 20 &&
  ts.charCodeAt(4) === 45 &&
  ts.charCodeAt(7) === 45 &&
  ts.charCodeAt(10) === 84;

/**
 * True when `value` has every field the summary reads, with the right types. Cheaper than the contract's full
 * `validateEvent` (events in the kit's stores were validated on the way in); it only keeps a hand-edited or
 * foreign line from turning into a wrong figure or a crash. A failing line is counted as invalid.
 */
export function isReadableEvent(value: unknown): value is FeedbackEvent {
  if (typeof value !== "object" || value === null) return false;
  const event = value as Record<string, unknown>;
  if (typeof event.messageId !== "string" || !isIsoTime(event.ts)) return false;
  if (event.metadata !== undefined && (typeof event.metadata !== "object" || event.metadata === null)) return false;
  switch (event.type) {
    case "rating":
      return (
        isVote(event.value) &&
        isVote(event.previous) &&
        (event.reasons === undefined ||
          (Array.isArray(event.reasons) && event.reasons.every((r) => typeof r === "string"))) &&
        (event.comment === undefined || typeof event.comment === "string")
      );
    case "copy":
      return event.source === "button" || event.source === "selection" || event.source === "code";
    case "regenerate":
      return Number.isInteger(event.attempt) && (event.attempt as number) >= 1;
    case "edit": {
      const stats = event.stats as Record<string, unknown> | undefined;
      return (
        typeof stats === "object" &&
        stats !== null &&
        isNumber(stats.similarity) &&
        isNumber(stats.wordsAdded) &&
        isNumber(stats.wordsRemoved) &&
        typeof event.accepted === "boolean"
      );
    }
    case "abandon":
      return isNumber(event.dwellMs);
    case "preference":
      return (
        typeof event.rejectedMessageId === "string" &&
        (event.source === "compare" || event.source === "kept") &&
        (event.strength === "clear" || event.strength === "slight" || event.strength === "tie")
      );
    case "custom":
      return true;
    default:
      return false;
  }
}
