import { diffWords } from "../diff/diffWords";
import type { EmitInput } from "../events/createEvent";
import { cutText } from "../events/limits";
import type { EditStats } from "../events/types";

const NO_STATS: EditStats = {
  wordsAdded: 0,
  wordsRemoved: 0,
  wordsKept: 0,
  editRate: 0,
  similarity: 1,
  charsAdded: 0,
  charsRemoved: 0,
};

/**
 * The `edit` event for a draft and its final text, ready for `emit`: diff, statistics, duration and
 * `accepted` (final equals draft). The diff runs here, once per commit.
 *
 * - Texts over the contract's 32 KiB limit: the statistics come from the full texts; the provider then cuts
 *   `draft` and `final` and marks the event `truncated: true`, so the diff carried is the diff of the cut
 *   texts (still rebuilding exactly the `draft` and `final` the event carries).
 * - A draft or final that is not a string goes out as is: the provider's contract check then refuses the
 *   event ("edit event not sent: draft must be a string") through `onError`, and nothing is sent.
 *
 * @example
 * ```ts
 * const client = createFeedbackClient({ sink });
 * client.emit(editEventInput("Hi there.", "Hello there.", 4200, "msg-1"));
 * ```
 */
export function editEventInput(
  draft: string,
  final: string,
  durationMs: number,
  messageId?: string,
): EmitInput<"edit"> & { type: "edit" } {
  const duration = Math.max(0, Number.isFinite(durationMs) ? Math.round(durationMs) : 0);
  const input: EmitInput<"edit"> & { type: "edit" } =
    typeof draft !== "string" || typeof final !== "string"
      ? { type: "edit", draft, final, diff: [], stats: NO_STATS, durationMs: duration, accepted: false }
      : { type: "edit", draft, final, ...diffForEvent(draft, final), durationMs: duration, accepted: draft === final };
  if (messageId !== undefined) input.messageId = messageId;
  return input;
}

function diffForEvent(draft: string, final: string) {
  const full = diffWords(draft, final);
  const cutDraft = cutText(draft);
  const cutFinal = cutText(final);
  if (cutDraft === draft && cutFinal === final) return full;
  return { diff: diffWords(cutDraft, cutFinal).diff, stats: full.stats };
}
