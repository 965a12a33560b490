import type { EmitInput } from "../events/createEvent";
import type { JsonObject, PreferenceStrength, PromptMessage } from "../events/types";

/** One answer a model gave to a prompt: a message of its own, with its own ids and trace. */
export interface AnswerVersion {
  /** The answer's message id. */
  messageId: string;
  /** The answer text as shown. */
  content: string;
  /** The trace that produced it (32-hex, or a UUID for LangSmith). */
  traceId?: string;
  /** The span or Langfuse observation that produced it (16-hex). */
  spanId?: string;
  /** The LangSmith run id. */
  runId?: string;
  /** The conversation that produced it (the same for every answer to one prompt). */
  prompt?: PromptMessage[];
  /** Merged into the `metadata` of the preference events about it. */
  metadata?: JsonObject;
}

/**
 * The `preference` event for `chosen` over `rejected`: the envelope (ids, trace, prompt) is the chosen answer's,
 * the other answer's ids and trace go in the `rejected*` fields, and both texts ride along. For a tie, `chosen`
 * is the first answer shown. `ComparePrompt` and `AnswerVersions` emit it for you; use it for a picker of your own.
 *
 * @example
 * ```tsx
 * const { emit } = useFeedback();
 * <button type="button" onClick={() => emit(preferenceInput(second, first, "clear", "compare"))}>Keep the second</button>
 * ```
 */
export function preferenceInput(
  chosen: AnswerVersion,
  rejected: AnswerVersion,
  strength: PreferenceStrength,
  source: "compare" | "kept",
): EmitInput<"preference"> & { type: "preference" } {
  // What an answer does not have stays `undefined`, and the event leaves it out.
  return {
    type: "preference",
    messageId: chosen.messageId,
    traceId: chosen.traceId,
    spanId: chosen.spanId,
    runId: chosen.runId,
    prompt: chosen.prompt ?? rejected.prompt,
    metadata: chosen.metadata,
    rejectedMessageId: rejected.messageId,
    rejectedTraceId: rejected.traceId,
    rejectedSpanId: rejected.spanId,
    rejectedRunId: rejected.runId,
    strength,
    source,
    chosen: chosen.content,
    rejected: rejected.content,
  };
}
