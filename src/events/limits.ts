import type { PromptMessage } from "./types";

/** Each text field of an event is cut at this many UTF-8 bytes (the contract's default limit). */
export const MAX_TEXT_BYTES = 32 * 1024;
/** A rating holds at most this many reasons... */
export const MAX_REASONS = 32;
/** ...each an error-mode key of at most this many characters. */
export const MAX_REASON_CHARS = 64;

/**
 * Cuts `text` to at most `maxBytes` UTF-8 bytes (the contract's 32 KiB by default) without splitting a character.
 *
 * @example
 * ```ts
 * cutText("héllo", 2); // "h": "é" takes 2 bytes and would not fit whole
 * ```
 */
export function cutText(text: string, maxBytes: number = MAX_TEXT_BYTES): string {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short strings need no counting.
  if (text.length * 3 <= maxBytes) return text;
  // encodeInto stops before the first character that does not fit whole; `read` says where, in code units.
  return text.slice(0, new TextEncoder().encodeInto(text, new Uint8Array(maxBytes)).read);
}

const TEXT_FIELDS = ["content", "comment", "text", "previousContent", "draft", "final", "chosen", "rejected"] as const;

/**
 * Cuts every text field of the event (and each prompt message) to `maxBytes`, marking the event
 * `truncated: true` when anything was cut. Returns the same object when nothing was too long.
 */
export function truncateEvent<E extends { prompt?: PromptMessage[] | undefined; truncated?: true }>(
  event: E,
  maxBytes: number = MAX_TEXT_BYTES,
): E {
  let copy: E | undefined;
  const record = event as unknown as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    const value = record[field];
    if (typeof value !== "string") continue;
    const cut = cutText(value, maxBytes);
    if (cut !== value) {
      copy ??= { ...event };
      (copy as unknown as Record<string, unknown>)[field] = cut;
    }
  }
  if (event.prompt) {
    const prompt = event.prompt.map((message) => {
      const cut = typeof message.content === "string" ? cutText(message.content, maxBytes) : message.content;
      return cut === message.content ? message : { ...message, content: cut };
    });
    if (prompt.some((message, i) => message !== event.prompt?.[i])) {
      copy ??= { ...event };
      copy.prompt = prompt;
    }
  }
  if (!copy) return event;
  copy.truncated = true;
  return copy;
}
