import type { FeedbackEvent } from "../events/types";
import { type Outcome, outcomeOf, toSendResult } from "./http/outcome";
import { callHttp, mapLimited, send } from "./http/request";
import type { FeedbackSink } from "./types";
import { eventOutcome } from "./vendor/answers";
import { type LangSmithFeedback, langsmithFeedback } from "./vendor/langsmithFeedback";

/** Where the feedback for one event may be posted: a presigned LangSmith URL, or nothing to skip it. */
export type FeedbackUrlResolver = (
  event: FeedbackEvent,
  feedback: { runId: string; key: string },
) => string | undefined | Promise<string | undefined>;

export interface LangSmithSinkOptions {
  /**
   * A presigned feedback URL for an event, made by your server with `createLangSmithFeedbackToken` (the API key
   * stays there). Either a function, or the path of an endpoint of your app: the sink POSTs
   * `{ runId, key }` to it and expects `{ url }` back.
   */
  feedbackUrl: FeedbackUrlResolver | string;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
}

function endpointResolver(endpoint: string, signal: AbortSignal): FeedbackUrlResolver {
  return async (_event, feedback) => {
    const answer = await callHttp({ url: endpoint, json: feedback }, { signal, keepalive: false });
    if (!answer || answer.status < 200 || answer.status >= 300) {
      throw Object.assign(new Error("token endpoint failed"), { answer });
    }
    try {
      const url = (JSON.parse(answer.body) as { url?: unknown }).url;
      return typeof url === "string" ? url : undefined;
    } catch {
      // Not the { url } answer: treated like no URL, which refuses the event with a reason.
      return undefined;
    }
  };
}

/** The JSON a presigned feedback URL takes. */
export function tokenBody(feedback: LangSmithFeedback): Record<string, unknown> {
  return {
    ...(feedback.score !== undefined ? { score: feedback.score } : {}),
    ...(feedback.value !== undefined ? { value: feedback.value } : {}),
    ...(feedback.comment ? { comment: feedback.comment } : {}),
    ...(feedback.correction !== undefined ? { correction: feedback.correction } : {}),
    metadata: { ...feedback.metadata, feedbackId: feedback.id },
  };
}

/**
 * Sends feedback to LangSmith from a browser without an API key, through presigned feedback URLs that your
 * server issues per run and key. Presigned URLs cannot choose the feedback id, so a changed vote adds a record
 * instead of replacing one (its `metadata.feedbackKey` tells them apart); `langsmithApiSink` behind the relay
 * updates in place.
 *
 * @example
 * ```tsx
 * // The endpoint calls createLangSmithFeedbackToken from react-feedback-loop/server and answers { url }.
 * const sink = langsmithSink({ feedbackUrl: "/api/langsmith-feedback-url" });
 * <FeedbackProvider sink={sink}>...</FeedbackProvider>
 * ```
 */
export function langsmithSink(options: LangSmithSinkOptions): FeedbackSink {
  const concurrency = options.concurrency ?? 4;
  return {
    name: "langsmith",
    async send(events, sendOptions) {
      const resolve =
        typeof options.feedbackUrl === "string"
          ? endpointResolver(options.feedbackUrl, sendOptions.signal)
          : options.feedbackUrl;
      // A presigned URL is for one run and key: a preference asks for one per answer.
      async function deliver(event: FeedbackEvent, feedback: LangSmithFeedback): Promise<Outcome> {
        let url: string | undefined;
        try {
          url = await resolve(event, { runId: feedback.runId, key: feedback.key });
        } catch (error) {
          const answer = (error as { answer?: { status: number; headers: Headers; body: string } }).answer;
          return outcomeOf(answer);
        }
        if (!url) return { status: "rejected", reason: "no presigned LangSmith feedback URL for this event" };
        return send({ url, json: tokenBody(feedback) }, sendOptions);
      }
      const outcomes = await mapLimited(events, concurrency, async (event): Promise<Outcome> => {
        const { records, skipped } = langsmithFeedback(event);
        const sent = await Promise.all(records.map((feedback) => deliver(event, feedback)));
        return eventOutcome(sent, skipped);
      });
      return toSendResult(new Map(events.map((event, i) => [event.id, outcomes[i] ?? { status: "retry" }])));
    },
  };
}
