import type { SendResult } from "../types";

/** What happened to one request (or one item of a request) at a receiver. */
export type Outcome =
  | { status: "accepted" }
  | { status: "retry"; retryAfterMs?: number }
  | { status: "rejected"; reason: string };

export const ACCEPTED: Outcome = { status: "accepted" };

// A vendor's error text is shown in error reports: keep it short.
const MAX_REASON_CHARS = 300;

/**
 * Reads `Retry-After` (seconds or an HTTP date) as milliseconds from now; `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The most useful sentence in an error body: `message`, `detail`, `error` or the text itself. */
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
 * The delivery meaning of an HTTP status: 2xx stored; 408, 429 and 5xx passing (send again, after `Retry-After`
 * when given); any other status refused for good, with the receiver's own words as the reason.
 */
export function outcomeOfStatus(status: number, headers: Headers, body: string): Outcome {
  if (status >= 200 && status < 300) return ACCEPTED;
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headers.get("retry-after"));
    return retryAfterMs === undefined ? { status: "retry" } : { status: "retry", retryAfterMs };
  }
  const text = errorText(body);
  return { status: "rejected", reason: text ? `HTTP ${status}: ${text}` : `HTTP ${status}` };
}

const RANK = { accepted: 0, retry: 1, rejected: 2 } as const;

/** One event sent as several requests counts as its worst outcome: one refusal refuses it, one retry retries it. */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  let worst: Outcome = ACCEPTED;
  for (const outcome of outcomes) {
    if (RANK[outcome.status] > RANK[worst.status]) worst = outcome;
    else if (outcome.status === "retry" && worst.status === "retry") {
      worst = { status: "retry", retryAfterMs: maxDefined(worst.retryAfterMs, outcome.retryAfterMs) };
    }
  }
  return worst;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** Builds a `SendResult` from each event's outcome; `retryAfterMs` is the longest wait any receiver asked for. */
export function toSendResult(outcomes: ReadonlyMap<string, Outcome>): SendResult {
  const result: SendResult = { accepted: [], retry: [], rejected: [] };
  let retryAfterMs: number | undefined;
  for (const [id, outcome] of outcomes) {
    if (outcome.status === "accepted") result.accepted.push(id);
    else if (outcome.status === "rejected") result.rejected.push({ id, reason: outcome.reason });
    else {
      result.retry.push(id);
      retryAfterMs = maxDefined(retryAfterMs, outcome.retryAfterMs);
    }
  }
  if (retryAfterMs !== undefined && result.retry.length > 0) result.retryAfterMs = retryAfterMs;
  return result;
}
