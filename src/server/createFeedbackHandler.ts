import { FeedbackError } from "../errors";
import type { FeedbackEvent } from "../events/types";
import { validateEvent } from "../events/validate";
import { fanoutSink } from "../sinks/fanoutSink";
import { formatRetryAfter, type Outcome } from "../sinks/http/outcome";
import type { FeedbackSink, SendResult } from "../sinks/types";
import { type CorsOptions, corsHeaders, preflight } from "./cors";
import { BodyTooLarge, readBody } from "./readBody";
import { RecentOutcomes } from "./recentOutcomes";

/** A fetch-standard request handler: Next.js route handlers, Hono, Remix, Bun, Deno, workers. */
export type FeedbackHandler = (request: Request) => Promise<Response>;

export interface FeedbackHandlerOptions {
  /** Where accepted events go; several sinks are fanned out (an event counts once every sink has it). */
  sinks: FeedbackSink | readonly FeedbackSink[];
  /**
   * Decides whether a request may send feedback (a session cookie, a token). Return `false` for a 401, or a
   * `Response` of your own.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /** Browser origins allowed to call the relay from another origin. Default: same origin only. */
  cors?: CorsOptions;
  /** Largest body read, in bytes; larger requests get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How long the sinks may take for one request before its events are answered `retry`. Default 15 s. */
  timeoutMs?: number;
  /** How many event ids are remembered to answer duplicates without sending them again. Default 10,000. */
  rememberIds?: number;
  /** Server-side report of sink failures and refusals (for your logs; never sent to the browser). */
  onError?: (error: FeedbackError) => void;
}

/** The relay's answer for one event. */
export interface RelayResult {
  id: string;
  status: "accepted" | "rejected" | "retry";
  reason?: string;
  /** For an event that broke the contract: the offending field. */
  field?: string;
}

/** The relay's response body. */
export interface RelayResponse {
  results: RelayResult[];
  /** Set when the request itself was unusable. */
  error?: string;
  /** The longest wait a sink asked for, when some events should be sent again. */
  retryAfterMs?: number;
}

const MIB = 1024 * 1024;
const DEFAULT_RETRY_MS = 5000;
// Whatever a vendor echoes in an error, keys and credentials never leave the server.
const SECRET_PATTERNS = [
  /\b(?:sk|pk)-lf-[\w-]+/g,
  /\blsv2_[\w-]+/g,
  /\b(?:Bearer|Basic)\s+[\w.~+/=-]+/gi,
  /\b(?:api[_-]?key|token|secret|password)\b["']?\s*[:=]\s*["']?[^\s"',}]+/gi,
];

function safeReason(reason: string): string {
  let text = reason;
  for (const pattern of SECRET_PATTERNS) text = text.replace(pattern, "[redacted]");
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function json(status: number, body: RelayResponse, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/**
 * The server relay: takes `{ events: [...] }` from the browser (JSON, or text/plain from a beacon), checks each
 * event against the contract, drops duplicates by event id, forwards the rest to sinks that hold secret keys,
 * and answers per event: 200 all accepted, 207 mixed, 503 with `Retry-After` when all should be retried, 400
 * when nothing was usable, 413 when the body is too large. No key, header or sink setting ever appears in a
 * response.
 *
 * @example
 * ```ts
 * // app/api/feedback/route.ts (Next.js)
 * import { createFeedbackHandler, langfuseSink } from "react-feedback-loop/server";
 * export const POST = createFeedbackHandler({
 *   sinks: [langfuseSink({ baseUrl: process.env.LANGFUSE_BASE_URL!, publicKey: process.env.LANGFUSE_PUBLIC_KEY!,
 *     secretKey: process.env.LANGFUSE_SECRET_KEY })],
 * });
 * ```
 */
export function createFeedbackHandler(options: FeedbackHandlerOptions): FeedbackHandler {
  const sinks = Array.isArray(options.sinks) ? options.sinks : [options.sinks as FeedbackSink];
  if (sinks.length === 0) {
    throw new FeedbackError("config", "createFeedbackHandler needs at least one sink in `sinks`.");
  }
  const sink = sinks.length === 1 ? (sinks[0] as FeedbackSink) : fanoutSink(...sinks);
  const maxBodyBytes = options.maxBodyBytes ?? MIB;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const recent = new RecentOutcomes(options.rememberIds ?? 10_000);
  const inFlight = new Set<string>();
  const report = (error: FeedbackError) => {
    try {
      options.onError?.(error);
    } catch {
      // A failing logger must not turn into a failed request.
    }
  };

  function rememberLate(result: SendResult | undefined) {
    for (const id of result?.accepted ?? []) recent.remember(id, { status: "accepted" });
    for (const { id, reason } of result?.rejected ?? [])
      recent.remember(id, { status: "rejected", reason: safeReason(reason) });
  }

  async function forward(events: FeedbackEvent[]): Promise<Map<string, Outcome> & { retryAfterMs?: number }> {
    const outcomes: Map<string, Outcome> & { retryAfterMs?: number } = new Map();
    if (events.length === 0) return outcomes;
    for (const event of events) inFlight.add(event.id);
    let sending: Promise<SendResult> | undefined;
    try {
      const result = await withDeadline((signal) => {
        sending = sink.send(events, { signal, keepalive: false });
        return sending;
      }, timeoutMs);
      for (const id of result.accepted) outcomes.set(id, { status: "accepted" });
      for (const { id, reason } of result.rejected)
        outcomes.set(id, { status: "rejected", reason: safeReason(reason) });
      outcomes.retryAfterMs = result.retryAfterMs;
      if (result.rejected.length > 0) {
        report(
          new FeedbackError(
            "rejected",
            `${sink.name} refused ${result.rejected.length} event(s): ${result.rejected[0]?.reason}`,
            {
              eventIds: result.rejected.map((item) => item.id),
            },
          ),
        );
      }
    } catch (cause) {
      report(
        new FeedbackError("sink", `${sink.name} failed; the events will be retried.`, {
          cause,
          eventIds: events.map((e) => e.id),
        }),
      );
    } finally {
      // An id stays claimed until its send settles, past the deadline too: a retry meanwhile is answered
      // `retry` and never reaches the sinks a second time, and what a late send achieved answers the next one.
      void Promise.resolve(sending)
        .then(rememberLate, () => undefined)
        .finally(() => {
          for (const event of events) inFlight.delete(event.id);
        });
    }
    for (const event of events) {
      const outcome = outcomes.get(event.id) ?? { status: "retry" };
      outcomes.set(event.id, outcome);
      recent.remember(event.id, outcome);
    }
    return outcomes;
  }

  return async function handleFeedback(request: Request): Promise<Response> {
    const cors = corsHeaders(options.cors, request.headers.get("origin"));
    if (request.method === "OPTIONS") return preflight(options.cors, request);
    if (request.method !== "POST") {
      return json(405, { results: [], error: "use POST" }, { ...cors, allow: "POST, OPTIONS" });
    }
    if (options.authorize) {
      const verdict = await options.authorize(request);
      if (verdict instanceof Response) return verdict;
      if (!verdict) return json(401, { results: [], error: "not authorized to send feedback" }, cors);
    }
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type && type !== "application/json" && type !== "text/plain") {
      return json(415, { results: [], error: "send JSON (application/json or text/plain)" }, cors);
    }
    let text: string;
    try {
      text = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return json(413, { results: [], error: `the body is larger than ${maxBodyBytes} bytes` }, cors);
      }
      return json(400, { results: [], error: "the body could not be read" }, cors);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(400, { results: [], error: "the body is not JSON" }, cors);
    }
    const incoming = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(incoming)) {
      return json(400, { results: [], error: 'the body must be {"events": [...]}' }, cors);
    }

    const answers: (RelayResult | string)[] = [];
    const toSend = new Map<string, FeedbackEvent>();
    for (const event of incoming) {
      const id = typeof (event as { id?: unknown } | null)?.id === "string" ? (event as { id: string }).id : "";
      const problem = validateEvent(event);
      if (problem) {
        answers.push({ id, status: "rejected", reason: problem.message, field: problem.field });
        continue;
      }
      const known = recent.get(id);
      if (known) answers.push(toResult(id, known));
      else if (toSend.has(id)) answers.push(id);
      else if (inFlight.has(id)) answers.push({ id, status: "retry", reason: "already being delivered" });
      else {
        toSend.set(id, event as FeedbackEvent);
        answers.push(id);
      }
    }
    const outcomes = await forward([...toSend.values()]);
    const results = answers.map((answer) =>
      typeof answer === "string" ? toResult(answer, outcomes.get(answer) ?? { status: "retry" }) : answer,
    );
    return respond(results, outcomes.retryAfterMs, cors);
  };
}

/**
 * Runs `task` with a signal that aborts after `ms`, and gives up waiting then even if the task ignores the
 * signal, so the browser always gets an answer (its events are answered `retry`; stable vendor ids make a late
 * success harmless).
 */
async function withDeadline<T>(task: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`the sinks took longer than ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([task(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function toResult(id: string, outcome: Outcome): RelayResult {
  return outcome.status === "rejected"
    ? { id, status: "rejected", reason: outcome.reason }
    : { id, status: outcome.status };
}

function respond(results: RelayResult[], retryAfterMs: number | undefined, cors: Record<string, string>): Response {
  const count = (status: RelayResult["status"]) => results.filter((result) => result.status === status).length;
  const retry = count("retry");
  const rejected = count("rejected");
  const body: RelayResponse = { results };
  const headers = { ...cors };
  if (retry > 0) {
    body.retryAfterMs = retryAfterMs ?? DEFAULT_RETRY_MS;
    if (retryAfterMs !== undefined || retry === results.length) {
      headers["retry-after"] = formatRetryAfter(body.retryAfterMs);
    }
  }
  if (results.length === 0 || count("accepted") === results.length) return json(200, body, headers);
  if (retry === results.length) return json(503, body, headers);
  if (rejected === results.length) return json(400, { ...body, error: "no event could be accepted" }, headers);
  return json(207, body, headers);
}
