// Text the CLI writes out, made safe for what reads it: valid UTF-8 for files other tools load, and nothing a
// terminal would act on for lines shown to a person.

/** `text` with each lone surrogate (half of a UTF-16 pair, unencodable as UTF-8) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

function repair(value: unknown): unknown {
  if (typeof value === "string") return wellFormed(value);
  if (Array.isArray(value)) return value.map(repair);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), repair(item)]));
  }
  return value;
}

/**
 * `JSON.stringify(value, null, space)` that is always valid UTF-8: a lone surrogate in a key or a string becomes
 * U+FFFD instead of a `\ud800` escape, which Python and others decode into a string they cannot encode.
 */
export function wellFormedJson(value: unknown, space?: number): string {
  const text = JSON.stringify(value, null, space);
  // JSON.stringify writes a lone surrogate as a lowercase escape (`\ud800` to `\udfff`) and a pair as the
  // character itself: one search keeps the common case cheap (a literal backslash before "ud" only costs a second
  // pass).
  return text.includes("\\ud") ? JSON.stringify(repair(value), null, space) : text;
}

// C0 and C1 controls (escape sequences start with ESC or CSI) and the bidirectional marks and overrides that
// reorder what a terminal shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` for a terminal: each control or bidirectional character written as its `\u` escape (ESC as `\u001b`),
 * made visible.
 */
export function printable(text: string): string {
  return wellFormed(text).replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
