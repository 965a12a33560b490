// What an HTTP answer means for delivery, for every sink and for the relay: the one place that maps statuses
// and reads (or writes) `Retry-After`.
import type { SendResult } from "../types";

/** What happened to one request (or one item of a request) at a receiver. */
export type Outcome =
  | { status: "accepted" }
  | { status: "retry"; retryAfterMs?: number; reason?: string }
  | { status: "rejected"; reason: string };

/** A receiver's answer, read once. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

export const ACCEPTED: Outcome = { status: "accepted" };

// A receiver's error text is shown in error reports: keep it short.
const MAX_REASON_CHARS = 300;

/**
 * Reads a `Retry-After` header: delay-seconds (`"120"`, a fraction tolerated) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`). Returns the wait in ms, never negative, or `undefined` when the header
 * is absent or unreadable (`"soon"`, `"-5"`).
 *
 * @example
 * ```ts
 * parseRetryAfter("3"); // 3000
 * parseRetryAfter(response.headers.get("retry-after"));
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Every HTTP date form names a day or month and a time of day; Date.parse alone takes "-5" or "Someday 2026".
  if (!/[a-z]{3}/i.test(trimmed) || !/\d\d:\d\d:\d\d/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Writes a wait as a `Retry-After` value: whole seconds, rounded up so a client never comes back too early.
 *
 * @example
 * ```ts
 * headers["retry-after"] = formatRetryAfter(1500); // "2"
 * ```
 */
export function formatRetryAfter(ms: number): string {
  return String(Math.max(0, Math.ceil(ms / 1000)));
}

/**
 * Statuses worth sending again: the request timed out (408), the receiver is rate limiting (429) or broken
 * (5xx), or the answer says nothing about storage (below 200: informational, or an opaque answer).
 */
export function isPassingStatus(status: number): boolean {
  return status < 200 || status === 408 || status === 429 || status >= 500;
}

/** The most useful sentence in an error body: `message`, `detail`, `error` or the text itself, kept short. */
export function errorText(body: string): string {
  let text = body.trim();
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === "object") {
      const record = json as Record<string, unknown>;
      const field = record.message ?? record.detail ?? record.error;
      if (typeof field === "string") text = field;
      else if (field !== undefined) text = JSON.stringify(field);
    } else if (typeof json === "string") {
      text = json;
    }
  } catch {
    // Not JSON: the plain text is the message.
  }
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS)}…` : text;
}

/**
 * The delivery meaning of an HTTP status: 2xx stored; 408, 429, 5xx (and anything below 200) passing, sent
 * again after `Retry-After` when given; any other status refused for good, with the receiver's own words.
 *
 * @example
 * ```ts
 * outcomeOfStatus(503, new Headers({ "retry-after": "5" }), ""); // { status: "retry", retryAfterMs: 5000, reason: "HTTP 503" }
 * ```
 */
export function outcomeOfStatus(status: number, headers: Headers, body: string): Outcome {
  if (status >= 200 && status < 300) return ACCEPTED;
  if (isPassingStatus(status)) {
    const retryAfterMs = parseRetryAfter(headers.get("retry-after"));
    const reason = `HTTP ${status}`;
    return retryAfterMs === undefined ? { status: "retry", reason } : { status: "retry", retryAfterMs, reason };
  }
  const text = errorText(body);
  return { status: "rejected", reason: text ? `HTTP ${status}: ${text}` : `HTTP ${status}` };
}

/** The outcome of one call: no answer at all (network failure, timeout, abort) is passing. */
export function outcomeOf(answer: HttpAnswer | undefined): Outcome {
  return answer
    ? outcomeOfStatus(answer.status, answer.headers, answer.body)
    : { status: "retry", reason: "network error" };
}

const RANK = { accepted: 0, retry: 1, rejected: 2 } as const;

/** One event sent as several requests counts as its worst outcome: one refusal refuses it, one retry retries it. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  let worst: Outcome = ACCEPTED;
  for (const outcome of outcomes) {
    if (RANK[outcome.status] > RANK[worst.status]) worst = outcome;
    else if (outcome.status === "retry" && worst.status === "retry") {
      const retryAfterMs = maxDefined(worst.retryAfterMs, outcome.retryAfterMs);
      worst = { ...worst, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
  }
  return worst;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/**
 * Builds a `SendResult` from each event's outcome; `retryAfterMs` is the longest wait any receiver asked for,
 * and `reason` the first reason given for a retry.
 */
export function toSendResult(outcomes: ReadonlyMap<string, Outcome>): SendResult {
  const result: SendResult = { accepted: [], retry: [], rejected: [] };
  let retryAfterMs: number | undefined;
  for (const [id, outcome] of outcomes) {
    if (outcome.status === "accepted") result.accepted.push(id);
    else if (outcome.status === "rejected") result.rejected.push({ id, reason: outcome.reason });
    else {
      result.retry.push(id);
      retryAfterMs = maxDefined(retryAfterMs, outcome.retryAfterMs);
      result.reason ??= outcome.reason;
    }
  }
  if (retryAfterMs !== undefined && result.retry.length > 0) result.retryAfterMs = retryAfterMs;
  if (result.reason === undefined) delete result.reason;
  return result;
}
