import { lazyDeliveryQueue } from "../delivery/lazyDeliveryQueue";
import { localTransport } from "../delivery/localTransport";
import type { DeliveryOptions } from "../delivery/options";
import { FeedbackError } from "../errors";
import { createEvent, type EmitInScope, type EnvelopeFields, isInputOf } from "../events/createEvent";
import { truncateEvent } from "../events/limits";
import type { FeedbackEvent, FeedbackEventOf, FeedbackEventType, JsonObject, RatingValue } from "../events/types";
import { isEventOf, validateEvent } from "../events/validate";
import type { FeedbackSink, ReportError, TransportFactory } from "../sinks/types";
import { isSampledIn } from "./sampling";

/** Facts about the app merged into every event. */
export interface FeedbackContext {
  app?: string;
  environment?: string;
  userId?: string;
  sessionId?: string;
  metadata?: JsonObject;
}

/** One app's feedback configuration: what `FeedbackProvider` takes, less its children. */
export interface FeedbackConfig {
  /** Where events go. */
  sink: FeedbackSink;
  /** Merged into every event (a message scope and the emit call win over it). */
  context?: FeedbackContext;
  /**
   * Runs on every event before it is stored or sent: return the event (changed or not), or `null` to drop it.
   * If it throws, the event is dropped and reported: an unredacted event is never sent.
   */
  redact?: (event: FeedbackEvent) => FeedbackEvent | null;
  /** Share of sessions whose events are sent, 0..1 (default 1). Decided once per session id. */
  sample?: number;
  /** Hears every delivery problem; the UI never does. Defaults to `console.warn`. */
  onError?: (error: FeedbackError) => void;
  /**
   * How events are delivered: batch size and delay, retries and backoff, storage and caps (see
   * `DeliveryOptions`). Read once, when the provider mounts.
   */
  delivery?: DeliveryOptions;
  /**
   * False until the user agrees to feedback being collected: while false, nothing is built, stored or sent
   * (emit returns `null`), and events an earlier page left stored wait too. Default true.
   */
  enabled?: boolean;
  /** Emit `abandon` for messages that were shown but got no interaction at all (default true). */
  abandonment?: boolean;
  /**
   * Replaces the delivery layer. By default the sink decides: the persisted, batched, retried queue (loaded on
   * first use) unless the sink declares `delivery: "in-page"`, which sends at once and stores nothing.
   */
  transport?: TransportFactory;
}

/** The provider's engine, without React: builds, checks and delivers events. */
export interface FeedbackClient {
  /**
   * Builds an event from `input` over the given envelope sources, redacts, checks and delivers it. Returns the
   * event as sent, or `null` when it is not sent (sampled out, dropped by `redact`, or invalid: then `onError`
   * hears why). The event is of the input's type: `emit({ type: "rating", ... })` returns a `RatingEvent`.
   */
  emit: EmitInScope;
  /**
   * What the user did to a message under this provider so far, kept for the page's life: widgets that unmount
   * and mount again (a virtualised list, a replaced answer) start from it. `vote` is absent until a first vote.
   */
  recall(messageId: string): MessageMemory;
  /** Resolves when everything emitted so far is accepted or given up on. */
  flush(): Promise<void>;
  /** Swaps in a newer configuration (the transport stays). */
  configure(config: FeedbackConfig): void;
  /**
   * Emits `abandon` for a message that was shown for `dwellMs` and got no interaction: unless abandonment is
   * off, the message had any other event, or it was already reported as abandoned. Returns the event or `null`.
   */
  abandon(
    payload: { dwellMs: number; cause: "hidden" | "unmounted" | "replaced" },
    scope: EnvelopeFields,
  ): FeedbackEvent | null;
  /** Whether `abandon` can emit at all (abandonment on, collection enabled): lets a message skip observing. */
  tracksAbandonment(): boolean;
  /** Starts delivery: listeners, and sending what an earlier page left behind. `emit` and `flush` start it too. */
  start(): void;
  /** Stops timers and listeners; waiting events stay stored for the next start or load. */
  close(): void;
}

/** What the provider remembers of one message (see `FeedbackClient.recall`). */
export interface MessageMemory {
  /** The latest vote emitted for the message, `null` once withdrawn; absent before any vote. */
  vote?: RatingValue;
  /** Regenerates of the message so far (0 before the first). */
  attempts: number;
}

const defaultOnError = (error: FeedbackError) => console.warn(`[react-feedback-loop] ${error.message}`);

/**
 * Creates the engine behind `FeedbackProvider`. Useful on its own outside React (a vanilla widget, a test).
 *
 * @example
 * ```ts
 * const client = createFeedbackClient({ sink: memorySink() });
 * client.emit({ type: "custom", name: "shared", messageId: "m1" });
 * await client.flush();
 * ```
 */
export function createFeedbackClient(initial: FeedbackConfig): FeedbackClient {
  let config = initial;
  const samplePoint = Math.random();
  const report: ReportError = (kind, message, details) => {
    const error = new FeedbackError(kind, message, details);
    try {
      (config.onError ?? defaultOnError)(error);
    } catch (thrown) {
      // An app's error handler that throws must not break the widget that emitted.
      console.error("[react-feedback-loop] onError threw", thrown);
    }
  };
  const getSink = () => config.sink;
  const pick = config.transport ?? (config.sink.delivery === "in-page" ? localTransport : lazyDeliveryQueue);
  const transport = pick({ getSink, report, options: config.delivery });

  // Messages with any signal from the user (the latest vote and the regenerate count of each), and messages
  // already reported as abandoned (once per message).
  const memory = new Map<string, MessageMemory>();
  const abandoned = new Set<string>();
  const remember = (messageId: string, input: { type: FeedbackEventType }) => {
    if (input.type === "abandon") return;
    const known = memory.get(messageId) ?? { attempts: 0 };
    if (isInputOf(input, "rating")) known.vote = input.value;
    if (isInputOf(input, "regenerate")) known.attempts = Math.max(known.attempts, input.attempt);
    memory.set(messageId, known);
  };
  // The event of the asked-for type when it keeps the contract; else `onError` hears why, and nothing is sent.
  const checked = <T extends FeedbackEventType>(event: unknown, type: T): FeedbackEventOf<T> | null => {
    if (isEventOf(event, type)) return event;
    const violation = validateEvent(event) ?? { field: "type", message: `type must stay "${type}"` };
    const id = typeof event === "object" && event !== null && "id" in event ? String(event.id) : undefined;
    report("invalid-event", `${type} event not sent: ${violation.message}`, {
      field: violation.field,
      ...(id !== undefined && { eventIds: [id] }),
    });
    return null;
  };
  const send = <E extends FeedbackEvent>(event: E | null): E | null => {
    if (event) transport.enqueue(event);
    return event;
  };
  let startWanted = false;
  const enabled = () => config.enabled !== false;

  const client: FeedbackClient = {
    emit(input, scope) {
      // Remembered even before consent: it is the page's own state (a pressed thumb), never stored or sent.
      const messageId = input.messageId ?? scope?.messageId;
      if (messageId !== undefined) remember(messageId, input);
      if (!enabled()) return null;
      const { context } = config;
      const sessionId = input.sessionId ?? scope?.sessionId ?? context?.sessionId;
      if (!isSampledIn(config.sample, sessionId, samplePoint)) return null;
      const event = checked(truncateEvent(createEvent(input, context, scope)), input.type);
      if (!event || !config.redact) return send(event);
      let redacted: FeedbackEvent | null;
      try {
        redacted = config.redact(event);
      } catch (cause) {
        report("config", `redact threw, so the ${input.type} event was dropped: ${String(cause)}`, { cause });
        return null;
      }
      if (redacted === null) return null;
      if (redacted === event) return send(event);
      // A changed event is checked again: redaction may cut text past a diff, or change the event's type.
      return send(checked(truncateEvent(redacted), input.type));
    },
    recall: (messageId) => memory.get(messageId) ?? { attempts: 0 },
    abandon(payload, scope) {
      const { messageId } = scope;
      if (!client.tracksAbandonment() || messageId === undefined) return null;
      if (memory.has(messageId) || abandoned.has(messageId)) return null;
      abandoned.add(messageId);
      return client.emit({ type: "abandon", ...payload }, scope);
    },
    tracksAbandonment: () => enabled() && config.abandonment !== false,
    // Before consent nothing may be stored or sent, and the queue sends leftovers as it starts or flushes.
    flush: () => (enabled() ? transport.flush() : Promise.resolve()),
    configure(next) {
      config = next;
      if (startWanted && enabled()) transport.start?.();
    },
    start() {
      startWanted = true;
      if (enabled()) transport.start?.();
    },
    close: () => transport.close(),
  };
  return client;
}
