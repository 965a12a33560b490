import type { RegressionCase } from "../../../datasets/types";
import type { JsonValue, PromptMessage } from "../../../events/types";
import { stableId } from "../stableId";

/**
 * One regression case as a dataset item, the same for every vendor: the prompt to run again as input, the user's
 * corrected answer (when they edited the bad one) as expected output, and the rest as metadata.
 */
export interface RegressionItem {
  /** A UUID from the dataset's name and the message: the same failure pushed again is the same item. */
  id: string;
  input: { messages: PromptMessage[] };
  /** `{ output }`: the user's final text of an edit of the bad answer. */
  expectedOutput?: { output: string };
  metadata: Record<string, JsonValue>;
  /** The trace and span that produced the bad answer, and its LangSmith run, to link the item to its source. */
  traceId: string | null;
  spanId: string | null;
  runId: string | null;
}

/** What `push` learned about the message besides the case itself. */
export interface CaseContext {
  /** The final text of the user's latest edit of that answer. */
  correction?: string;
  /** The LangSmith run of the answer (a UUID). */
  runId?: string;
}

/**
 * Turns a regression case into a dataset item. Vendors that keep an item's id per project (Langfuse) need the
 * id to differ between datasets: it is derived from both the dataset's name and the message id.
 *
 * @example
 * ```ts
 * const item = regressionItem("checkout-failures", testCase, { correction: "Canberra." });
 * // item.input.messages is the prompt; item.expectedOutput is { output: "Canberra." }
 * ```
 */
export function regressionItem(dataset: string, testCase: RegressionCase, context: CaseContext = {}): RegressionItem {
  return {
    id: stableId(`${dataset}\u0000${testCase.messageId}`, "regression"),
    input: { messages: testCase.prompt },
    ...(context.correction !== undefined ? { expectedOutput: { output: context.correction } } : {}),
    metadata: {
      badOutput: testCase.badOutput,
      reasons: testCase.reasons,
      comment: testCase.comment,
      signal: testCase.signal,
      messageId: testCase.messageId,
      traceId: testCase.traceId,
      spanId: testCase.spanId,
      source: "react-feedback-loop",
    },
    traceId: testCase.traceId,
    spanId: testCase.spanId,
    runId: context.runId ?? null,
  };
}
