import { createContext, useContext } from "react";
import type { EnvelopeFields } from "../events/createEvent";
import type { FeedbackClient } from "./feedbackClient";

/** The provider's engine, shared with every hook below it. Its identity never changes while mounted. */
export const FeedbackClientContext = /* @__PURE__ */ createContext<FeedbackClient | null>(null);

/** The enclosing `FeedbackMessage`'s ids and content. */
export interface FeedbackMessageScope extends EnvelopeFields {
  messageId: string;
}

export const FeedbackMessageContext = /* @__PURE__ */ createContext<FeedbackMessageScope | null>(null);

/** Reads the provider's engine, or throws a sentence that says how to fix a missing provider. */
export function useFeedbackClient(caller: string): FeedbackClient {
  const client = useContext(FeedbackClientContext);
  if (!client) {
    throw new Error(
      `${caller} must be used inside <FeedbackProvider>. Wrap your app (or the part with the chat) in <FeedbackProvider sink={...}>, imported from "react-feedback-loop".`,
    );
  }
  return client;
}
