import { FeedbackError } from "../errors";
import { errorText } from "../sinks/http/outcome";
import { trimSlash } from "../sinks/http/request";

export interface LangSmithFeedbackTokenOptions {
  /** A LangSmith API key (server side only; it never reaches the browser). */
  apiKey: string;
  /** Default `"https://api.smith.langchain.com"`. */
  apiUrl?: string;
  /** The run the browser may send feedback about. */
  runId: string;
  /** The feedback key the URL is for, e.g. `"user_feedback"` (see the README's key table). */
  feedbackKey: string;
  /** How long the URL works. Default 3 hours. */
  expiresIn?: { days?: number; hours?: number; minutes?: number };
  /** The workspace, for keys that reach several (`x-tenant-id`). */
  workspaceId?: string;
  signal?: AbortSignal;
}

/** A presigned LangSmith feedback URL. */
export interface LangSmithFeedbackToken {
  id: string;
  /** POST feedback JSON here, without any key. */
  url: string;
  expiresAt: string;
}

/**
 * Asks LangSmith for a presigned feedback URL (`POST /feedback/tokens`) for one run and key, for `langsmithSink`
 * in the browser. Throws a `FeedbackError` (kind `sink`) naming LangSmith's answer, never the key.
 *
 * @example
 * ```ts
 * // app/api/langsmith-feedback-url/route.ts
 * export async function POST(request: Request) {
 *   const { runId, key } = await request.json();
 *   // Check here that the signed-in user may rate this run.
 *   const { url } = await createLangSmithFeedbackToken({
 *     apiKey: process.env.LANGSMITH_API_KEY!, runId, feedbackKey: key,
 *   });
 *   return Response.json({ url });
 * }
 * ```
 */
export async function createLangSmithFeedbackToken(
  options: LangSmithFeedbackTokenOptions,
): Promise<LangSmithFeedbackToken> {
  const headers: Record<string, string> = { "x-api-key": options.apiKey, "content-type": "application/json" };
  if (options.workspaceId) headers["x-tenant-id"] = options.workspaceId;
  let response: Response;
  try {
    response = await fetch(`${trimSlash(options.apiUrl ?? "https://api.smith.langchain.com")}/feedback/tokens`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        run_id: options.runId,
        feedback_key: options.feedbackKey,
        expires_in: options.expiresIn ?? { hours: 3 },
      }),
      signal: options.signal,
    });
  } catch (cause) {
    throw new FeedbackError("sink", "Could not reach LangSmith to create a feedback URL.", { cause });
  }
  const body = await response.text();
  if (!response.ok) {
    throw new FeedbackError(
      "sink",
      `LangSmith refused to create a feedback URL (HTTP ${response.status}: ${errorText(body)}).`,
    );
  }
  const token = JSON.parse(body) as { id: string; url: string; expires_at: string };
  return { id: token.id, url: token.url, expiresAt: token.expires_at };
}
