import type { FeedbackEvent } from "../events/types";
import { outcomeOfStatus, toSendResult } from "./http/outcome";
import { acceptAll, type FeedbackSink, type SendResult } from "./types";

/** Options of `httpSink`. */
export interface HttpSinkOptions {
  /** Where batches are POSTed as `{"events": [...]}`. */
  url: string;
  /** Sent with every request, e.g. an `Authorization` for your relay (never a vendor's secret key). */
  headers?: Record<string, string>;
  /** `fetch` credentials mode (default `"same-origin"`). */
  credentials?: RequestCredentials;
  /**
   * Page-exit requests go as `text/plain` with no custom headers: a CORS "simple" request, so no preflight
   * has to finish while the page closes. Your endpoint must then read a text/plain body as JSON, and should
   * not rely on `headers` for those requests.
   */
  beacon?: boolean;
  /** Shown in error reports and names the stored queue (default `"http <url>"`). */
  name?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/**
 * What an endpoint may answer, with a 2xx, to say what became of each event: one result per event, or (what the
 * relay answers) the ids by status. Without such a body a 2xx accepts the whole batch. An id the answer leaves
 * out is sent again.
 *
 * @example
 * ```json
 * { "results": [
 *   { "id": "0193…a1", "status": "accepted" },
 *   { "id": "0193…a2", "status": "rejected", "reason": "unknown messageId" },
 *   { "id": "0193…a3", "status": "retry" }
 * ] }
 * ```
 * or
 * ```json
 * { "accepted": ["0193…a1"], "retry": ["0193…a3"], "rejected": [{ "ids": ["0193…a2"], "reason": "unknown messageId" }] }
 * ```
 */
export type HttpSinkResponse =
  | { results: { id: string; status: "accepted" | "rejected" | "retry"; reason?: string }[] }
  | { accepted: string[]; retry?: string[]; rejected?: { ids: string[]; reason?: string }[] };

type Answer = [id: unknown, status: unknown, reason?: unknown];

// Each answered id with its status, from either form; undefined for a body that is neither.
function answersOf(body: unknown): Answer[] | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { results, accepted, retry = [], rejected = [] } = body as Record<string, unknown>;
  if (Array.isArray(results)) {
    return results.map((item) => [item?.id, item?.status, item?.reason]);
  }
  if (!Array.isArray(accepted) || !Array.isArray(retry) || !Array.isArray(rejected)) return undefined;
  return [
    ...accepted.map((id): Answer => [id, "accepted"]),
    ...retry.map((id): Answer => [id, "retry"]),
    ...rejected.flatMap((group) =>
      (Array.isArray(group?.ids) ? group.ids : []).map((id: unknown): Answer => [id, "rejected", group.reason]),
    ),
  ];
}

/** Maps a per-event answer onto the batch; ids it does not name are left for retry. */
function resultFromAnswers(events: readonly FeedbackEvent[], answers: Answer[]): SendResult {
  const inBatch = new Set(events.map((event) => event.id));
  const result: SendResult = { accepted: [], retry: [], rejected: [] };
  const named = new Set<string>();
  for (const [id, status, reason] of answers) {
    if (typeof id !== "string" || !inBatch.has(id) || named.has(id)) continue;
    named.add(id);
    if (status === "accepted") result.accepted.push(id);
    else if (status === "rejected")
      result.rejected.push({ id, reason: typeof reason === "string" ? reason : "rejected" });
    else result.retry.push(id);
  }
  for (const id of inBatch) if (!named.has(id)) result.retry.push(id);
  if (result.retry.length > 0) result.reason = "the endpoint asked to retry some events";
  return result;
}

/** The body as JSON when the endpoint says it is JSON, else undefined. */
function jsonBody(response: Response, body: string): unknown {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Sends batches to your own endpoint (or a relay in front of a vendor) as `POST {"events": [...]}` JSON.
 * 2xx accepts (or follows a per-event `HttpSinkResponse`); 408, 429, 5xx and network errors are retried, with
 * `Retry-After` (seconds or an HTTP date) honoured; any other status refuses the batch for good, with the
 * endpoint's `message`, `detail` or text as the reason (the rules every sink shares). While the page
 * closes it sends with `keepalive`, as `text/plain` in `beacon` mode.
 *
 * @example
 * ```tsx
 * <FeedbackProvider sink={httpSink({ url: "/api/feedback", beacon: true })}>
 *   <Chat />
 * </FeedbackProvider>
 * ```
 */
export function httpSink(options: HttpSinkOptions): FeedbackSink {
  const { url, headers = {}, credentials = "same-origin", beacon = false } = options;
  return {
    name: options.name ?? `http ${url}`,
    secrets: Object.values(headers),
    async send(events, { signal, keepalive }) {
      const payload = JSON.stringify({ events });
      const simple = keepalive && beacon;
      const doFetch = options.fetch ?? globalThis.fetch;
      if (simple && typeof Request !== "undefined" && !("keepalive" in Request.prototype)) {
        // No fetch keepalive here (older Firefox): a beacon is the only request that outlives the page. The
        // browser only says it queued it, so it counts as accepted.
        const queued = globalThis.navigator?.sendBeacon?.(
          url,
          new Blob([payload], { type: "text/plain;charset=UTF-8" }),
        );
        if (queued) return acceptAll(events);
        throw new Error("the browser refused the beacon");
      }
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          body: payload,
          keepalive,
          signal,
          credentials,
          headers: simple
            ? { "Content-Type": "text/plain;charset=UTF-8" }
            : { ...headers, "Content-Type": "application/json" },
        });
      } catch (cause) {
        throw new Error(`network error: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
      const body = await response.text().catch(() => "");
      const outcome = outcomeOfStatus(response.status, response.headers, body);
      if (outcome.status !== "accepted") return toSendResult(new Map(events.map((event) => [event.id, outcome])));
      const answer = jsonBody(response, body);
      const answers = answersOf(answer);
      return answers ? resultFromAnswers(events, answers) : acceptAll(events);
    },
  };
}
