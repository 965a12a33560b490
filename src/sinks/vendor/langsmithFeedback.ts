import type { FeedbackEvent, JsonValue } from "../../events/types";
import { answerField, type VendorRecords, vendorRecords } from "./answers";
import { isUuid } from "./signal";
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
export function langsmithRunId(event: Pick<FeedbackEvent, "runId" | "traceId">): string | undefined {
  if (isUuid(event.runId)) return event.runId.toLowerCase();
  if (isUuid(event.traceId)) return event.traceId.toLowerCase();
  return undefined;
}

// LangSmith refuses scores with more than 4 decimal places (its own SDK rounds them the same way).
function langsmithScore(score: number): number {
  return Number(score.toFixed(4));
}

/**
 * LangSmith feedback for each answer of an event, on that answer's run, and a sentence for each answer
 * without a run id. A preference gives feedback on both runs under the key `user_preference`: score 1 for the
 * chosen answer and 0 for the other (0.5 for both on a tie), value `chosen` / `rejected` / `tie`, the pair's
 * `feedbackKey` in the metadata.
 */
export function langsmithFeedback(event: FeedbackEvent): VendorRecords<LangSmithFeedback> {
  return vendorRecords(event, (answer) => {
    const runId = langsmithRunId(answer);
    if (!runId) {
      return answer.side
        ? `LangSmith needs ${answerField(answer, "runId")} (a UUID) on the event, or a UUID ${answerField(answer, "traceId")}, to give the ${answer.side} answer feedback`
        : "LangSmith needs a runId (a UUID) on the event, or a UUID traceId, to attach feedback to";
    }
    const { signal } = answer;
    return {
      id: stableId(answer.recordKey, signal.name),
      runId,
      key: signal.name,
      ...(signal.score !== undefined ? { score: langsmithScore(signal.score) } : {}),
      ...(signal.label !== undefined ? { value: signal.label } : {}),
      ...(signal.comment ? { comment: signal.comment } : {}),
      ...(signal.correction !== undefined ? { correction: signal.correction } : {}),
      metadata: { ...answer.details, ...signal.details },
      withdrawn: signal.withdrawn === true,
    };
  });
}
