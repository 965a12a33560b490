import { type Outcome, outcomeOf, outcomeOfStatus, toSendResult } from "./http/outcome";
import { callHttp, mapLimited, trimSlash } from "./http/request";
import type { FeedbackSink, SendOptions } from "./types";
import { eventOutcome } from "./vendor/answers";
import { type LangSmithFeedback, langsmithFeedback } from "./vendor/langsmithFeedback";

export interface LangSmithApiSinkOptions {
  /** A LangSmith API key: server side only. */
  apiKey: string;
  /** Default `"https://api.smith.langchain.com"`. */
  apiUrl?: string;
  /** The workspace, for keys that reach several (`x-tenant-id`). */
  workspaceId?: string;
  /**
   * The LangSmith project (tracing project) id the runs belong to, sent as `session_id`. LangSmith is making it
   * required on `POST /feedback`; deployments that store runs only in its newer backend cannot find a run without it.
   */
  projectId?: string;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
}

/** The body of LangSmith's `POST /feedback` (`FeedbackCreateSchema`); `projectId` goes in `session_id`. */
export function feedbackCreateBody(feedback: LangSmithFeedback, projectId?: string): Record<string, unknown> {
  return {
    id: feedback.id,
    run_id: feedback.runId,
    ...(projectId ? { session_id: projectId } : {}),
    key: feedback.key,
    ...(feedback.score !== undefined ? { score: feedback.score } : {}),
    ...(feedback.value !== undefined ? { value: feedback.value } : {}),
    ...(feedback.comment ? { comment: feedback.comment } : {}),
    ...(feedback.correction !== undefined ? { correction: feedback.correction } : {}),
    feedback_source: { type: "api", metadata: feedback.metadata },
  };
}

/**
 * Sends feedback to LangSmith's `/feedback` API with an API key, so it belongs on a server (behind
 * `createFeedbackHandler`). Each event's feedback id is derived from its `feedbackKey`: a changed vote updates
 * the same feedback, a withdrawn vote deletes it, and a retry never doubles it.
 *
 * @example
 * ```ts
 * import { createFeedbackHandler, langsmithApiSink } from "react-feedback-loop/server";
 * export const POST = createFeedbackHandler({
 *   sinks: [langsmithApiSink({ apiKey: process.env.LANGSMITH_API_KEY!, projectId: process.env.LANGSMITH_PROJECT_ID })],
 * });
 * ```
 */
export function langsmithApiSink(options: LangSmithApiSinkOptions): FeedbackSink {
  const base = trimSlash(options.apiUrl ?? "https://api.smith.langchain.com");
  const headers: Record<string, string> = { "x-api-key": options.apiKey };
  if (options.workspaceId) headers["x-tenant-id"] = options.workspaceId;
  const concurrency = options.concurrency ?? 4;

  async function deliver(feedback: LangSmithFeedback, sendOptions: SendOptions): Promise<Outcome> {
    const item = `${base}/feedback/${feedback.id}`;
    if (feedback.withdrawn) {
      const answer = await callHttp({ url: item, method: "DELETE", headers }, sendOptions);
      if (!answer) return { status: "retry" };
      // Nothing to delete is what a withdrawal wants.
      if (answer.status === 404) return { status: "accepted" };
      return outcomeOfStatus(answer.status, answer.headers, answer.body);
    }
    const created = await callHttp(
      { url: `${base}/feedback`, headers, json: feedbackCreateBody(feedback, options.projectId) },
      sendOptions,
    );
    if (!created) return { status: "retry" };
    if (created.status !== 409) return outcomeOfStatus(created.status, created.headers, created.body);
    // The id exists: the user changed their mind, so the feedback is updated in place.
    const { id: _id, run_id: _run, key: _key, feedback_source: _source, ...changes } = feedbackCreateBody(feedback);
    const updated = await callHttp(
      { url: item, method: "PATCH", headers, json: { score: null, value: null, comment: null, ...changes } },
      sendOptions,
    );
    return outcomeOf(updated);
  }

  return {
    name: "langsmith-api",
    secrets: [options.apiKey],
    async send(events, sendOptions) {
      const outcomes = await mapLimited(events, concurrency, async (event): Promise<Outcome> => {
        const { records, skipped } = langsmithFeedback(event);
        const sent = await Promise.all(records.map((feedback) => deliver(feedback, sendOptions)));
        return eventOutcome(sent, skipped);
      });
      return toSendResult(new Map(events.map((event, i) => [event.id, outcomes[i] ?? { status: "retry" }])));
    },
  };
}
