import type { FeedbackClient } from "../provider/feedbackClient";

// Regenerate counts per provider and message. Kept outside the component: the button is often unmounted and
// mounted again when the app replaces the answer, and the count must go on.
const countsByClient = new WeakMap<FeedbackClient, Map<string, number>>();

function countsFor(client: FeedbackClient): Map<string, number> {
  let counts = countsByClient.get(client);
  if (!counts) {
    counts = new Map();
    countsByClient.set(client, counts);
  }
  return counts;
}

/** How many times the message was regenerated under this provider. */
export function attemptsSoFar(client: FeedbackClient, messageId: string): number {
  return countsFor(client).get(messageId) ?? 0;
}

/** Counts one more regenerate of the message and returns its attempt number (1 for the first). */
export function nextAttempt(client: FeedbackClient, messageId: string): number {
  const attempt = attemptsSoFar(client, messageId) + 1;
  countsFor(client).set(messageId, attempt);
  return attempt;
}
