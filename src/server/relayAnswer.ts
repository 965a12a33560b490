import { formatRetryAfter } from "../sinks/http/outcome";

/** Events refused for the same reason. */
export interface RelayRejection {
  ids: string[];
  reason: string;
  /** For events that broke the contract: the offending field. */
  field?: string;
}

/**
 * The relay's response body: each event id in one list. Ids, not one object per event, so the answer to 1,000
 * events stays under 64 KiB whatever they hold.
 *
 * @example
 * ```json
 * { "accepted": ["0193…a1"], "retry": ["0193…a3"], "retryAfterMs": 5000,
 *   "rejected": [{ "ids": ["0193…a2"], "reason": "fraction must be a number from 0 to 1", "field": "fraction" }] }
 * ```
 */
export interface RelayResponse {
  /** Stored, now or before. */
  accepted: string[];
  /** To send again later (after `retryAfterMs`). */
  retry: string[];
  /** Refused for good, grouped by reason. */
  rejected: RelayRejection[];
  /** Set when the request itself was unusable. */
  error?: string;
  /** The longest wait a sink asked for, when some events should be sent again. */
  retryAfterMs?: number;
}

/** What became of one event of a request. */
export type EventAnswer = { status: "accepted" | "retry" } | { status: "rejected"; reason: string; field?: string };

// A valid id is a 36-character UUID; anything longer is not echoed, so a request cannot inflate its answer.
const MAX_ID_CHARS = 36;
const MAX_REASON_CHARS = 200;
const MAX_FIELD_CHARS = 64;
// All reasons of one answer together; refusals past it share one group.
const REASONS_BUDGET = 16 * 1024;
const MORE = "refused (more reasons than one answer lists; the relay's log has them)";

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Collects the answers to one request's events into a `RelayResponse` of bounded size. */
export class RelayAnswerBuilder {
  private readonly seen = new Set<string>();
  private readonly body: RelayResponse = { accepted: [], retry: [], rejected: [] };
  private readonly groups = new Map<string, RelayRejection>();
  private budget = REASONS_BUDGET;
  private readonly counts = { accepted: 0, retry: 0, rejected: 0 };

  add(rawId: unknown, answer: EventAnswer): void {
    this.counts[answer.status]++;
    const id = typeof rawId === "string" && rawId.length <= MAX_ID_CHARS ? rawId : "";
    // One id, one answer: a copy sent twice in a request shares the first copy's.
    if (this.seen.has(id)) return;
    this.seen.add(id);
    if (answer.status !== "rejected") {
      this.body[answer.status].push(id);
      return;
    }
    const field = answer.field === undefined ? undefined : cut(answer.field, MAX_FIELD_CHARS);
    const reason = cut(answer.reason, MAX_REASON_CHARS);
    const key = `${field ?? ""}\n${reason}`;
    let group = this.groups.get(key);
    if (!group) {
      const cost = key.length + 32;
      if (cost <= this.budget) {
        this.budget -= cost;
        group = field === undefined ? { ids: [], reason } : { ids: [], reason, field };
        this.groups.set(key, group);
      } else {
        group = this.groups.get(MORE) ?? { ids: [], reason: MORE };
        this.groups.set(MORE, group);
      }
      if (!this.body.rejected.includes(group)) this.body.rejected.push(group);
    }
    group.ids.push(id);
  }

  /** The response: 200 all accepted, 503 all to retry, 400 none usable, 207 a mix. */
  response(retryAfterMs: number | undefined, headers: Record<string, string>, defaultRetryMs: number): Response {
    const { accepted, retry, rejected } = this.counts;
    const total = accepted + retry + rejected;
    const body = this.body;
    const extra = { ...headers };
    if (retry > 0) {
      body.retryAfterMs = retryAfterMs ?? defaultRetryMs;
      if (retryAfterMs !== undefined || retry === total) extra["retry-after"] = formatRetryAfter(body.retryAfterMs);
    }
    if (accepted === total) return relayJson(200, body, extra);
    if (retry === total) return relayJson(503, body, extra);
    if (rejected === total) return relayJson(400, { ...body, error: "no event could be accepted" }, extra);
    return relayJson(207, body, extra);
  }
}

/** A relay answer as JSON, never cached. */
export function relayJson(status: number, body: RelayResponse, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/** The answer to a request that could not be used at all. */
export function refusal(status: number, error: string, headers: Record<string, string> = {}): Response {
  return relayJson(status, { accepted: [], retry: [], rejected: [], error }, headers);
}
