"use client";

// The client entry: widgets, hooks, the provider and the browser-safe sinks.

export type { ReportError, Transport } from "./delivery/types";
export { type DiffWordsOptions, diffWords, type WordDiff } from "./diff/diffWords";
export { editStats } from "./diff/editStats";
export { DiffView, type DiffViewLabels, type DiffViewProps } from "./edits/DiffView";
export { EditableMessage, type EditableMessageLabels, type EditableMessageProps } from "./edits/EditableMessage";
export { editEventInput } from "./edits/editEventInput";
export { type DraftTracking, type DraftTrackingOptions, useDraftTracking } from "./edits/useDraftTracking";
export { FeedbackError, type FeedbackErrorKind } from "./errors";
export type { EmitInput, EnvelopeFields } from "./events/createEvent";
export { MAX_TEXT_BYTES } from "./events/limits";
export type * from "./events/types";
export { type ContractViolation, isFeedbackEvent, validateEvent } from "./events/validate";
export type { FeedbackMessageScope } from "./provider/context";
export { FeedbackMessage, type FeedbackMessageProps, useFeedbackMessage } from "./provider/FeedbackMessage";
export { FeedbackProvider, type FeedbackProviderProps } from "./provider/FeedbackProvider";
export {
  createFeedbackClient,
  type FeedbackClient,
  type FeedbackConfig,
  type FeedbackContext,
  type TransportFactory,
} from "./provider/feedbackClient";
export { type FeedbackApi, useFeedback } from "./provider/useFeedback";
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
