// The server entry: no React, no DOM. Runs in Node 20 and in edge runtimes (only web-standard globals).

export { bucketByErrorMode } from "./datasets/bucketByErrorMode";
export { samePromptKey } from "./datasets/samePrompt";
export { toKto } from "./datasets/toKto";
export { toPreferencePairs } from "./datasets/toPreferencePairs";
export { toRegressionSet } from "./datasets/toRegressionSet";
export type * from "./datasets/types";
export { FeedbackError, type FeedbackErrorKind } from "./errors";
export { cutText, MAX_TEXT_BYTES } from "./events/limits";
export type * from "./events/types";
export { type ContractViolation, isFeedbackEvent, validateEvent } from "./events/validate";
export { callbackSink } from "./sinks/callbackSink";
export { consoleSink } from "./sinks/consoleSink";
export { fanoutSink } from "./sinks/fanoutSink";
export { type MemorySink, memorySink } from "./sinks/memorySink";
export {
  acceptAll,
  type FeedbackSink,
  type RejectedEvent,
  rejectAll,
  retryAll,
  type SendOptions,
  type SendResult,
} from "./sinks/types";
