import type { FeedbackEvent, JsonValue } from "../../events/types";
import { envelopeDetails, isUuid, toSignal } from "./signal";
import { stableId } from "./stableId";

/** The fields LangSmith reads from feedback, shared by its `/feedback` API and its presigned token URLs. */
export interface LangSmithFeedback {
  /** Stable UUID derived from `feedbackKey`: a changed vote updates the same feedback. */
  id: string;
  /** The run the feedback is about. */
  runId: string;
  key: string;
  score?: number;
  value?: string;
  comment?: string;
  correction?: string;
  metadata: Record<string, JsonValue>;
  /** True for a withdrawn vote: the feedback should disappear. */
  withdrawn: boolean;
}

/** The run of an event: its `runId`, or its trace id when that is a UUID (a LangSmith root run's id). */
export function langsmithRunId(event: FeedbackEvent): string | undefined {
  if (isUuid(event.runId)) return event.runId.toLowerCase();
  if (isUuid(event.traceId)) return event.traceId.toLowerCase();
  return undefined;
}

// LangSmith refuses scores with more than 4 decimal places (its own SDK rounds them the same way).
function langsmithScore(score: number): number {
  return Number(score.toFixed(4));
}

/** LangSmith feedback for one event, or a sentence saying why there can be none (no run id). */
export function langsmithFeedback(event: FeedbackEvent): LangSmithFeedback | string {
  const runId = langsmithRunId(event);
  if (!runId) return "LangSmith needs a runId (a UUID) on the event, or a UUID traceId, to attach feedback to";
  const signal = toSignal(event);
  return {
    id: stableId(event.feedbackKey, signal.name),
    runId,
    key: signal.name,
    ...(signal.score !== undefined ? { score: langsmithScore(signal.score) } : {}),
    ...(signal.label !== undefined ? { value: signal.label } : {}),
    ...(signal.comment ? { comment: signal.comment } : {}),
    ...(signal.correction !== undefined ? { correction: signal.correction } : {}),
    metadata: { ...envelopeDetails(event), ...signal.details },
    withdrawn: signal.withdrawn === true,
  };
}
