import { FeedbackError } from "../errors";
import type { FeedbackEvent } from "../events/types";
import { validateEvent } from "../events/validate";
import { fanoutSink } from "../sinks/fanoutSink";
import type { Outcome } from "../sinks/http/outcome";
import type { FeedbackSink, SendResult } from "../sinks/types";
import { type CorsOptions, checkCors, corsHeaders, originAllowed, preflight } from "./cors";
import { BodyTooLarge, readBody } from "./readBody";
import { RecentOutcomes } from "./recentOutcomes";
import { type EventAnswer, RelayAnswerBuilder, refusal } from "./relayAnswer";
import { secretScrubber } from "./scrubSecrets";

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
  /**
   * Browser origins allowed to call the relay from another origin. Default: same origin only. A request whose
   * `Origin` is not allowed gets 403 and nothing is stored, a `text/plain` beacon included.
   */
  cors?: CorsOptions;
  /** Largest body read, in bytes; larger requests get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Most events in one request; more get 413. Default 1,000. */
  maxEvents?: number;
  /** How long the sinks may take for one request before its events are answered `retry`. Default 15 s. */
  timeoutMs?: number;
  /** How many event ids are remembered to answer duplicates without sending them again. Default 10,000. */
  rememberIds?: number;
  /**
   * Secret values besides the ones the sinks declare (a key inside a custom sink): they and their base64 and
   * URL-encoded forms never appear in a response or in what `onError` hears.
   */
  secrets?: readonly string[];
  /** Server-side report of sink failures and refusals (for your logs; never sent to the browser), secrets scrubbed. */
  onError?: (error: FeedbackError) => void;
}

export type { RelayRejection, RelayResponse } from "./relayAnswer";

const MIB = 1024 * 1024;
const DEFAULT_RETRY_MS = 5000;

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
  checkCors(options.cors);
  const sink = sinks.length === 1 ? (sinks[0] as FeedbackSink) : fanoutSink(...sinks);
  const maxBodyBytes = options.maxBodyBytes ?? MIB;
  const maxEvents = options.maxEvents ?? 1000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const recent = new RecentOutcomes(options.rememberIds ?? 10_000);
  const inFlight = new Set<string>();
  const scrub = secretScrubber([...(options.secrets ?? []), ...(sink.secrets ?? [])]);
  const report = (error: FeedbackError) => {
    if (!options.onError) return;
    const cause = (error as { cause?: unknown }).cause;
    try {
      options.onError(
        new FeedbackError(error.kind, scrub(error.message), {
          eventIds: error.eventIds,
          // The cause's text can hold a URL or a header a sink used: only its scrubbed message goes on.
          cause:
            cause === undefined ? undefined : new Error(scrub(cause instanceof Error ? cause.message : String(cause))),
        }),
      );
    } catch {
      // A failing logger must not turn into a failed request.
    }
  };

  function rememberLate(result: SendResult | undefined) {
    for (const id of result?.accepted ?? []) recent.remember(id, { status: "accepted" });
    for (const { id, reason } of result?.rejected ?? [])
      recent.remember(id, { status: "rejected", reason: scrub(reason) });
  }

  async function forward(events: FeedbackEvent[]): Promise<Map<string, Outcome> & { retryAfterMs?: number }> {
    const outcomes: Map<string, Outcome> & { retryAfterMs?: number } = new Map();
    if (events.length === 0) return outcomes;
    for (const event of events) inFlight.add(event.id);
    let sending: Promise<SendResult> | undefined;
    // True once the send settled within the deadline: its outcomes are remembered below, not a second time.
    let inTime = false;
    try {
      const result = await withDeadline((signal) => {
        sending = sink.send(events, { signal, keepalive: false });
        return sending;
      }, timeoutMs);
      inTime = true;
      for (const id of result.accepted) outcomes.set(id, { status: "accepted" });
      for (const { id, reason } of result.rejected) outcomes.set(id, { status: "rejected", reason: scrub(reason) });
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
        .then(
          (result) => (inTime ? undefined : rememberLate(result)),
          () => undefined,
        )
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
    const cors = corsHeaders(options.cors, request);
    if (request.method === "OPTIONS") return preflight(options.cors, request);
    // Checked on the request itself, not left to the browser: a text/plain beacon needs no preflight, so a page
    // of any origin could otherwise write into the store.
    if (!originAllowed(options.cors, request)) return refusal(403, "this origin may not send feedback here");
    if (request.method !== "POST") {
      return refusal(405, "use POST", { ...cors, allow: "POST, OPTIONS" });
    }
    if (options.authorize) {
      const verdict = await options.authorize(request);
      if (verdict instanceof Response) return verdict;
      if (!verdict) return refusal(401, "not authorized to send feedback", cors);
    }
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type && type !== "application/json" && type !== "text/plain") {
      return refusal(415, "send JSON (application/json or text/plain)", cors);
    }
    let text: string;
    try {
      text = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return refusal(413, `the body is larger than ${maxBodyBytes} bytes`, cors);
      return refusal(400, "the body could not be read", cors);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refusal(400, "the body is not JSON", cors);
    }
    const incoming = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(incoming)) return refusal(400, 'the body must be {"events": [...]}', cors);
    if (incoming.length > maxEvents) {
      return refusal(413, `a request holds at most ${maxEvents} events (this one had ${incoming.length})`, cors);
    }

    // Each event's answer, or its id when the sinks decide it.
    const answers: (EventAnswer | string)[] = [];
    const toSend = new Map<string, FeedbackEvent>();
    for (const event of incoming) {
      const id = typeof (event as { id?: unknown } | null)?.id === "string" ? (event as { id: string }).id : "";
      const problem = validateEvent(event);
      if (problem) {
        answers.push({ status: "rejected", reason: problem.message, field: problem.field });
        continue;
      }
      const known = recent.get(id);
      if (known) answers.push(known);
      else if (inFlight.has(id)) answers.push({ status: "retry" });
      else {
        if (!toSend.has(id)) toSend.set(id, event as FeedbackEvent);
        answers.push(id);
      }
    }
    const outcomes = await forward([...toSend.values()]);
    const answer = new RelayAnswerBuilder();
    incoming.forEach((event, i) => {
      const item = answers[i] as EventAnswer | string;
      answer.add(
        (event as { id?: unknown } | null)?.id,
        typeof item === "string" ? (outcomes.get(item) ?? { status: "retry" }) : item,
      );
    });
    return answer.response(outcomes.retryAfterMs, cors, DEFAULT_RETRY_MS);
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
