import { type HttpAnswer, type Outcome, outcomeOfStatus } from "../http/outcome";
import { stableId } from "./stableId";

/** One `score-create` item of Langfuse's `POST /api/public/ingestion` batch (its `IngestionEvent`). */
export interface LangfuseScoreCreate<Body> {
  /** Stable per score and event, so a retried batch lands on the same ingestion event. */
  id: string;
  /** When the user acted (the event's `ts`): Langfuse stores it as the score's timestamp. */
  timestamp: string;
  type: "score-create";
  body: Body;
}

/** Wraps a score as an ingestion item. */
export function scoreCreate<Body extends { id: string }>(
  body: Body,
  eventId: string,
  ts: string,
): LangfuseScoreCreate<Body> {
  return { id: stableId(`${body.id}:${eventId}`, "score-create"), timestamp: ts, type: "score-create", body };
}

interface IngestionItemResult {
  id?: unknown;
  status?: unknown;
  message?: unknown;
  error?: unknown;
}

// One item's result read as its own HTTP answer, so it is classified like any other.
function itemOutcome(result: IngestionItemResult): Outcome {
  const status = typeof result.status === "number" ? result.status : 500;
  const message = typeof result.message === "string" ? result.message : result.error;
  return outcomeOfStatus(status, new Headers(), JSON.stringify({ message: message ?? "" }));
}

/**
 * Reads Langfuse's `207` ingestion answer (`{ successes: [{id, status}], errors: [{id, status, message}] }`) as
 * one outcome per item id: a success is stored, an error with 408, 429 or 5xx is tried again, any other error
 * is refused with Langfuse's message. An item named nowhere is tried again, so it is never lost.
 */
export function ingestionOutcomes(ids: readonly string[], answer: HttpAnswer): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  let parsed: { successes?: IngestionItemResult[]; errors?: IngestionItemResult[] } = {};
  try {
    parsed = JSON.parse(answer.body) as typeof parsed;
  } catch {
    // Not the documented answer: every item is tried again below.
  }
  for (const result of [...(parsed.successes ?? []), ...(parsed.errors ?? [])]) {
    if (typeof result.id === "string") outcomes.set(result.id, itemOutcome(result));
  }
  for (const id of ids) if (!outcomes.has(id)) outcomes.set(id, { status: "retry" });
  return outcomes;
}
