import { deliveryQueue } from "../delivery/lazyDeliveryQueue";
import type { FeedbackEvent } from "../events/types";
import { parseRetryAfter } from "./retryAfter";
import { acceptAll, type FeedbackSink, rejectAll, retryAll, type SendResult } from "./types";

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
 * What an endpoint may answer, with a 2xx, to say what became of each event. Without such a body a 2xx
 * accepts the whole batch. An id the answer leaves out is sent again.
 *
 * @example
 * ```json
 * { "results": [
 *   { "id": "0193…a1", "status": "accepted" },
 *   { "id": "0193…a2", "status": "rejected", "reason": "unknown messageId" },
 *   { "id": "0193…a3", "status": "retry" }
 * ] }
 * ```
 */
export interface HttpSinkResponse {
  results: { id: string; status: "accepted" | "rejected" | "retry"; reason?: string }[];
}

function isHttpSinkResponse(body: unknown): body is HttpSinkResponse {
  return (
    typeof body === "object" &&
    body !== null &&
    Array.isArray((body as HttpSinkResponse).results) &&
    (body as HttpSinkResponse).results.every(
      (item) => typeof item === "object" && item !== null && typeof item.id === "string",
    )
  );
}

/** Maps a per-event answer onto the batch; ids it does not name are left for retry. */
function resultFromBody(events: readonly FeedbackEvent[], body: HttpSinkResponse): SendResult {
  const inBatch = new Set(events.map((event) => event.id));
  const result: SendResult = { accepted: [], retry: [], rejected: [] };
  const named = new Set<string>();
  for (const item of body.results) {
    if (!inBatch.has(item.id) || named.has(item.id)) continue;
    named.add(item.id);
    if (item.status === "accepted") result.accepted.push(item.id);
    else if (item.status === "rejected") result.rejected.push({ id: item.id, reason: item.reason ?? "rejected" });
    else result.retry.push(item.id);
  }
  for (const id of inBatch) if (!named.has(id)) result.retry.push(id);
  if (result.retry.length > 0) result.reason = "the endpoint asked to retry some events";
  return result;
}

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function readSnippet(response: Response): Promise<string> {
  try {
    const text = (await response.text()).trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return "";
  }
}

/** Statuses worth trying again: the request timed out, the server is busy or broken. */
function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500 || status < 200;
}

/**
 * Sends batches to your own endpoint (or a relay in front of a vendor) as `POST {"events": [...]}` JSON.
 * 2xx accepts (or follows a per-event `HttpSinkResponse`); 408, 429, 5xx and network errors are retried, with
 * `Retry-After` (seconds or an HTTP date) honoured; any other 4xx refuses the batch for good. While the page
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
    delivery: deliveryQueue,
    async send(events, { signal, keepalive }) {
      const body = JSON.stringify({ events });
      const simple = keepalive && beacon;
      const doFetch = options.fetch ?? globalThis.fetch;
      if (simple && typeof Request !== "undefined" && !("keepalive" in Request.prototype)) {
        // No fetch keepalive here (older Firefox): a beacon is the only request that outlives the page. The
        // browser only says it queued it, so it counts as accepted.
        const queued = globalThis.navigator?.sendBeacon?.(url, new Blob([body], { type: "text/plain;charset=UTF-8" }));
        if (queued) return acceptAll(events);
        throw new Error("the browser refused the beacon");
      }
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          body,
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
      const { status } = response;
      if (status >= 200 && status < 300) {
        const answer = await readJson(response);
        return isHttpSinkResponse(answer) ? resultFromBody(events, answer) : acceptAll(events);
      }
      if (isRetryable(status)) {
        void response.body?.cancel().catch(() => undefined);
        return retryAll(events, parseRetryAfter(response.headers.get("retry-after")), `HTTP ${status}`);
      }
      const snippet = await readSnippet(response);
      return rejectAll(events, `HTTP ${status}${snippet ? `: ${snippet}` : ""}`);
    },
  };
}
