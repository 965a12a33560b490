// Trace and span ids as a tracing backend would hand them out (32 and 16 lowercase hex characters), but from a
// seeded generator, so that a story shows the same ids on every run and its tests can rely on them.

import { seededRandom } from "../../test/support/seededRandom";

function hex(next: () => number, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(next() * 16).toString(16);
  return out;
}

/** The ids of the `n`th answer of a conversation: message id (`id`), trace id and span id. */
export function answerIds(n: number): { id: string; traceId: string; spanId: string } {
  const next = seededRandom(n * 7919 + 17);
  return { id: `msg_${hex(next, 12)}`, traceId: hex(next, 32), spanId: hex(next, 16) };
}
