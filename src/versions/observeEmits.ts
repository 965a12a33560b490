import type { EmitInScope, EnvelopeFields } from "../events/createEvent";
import type { FeedbackEventType } from "../events/types";
import type { FeedbackClient } from "../provider/feedbackClient";

/** What an observer hears: the input a widget emitted and the message scope it emitted in. */
export type EmitObserver = (input: { type: FeedbackEventType; messageId?: string }, scope?: EnvelopeFields) => void;

// Each observing client's provider client: memories that last the page's life hang on the provider's.
const origins = new WeakMap<FeedbackClient, FeedbackClient>();

/**
 * The provider's client as the widgets below a component see it: every emit goes to the provider as before,
 * and `observe` hears it afterwards. So a component learns what the user did inside the messages it wraps
 * (a copy, a vote) without the widgets knowing about it. Everything but `emit` is the provider client's own.
 */
export function observingClient(client: FeedbackClient, observe: EmitObserver): FeedbackClient {
  const observing: FeedbackClient = Object.create(client);
  const emit: EmitInScope = (input, scope) => {
    const event = client.emit(input, scope);
    observe(input, scope);
    return event;
  };
  observing.emit = emit;
  origins.set(observing, providerClient(client));
  return observing;
}

/** The provider's own client behind any observing ones. */
export function providerClient(client: FeedbackClient): FeedbackClient {
  return origins.get(client) ?? client;
}
