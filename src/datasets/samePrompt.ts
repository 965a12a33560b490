import type { FeedbackEvent, PromptMessage } from "../events/types";
import { hashFeed, hashFinish, hashStart } from "./stringHash";

/**
 * The key under which answers count as answers to the same prompt: the same `sessionId` (or both without one)
 * and identical `prompt` messages, the same roles and contents in the same order, compared exactly (no
 * trimming or case folding). Keeping the session in the key pairs only answers one user compared in one
 * conversation; the same question asked by two users is two prompts.
 *
 * An event without a prompt gets a key of its own message (`messageId`), so its answers still meet the other
 * events about that message (a regenerated message that keeps its id) but never another message's.
 *
 * @example
 * ```ts
 * // Two answers a user compared: the one replaced by a regenerate and the new one they voted up.
 * samePromptKey(regenerateEvent) === samePromptKey(ratingOfNewAnswer); // true: same session, same messages
 * ```
 */
export function samePromptKey(event: FeedbackEvent): string {
  if (!event.prompt) return `m\u0000${event.messageId}`;
  let key = `p\u0000${event.sessionId ?? ""}`;
  // Control characters as separators: a role or content cannot make two different lists look alike.
  for (const message of event.prompt) key += `\u0001${message.role}\u0002${message.content}`;
  return key;
}

/**
 * `stringHash(samePromptKey(event))`, computed without building the key: groups are looked up by this number
 * and `isSamePrompt` confirms a match.
 */
export function samePromptHash(event: FeedbackEvent): number {
  hashStart();
  if (!event.prompt) {
    hashFeed("m\u0000");
    hashFeed(event.messageId);
    return hashFinish();
  }
  hashFeed("p\u0000");
  hashFeed(event.sessionId ?? "");
  for (const message of event.prompt) {
    hashFeed("\u0001");
    hashFeed(message.role);
    hashFeed("\u0002");
    hashFeed(message.content);
  }
  return hashFinish();
}

/** The fields `samePromptKey` reads. */
export type PromptIdentity = Pick<FeedbackEvent, "messageId" | "sessionId" | "prompt">;

/** True when `samePromptKey(a) === samePromptKey(b)`, compared field by field without building the keys. */
export function isSamePrompt(a: PromptIdentity, b: PromptIdentity): boolean {
  if (!a.prompt || !b.prompt) return !a.prompt && !b.prompt && a.messageId === b.messageId;
  if ((a.sessionId ?? "") !== (b.sessionId ?? "") || a.prompt.length !== b.prompt.length) return false;
  // A loop, not `every`: this runs for most events, and a callback per call is an allocation.
  for (let i = 0; i < a.prompt.length; i++) {
    const mine = a.prompt[i] as PromptMessage;
    const theirs = b.prompt[i] as PromptMessage;
    if (mine.role !== theirs.role || mine.content !== theirs.content) return false;
  }
  return true;
}
